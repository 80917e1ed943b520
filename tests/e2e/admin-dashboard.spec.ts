// Runs with the back-office project: the Cyb@njou coordinator's dashboard (issue #23) — freshness
// map and chart, campaign answers, the list to call (printed, downloaded as CSV), at phone width and
// axe-clean; refused to others; then the weekly digest chosen on "Mon compte", sent by the command
// run twice (one mail), and stopped from its signed link without signing in.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { createPrismaClient } from '../../lib/db/client';
import { optOutToken } from '../../lib/digests/token';
import { parisWeekday } from '../../lib/digests/week';
import { e2eDatabaseUrl } from './e2e-database';
import { accessibilityViolations, expect, test } from './fixtures';
import { lastMessageTo, signInWithPassword } from './session';

const COORD = ['coordination@cybanjou.example.org', 'demo-coord-2026'] as const;
const E2E_SECRET = 'e2e-secret-not-for-production-0123456789';
const prisma = createPrismaClient(e2eDatabaseUrl(), { max: 1 });

test.describe.configure({ mode: 'serial' });
test.afterAll(() => prisma.$disconnect());

/** Launches a campaign on the last stale place with an address (other specs take the first ones); its contact says they are the wrong person. */
async function campaignWithWrongContact(page: Page, browser: Browser) {
  await page.goto('/admin/reseaux/cybanjou/campagnes/nouvelle');
  const boxes = page.getByRole('checkbox');
  const total = await boxes.count();
  let chosen: { name: string; email: string } | null = null;
  for (let i = total - 1; i >= 0; i--) {
    const label = (await page.locator(`label[for="${await boxes.nth(i).getAttribute('id')}"]`).textContent())!;
    const email = label.match(/[\w.+-]+@[\w.-]+\.[a-z]{2,}/)?.[0];
    if (email && !chosen) chosen = { name: label.split(' — ')[0], email };
    else await boxes.nth(i).uncheck();
  }
  await page.getByLabel('Nom de la campagne').fill('Campagne du tableau de bord');
  await page.getByRole('button', { name: 'Lancer la campagne et envoyer les courriels' }).click();
  await expect(page.getByRole('status')).toContainText('1 courriel envoyé.');
  const link = (await lastMessageTo(browser, chosen!.email)).text.match(/\/mise-a-jour\/[\w-]+/)![0];
  const contact = await browser.newContext();
  const visitor = await contact.newPage();
  await visitor.goto(link);
  await visitor.getByRole('button', { name: 'Je ne suis pas la bonne personne' }).click();
  await expect(visitor).toHaveURL(/\/mise-a-jour\/merci\?reponse=mauvais-contact/);
  await contact.close();
  return chosen!;
}

test('the dashboard shows the freshness map and chart, the campaigns’ answers and the list to call; it prints and downloads', async ({ page, browser }) => {
  await signInWithPassword(page, ...COORD);
  const chosen = await campaignWithWrongContact(page, browser);

  await page.goto('/admin/reseaux/cybanjou');
  const map = page.getByTestId('freshness-map');
  await expect(map.getByRole('img')).toHaveAttribute('aria-label', /Carte des \d+ lieux situés/);
  expect(await map.locator('circle[data-band]').count()).toBeGreaterThan(10);
  await expect(map.getByRole('list', { name: 'Légende de la carte' })).toContainText('confirmée il y a plus de 12 mois');
  const chart = page.getByTestId('freshness-chart');
  expect(await chart.locator('svg rect').count()).toBeGreaterThan(5);
  await chart.getByText('Les chiffres du graphique').click();
  await expect(chart.getByRole('row')).toHaveCount(13);
  const rates = page.getByTestId('campaign-rates').getByRole('row', { name: /Campagne du tableau de bord/ });
  await expect(rates.getByRole('cell').nth(0)).toHaveText('1');
  await expect(rates.getByRole('cell').nth(2)).toHaveText('1 (100 %)');
  const toCall = page.getByTestId('call-list').getByRole('row').filter({ hasText: chosen.name });
  await expect(toCall).toContainText('mauvais contact');
  await expect(toCall.getByRole('link', { name: /^0\d( \d\d){4}$/ })).toBeVisible();
  await expect(page.getByTestId('review-age')).toContainText('la plus ancienne attend depuis');
  expect(await accessibilityViolations(page)).toEqual([]);
  // The optional tile map loads on request (its tiles are blocked here: the markers are what counts).
  await map.getByRole('button', { name: 'Afficher aussi sur un fond de carte (OpenStreetMap)' }).click();
  await expect(map.locator('.leaflet-container path.leaflet-interactive').first()).toBeVisible();

  // The CSV: a file for Excel, its BOM and French headers, the place with its phone number.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Télécharger la liste (CSV)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^a-appeler-cybanjou-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  expect(csv.startsWith('\uFEFF"Lieu";"Commune";"Téléphone"')).toBe(true);
  expect(csv).toContain(chosen.name);
  expect(csv).toMatch(/"0\d( \d\d){4}"/);

  // The printable list: the back-office's navigation and buttons stay off paper.
  await page.getByRole('link', { name: 'Version à imprimer' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Lieux à appeler — Cyb@njou \(1\)/);
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void (window as unknown as { printed: number }).printed++;
  });
  await page.getByRole('button', { name: 'Imprimer' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Espace des contributeurs' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Imprimer' })).toBeHidden();
  await expect(page.getByTestId('call-list')).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  expect(await accessibilityViolations(page)).toEqual([]);
});

test('at phone width the dashboard fits the screen and stays axe-clean', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await signInWithPassword(page, ...COORD);
  await page.goto('/admin/reseaux/cybanjou');
  await expect(page.getByTestId('freshness-map').getByRole('img')).toBeVisible();
  const box = (await page.getByTestId('freshness-map').getByRole('img').boundingBox())!;
  expect(box.width).toBeLessThanOrEqual(375);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  expect(await accessibilityViolations(page)).toEqual([]);
});

test('another network’s coordinator and a place editor get 404 for the dashboard, the list and its CSV', async ({ browser }) => {
  for (const [email, password] of [
    ['coordination@hub-pdl.example.org', 'demo-hub-2026'],
    ['editeur@tilleuls.example.org', 'demo-editeur-2026'],
  ]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInWithPassword(page, email, password);
    for (const path of ['/admin/reseaux/cybanjou', '/admin/reseaux/cybanjou/a-appeler', '/admin/reseaux/cybanjou/a-appeler.csv']) {
      const response = await context.request.get(path, { maxRedirects: 0 });
      expect(response.status(), `${email} ${path}`).toBe(404);
      const body = await response.text();
      // Nothing of the network's list: neither the campaign nor why to call (the page's fixed title may be there).
      expect(body).not.toContain('Campagne du tableau de bord');
      expect(body).not.toContain('mauvais contact');
      expect(body).not.toContain(';"Téléphone";');
    }
    await context.close();
  }
  // Signed out, the CSV sends to the sign-in page.
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get('/admin/reseaux/cybanjou/a-appeler.csv', { maxRedirects: 0 })).status()).toBe(303);
  await anonymous.close();
});

test('the coordinator chooses the digest’s day; the command run twice sends it once; its link stops it without signing in', async ({ page, browser }) => {
  // The command runs twice (tsx starting, migrations checked): longer than a page's test.
  test.setTimeout(150_000);
  await signInWithPassword(page, ...COORD);
  await page.getByRole('link', { name: 'Mon compte' }).click();
  const today = String(parisWeekday(new Date()));
  await page.getByLabel('Jour d’envoi').selectOption(today);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('status')).toContainText('Résumé enregistré : envoyé chaque');
  expect(await accessibilityViolations(page)).toEqual([]);

  const user = await prisma.user.findUniqueOrThrow({ where: { email: COORD[0] } });
  expect(user.digestWeekday).toBe(Number(today));
  const { SMTP_URL: _smtp, ...rest } = process.env;
  const env = { ...rest, DATABASE_URL: e2eDatabaseUrl(), NEXTAUTH_SECRET: E2E_SECRET, PUBLIC_URL: 'http://localhost:3000' };
  for (let run = 0; run < 2; run++) {
    const result = spawnSync('npx', ['tsx', 'scripts/digests-send.ts'], { env, encoding: 'utf8', timeout: 60_000 });
    expect(result.status, result.stderr).toBe(0);
  }
  const digests = await prisma.outboxMessage.findMany({ where: { to: COORD[0], subject: { startsWith: 'Repères — résumé de la semaine' } } });
  expect(digests).toHaveLength(1);
  expect(digests[0].text).toContain('http://localhost:3000/admin/reseaux/cybanjou');

  const visitor = await browser.newContext();
  const signedOut = await visitor.newPage();
  await signedOut.goto(`/resume-hebdomadaire/desinscription?jeton=${optOutToken(user.id, E2E_SECRET)}`);
  expect(await accessibilityViolations(signedOut)).toEqual([]);
  await signedOut.getByRole('button', { name: 'Ne plus recevoir le résumé hebdomadaire' }).click();
  await expect(signedOut.getByRole('status')).toContainText('vous ne recevrez plus le résumé hebdomadaire');
  // A forged link says so, and changes nothing.
  const forged = await signedOut.goto(`/resume-hebdomadaire/desinscription?jeton=${user.id}.faux`);
  expect(forged?.status()).toBe(404);
  await visitor.close();
  expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).digestOptOut).toBe(true);
  await page.reload();
  await expect(page.getByLabel('Recevoir le résumé hebdomadaire par courriel')).not.toBeChecked();
});
