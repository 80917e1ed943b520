// Ateliers beyond their own pages (issue #19): a social worker puts two sessions and a place on
// a fiche d'orientation (screen, PDF, share link); a resident filters the search on « Ateliers à
// venir » without JavaScript; a partner site frames a network's agenda. The demo seed dates the
// first session of « Prendre en main son smartphone » tomorrow at 14:00 (Paris).
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pdfText } from '../helpers/pdf-text';
import { accessibilityViolations, expect, test } from './fixtures';

const GENETS = 'Centre social des Genêts (fictif)';
const SMARTPHONE = 'Prendre en main son smartphone';
const CAF = 'Faire ses démarches CAF en ligne';

test('a social worker adds sessions to the selection; the fiche, the PDF and the share link show them', async ({ page }) => {
  // Five pages, a PDF and three accessibility checks: 30 s alone, more on a loaded machine.
  test.slow();
  await page.goto('/ateliers/prendre-en-main-son-smartphone-cholet');
  const first = page.locator('li[id^="seance-"]').first();
  await first.getByRole('button', { name: /Ajouter la séance à ma sélection/ }).click();
  await expect(first.getByRole('button', { name: /Séance dans ma sélection/ })).toHaveAttribute('aria-pressed', 'true');
  // A cancelled session offers no button.
  const cancelled = page.locator('li[id^="seance-"]').filter({ hasText: 'Séance annulée' });
  await expect(cancelled).toHaveCount(1);
  await expect(cancelled.getByRole('button')).toHaveCount(0);
  expect(await accessibilityViolations(page)).toEqual([]);

  await page.goto('/ateliers?ou=Cholet&q=CAF');
  const card = page.locator('.atelier-card').filter({ hasText: CAF }).first();
  await card.getByRole('button', { name: /Ajouter la séance à ma sélection/ }).click();
  await expect(card.getByRole('button', { name: /Séance dans ma sélection/ })).toBeVisible();

  await page.goto('/recherche?ou=Cholet&ateliers=1');
  const place = page.locator('.result-card').filter({ hasText: GENETS });
  await expect(place.getByTestId('next-atelier')).toContainText(`Prochain atelier :`);
  await place.getByRole('button', { name: /Ajouter à ma sélection/ }).click();
  await expect(page.getByRole('link', { name: /Ma sélection \(3\)/ })).toBeVisible();

  await page.getByRole('link', { name: /Ma sélection/ }).click();
  await expect(page.getByTestId('selection-item')).toHaveCount(1);
  await expect(page.getByTestId('selection-session')).toHaveCount(2);
  await page.getByLabel('Note pour la personne (facultatif)').nth(1).fill('Apporter son téléphone chargé');
  await expect(page.getByTestId('fiche-session')).toHaveCount(2);
  const onFiche = page.getByTestId('fiche-session').first();
  await expect(onFiche).toContainText(SMARTPHONE);
  await expect(onFiche).toContainText('14 h 00 – 16 h 00');
  await expect(onFiche).toContainText('Inscription en ligne, sans compte');
  await expect(onFiche).toContainText('Note : Apporter son téléphone chargé');
  expect(await accessibilityViolations(page)).toEqual([]);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger la fiche (PDF)' }).click()]);
  const text = (await pdfText(fs.readFileSync((await download.path())!))).pages.join('\n');
  for (const expected of [GENETS, SMARTPHONE, CAF, '14 h 00 – 16 h 00', 'Inscription en ligne, sans compte', 'Note : Apporter son téléphone chargé']) {
    expect(text).toContain(expected);
  }

  const share = await page.getByLabel(/Lien à envoyer par SMS/).inputValue();
  expect(share).toMatch(/\/orienter\/fiche\?lieux=centre-social-des-genets[^&]*&seances=[0-9a-f-]{36},[0-9a-f-]{36}$/);
  await page.goto(share.replace(/^https?:\/\/[^/]+/, ''));
  await expect(page.getByTestId('fiche-place')).toHaveCount(1);
  await expect(page.getByTestId('fiche-session')).toHaveCount(2);
  await expect(page.getByTestId('fiche-session').nth(1)).toContainText(CAF);
  await expect(page.getByText('Apporter son téléphone')).toHaveCount(0);
  expect(await accessibilityViolations(page)).toEqual([]);
});

test('« Ateliers à venir » filters the search without JavaScript, each card naming its next atelier', async ({ browser, page }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const nojs = await context.newPage();
  await nojs.goto('/recherche?ou=Cholet&rayon=100');
  const all = await nojs.locator('.result-card').count();
  await nojs.getByRole('checkbox', { name: /Ateliers à venir/ }).check();
  await nojs.getByRole('button', { name: 'Rechercher' }).click();
  await expect(nojs).toHaveURL(/ateliers=1/);
  const cards = nojs.locator('.result-card');
  const count = await cards.count();
  expect(count).toBeGreaterThanOrEqual(3);
  expect(count).toBeLessThan(all);
  await expect(nojs.getByTestId('next-atelier')).toHaveCount(count);
  const genets = cards.filter({ hasText: GENETS }).getByTestId('next-atelier');
  await expect(genets).toContainText(/Prochain atelier : \p{L}+ \d{1,2} \p{L}+\.? à 14 h — Prendre en main son smartphone/u);
  await expect(genets.getByRole('link', { name: SMARTPHONE })).toHaveAttribute('href', '/ateliers/prendre-en-main-son-smartphone-cholet');
  await expect(nojs.getByRole('checkbox', { name: /Ateliers à venir/ })).toBeChecked();
  await context.close();

  await page.goto('/recherche?ou=Cholet&ateliers=1');
  expect(await accessibilityViolations(page)).toEqual([]);
});

test.describe('the network agenda embed', () => {
  let server: http.Server;
  let partner: string;

  test.beforeAll(async ({}, info) => {
    const app = new URL(info.project.use.baseURL!);
    server = http.createServer((_, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html><html lang="fr"><head><title>Site partenaire</title></head><body><h1>Notre agenda</h1>
<iframe src="${app.origin}/embed?reseau=hub-pdl&vue=ateliers" title="Agenda du réseau" width="100%" height="900" style="border:0"></iframe></body></html>`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    partner = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  test.afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  test('shows the network’s coming sessions in a partner’s frame, and only them', async ({ page, request }) => {
    await page.goto(partner);
    const frame = page.frameLocator('iframe');
    await expect(frame.getByRole('heading', { level: 1, name: 'Les ateliers du réseau Hub numérique Pays de la Loire (fictif)' })).toBeVisible();
    await expect(frame.locator('.atelier-card').filter({ hasText: CAF }).first()).toBeVisible();
    await expect(frame.locator('.atelier-card').filter({ hasText: SMARTPHONE })).toHaveCount(0);
    await expect(frame.locator('.atelier-card a').first()).toHaveAttribute('target', '_top');
    await expect(frame.locator('.site-header')).toHaveCount(0);

    const response = await request.get('/embed?reseau=hub-pdl&vue=ateliers');
    expect(response.headers()['x-frame-options']).toBeUndefined();
    expect(response.headers()['content-security-policy']).toContain('frame-ancestors *');

    // Another network's agenda: its own sessions, never a cancelled one.
    await page.goto('/embed?reseau=cybanjou&vue=ateliers');
    await expect(page.locator('.atelier-card').filter({ hasText: SMARTPHONE }).first()).toBeVisible();
    await expect(page.getByText('Séance annulée')).toHaveCount(0);
    await expect(page.getByText(/^Annulé :/)).toHaveCount(0);
    await expect(page.locator('.atelier-card').filter({ hasText: 'Faire une visio' })).toHaveCount(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Cette semaine').check();
    await page.getByRole('button', { name: 'Afficher' }).click();
    await expect(page).toHaveURL(/reseau=cybanjou.*vue=ateliers.*quand=semaine|quand=semaine/);

    const unknown = await request.get('/embed?reseau=inconnu&vue=ateliers');
    expect(unknown.status()).toBe(404);
    expect(await unknown.text()).toContain('Ce réseau n’existe pas sur Repères');
  });
});
