import type { Page } from '@playwright/test';
import { accessibilityViolations, expect, test } from './fixtures';
import { lastLinkFor, signInWithPassword } from './session';

const VIOLETTES = 'espace-numerique-des-violettes-fictif-saumur';
const TILLEULS = 'espace-numerique-des-tilleuls-angers';

async function openEditor(page: Page, name: string) {
  await page.goto(`/admin/lieux?q=${encodeURIComponent(name)}`);
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
}

test.describe.configure({ mode: 'serial' });

test('a coordinator signs in with a magic link and edits hours that the public page shows', async ({ page, browser }) => {
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/connexion\?retour=/);
  await page.getByLabel('Adresse électronique').nth(1).fill('coordination@cybanjou.example.org');
  await page.getByRole('button', { name: 'Recevoir un lien de connexion' }).click();
  await expect(page.getByRole('status')).toContainText('Si un compte existe pour cette adresse');

  const link = await lastLinkFor(browser, 'coordination@cybanjou.example.org', '/connexion/lien');
  await page.goto(link.replace(/^https?:\/\/[^/]+/, ''));
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('heading', { name: 'Tableau de bord' })).toBeVisible();

  await openEditor(page, 'Espace numérique des Violettes (fictif)');
  const hours = page.locator('form[data-section="horaires"]');
  await hours.getByLabel('Samedi, plage 1, début').fill('10:00');
  await hours.getByLabel('Samedi, plage 1, fin').fill('12:30');
  await expect(hours.getByLabel('Horaires au format OpenStreetMap')).toHaveValue('Mo-Fr 09:00-12:00,14:00-17:30; Sa 10:00-12:30; PH off');
  await hours.getByRole('button', { name: /Enregistrer/ }).click();
  await expect(hours.getByRole('status')).toHaveText('Enregistré.');

  await page.goto(`/lieux/${VIOLETTES}`);
  await expect(page.locator('.hours__table tr').filter({ hasText: 'samedi' }).locator('td')).toHaveText('10 h – 12 h 30');
  // The link works once.
  await page.goto(link.replace(/^https?:\/\/[^/]+/, ''));
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.locator('.notice[role=alert]')).toContainText('n’est plus valable');
});

test('an editor’s change waits for review and goes live when the coordinator approves', async ({ browser }) => {
  const editorContext = await browser.newContext();
  const editor = await editorContext.newPage();
  await signInWithPassword(editor, 'editeur@tilleuls.example.org', 'demo-editeur-2026');
  await openEditor(editor, 'Espace numérique des Tilleuls');
  const contact = editor.locator('form[data-section="contact"]');
  await contact.getByLabel('Téléphone').fill('02 41 77 66 55');
  await contact.getByRole('button', { name: /Enregistrer/ }).click();
  await expect(contact.getByRole('status')).toContainText('après validation');
  await editor.goto(`/lieux/${TILLEULS}`);
  await expect(editor.getByText('02 41 77 66 55')).toHaveCount(0);

  const coordinatorContext = await browser.newContext();
  const coordinator = await coordinatorContext.newPage();
  await signInWithPassword(coordinator, 'coordination@cybanjou.example.org', 'demo-coord-2026');
  await coordinator.goto('/admin/a-valider');
  const item = coordinator.getByTestId('pending-revision').filter({ hasText: 'Espace numérique des Tilleuls' });
  await expect(item).toContainText('02 41 77 66 55');
  await item.getByRole('button', { name: 'Valider et publier' }).click();
  await expect(coordinator.getByTestId('pending-revision').filter({ hasText: '02 41 77 66 55' })).toHaveCount(0);
  await editor.goto(`/lieux/${TILLEULS}`);
  await expect(editor.getByRole('link', { name: '02 41 77 66 55' })).toBeVisible();
  await editorContext.close();
  await coordinatorContext.close();
});

test('two people editing the same section get a conflict, not an overwrite; history restores', async ({ browser }) => {
  const pages: Page[] = [];
  for (let i = 0; i < 2; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInWithPassword(page, 'coordination@cybanjou.example.org', 'demo-coord-2026');
    await openEditor(page, 'Espace numérique des Violettes (fictif)');
    pages.push(page);
  }
  const [first, second] = pages.map((p) => p.locator('form[data-section="presentation"]'));
  await first.getByLabel('Résumé (280 caractères au plus)').fill('Version de la première personne');
  await first.getByRole('button', { name: /Enregistrer/ }).click();
  await expect(first.getByRole('status')).toHaveText('Enregistré.');
  await second.getByLabel('Résumé (280 caractères au plus)').fill('Version de la seconde personne');
  await second.getByRole('button', { name: /Enregistrer/ }).click();
  await expect(second.locator('.notice[role=alert]')).toContainText('Conflit');
  await expect(second.locator('.notice[role=alert]')).toContainText('Version de la première personne');
  await expect(second.getByLabel('Résumé (280 caractères au plus)')).toHaveValue('Version de la seconde personne');
  // Having seen the other change, the second person saves again on purpose.
  await second.getByRole('button', { name: /Enregistrer/ }).click();
  await expect(second.getByRole('status')).toHaveText('Enregistré.');

  const page = pages[0];
  await page.getByRole('link', { name: 'Historique' }).click();
  await expect(page.locator('.history__item').filter({ hasText: 'Version de la seconde personne' })).toHaveCount(1);
  await expect(page.locator('.history__item').filter({ hasText: 'Version de la première personne' })).toHaveCount(2);
  await page.locator('.history__item').first().getByRole('button', { name: 'Restaurer les valeurs d’avant' }).click();
  await expect(page.locator('.history__item').first()).toContainText('Restauration');
  await page.goto(`/lieux/${VIOLETTES}`);
  await expect(page.locator('.place-header__summary')).toHaveText('Version de la première personne');
  expect(await accessibilityViolations(page)).toEqual([]);
});

test('admin pages have no accessibility violation', async ({ page }) => {
  await signInWithPassword(page, 'admin@reperes.example', 'demo-admin-2026');
  for (const path of ['/admin', '/admin/lieux', '/admin/a-valider', '/admin/outbox']) {
    await page.goto(path);
    expect(await accessibilityViolations(page), path).toEqual([]);
  }
  await openEditor(page, 'Espace numérique des Violettes (fictif)');
  expect(await accessibilityViolations(page)).toEqual([]);
});

test('the places list counts every place and pages through them with page links', async ({ page }) => {
  await signInWithPassword(page, 'admin@reperes.example', 'demo-admin-2026');
  await page.goto('/admin/lieux?tri=nom');
  const total = Number((await page.getByRole('heading', { level: 1 }).textContent())?.match(/\((\d+)\)/)?.[1]);
  expect(total).toBeGreaterThan(25);
  const pages = Math.ceil(total / 25);
  const nav = page.getByRole('navigation', { name: 'Pages' });
  await expect(nav).toContainText(`Page 1 sur ${pages}`);
  const rows = page.locator('.admin-table tbody tr');
  await expect(rows).toHaveCount(25);
  const first = await rows.first().getByRole('link').textContent();
  await nav.getByRole('link', { name: 'Page 2', exact: true }).click();
  await expect(page).toHaveURL(/[?&]page=2(&|$)/);
  await expect(page).toHaveURL(/tri=nom/);
  await expect(nav.locator('[aria-current="page"]')).toHaveText('2');
  await expect(rows.first().getByRole('link')).not.toHaveText(first ?? '');
  // The last page holds what is left: nothing beyond a fixed number of rows is dropped.
  if (pages > 2) await nav.getByRole('link', { name: `Page ${pages}`, exact: true }).click();
  await expect(nav.locator('[aria-current="page"]')).toHaveText(String(pages));
  await expect(rows).toHaveCount(total - (pages - 1) * 25);
  await expect(nav.getByRole('link', { name: 'Suivante →' })).toHaveCount(0);
});

test('wrong passwords get the same message whether or not the account exists', async ({ page }) => {
  for (const email of ['admin@reperes.example', 'personne@example.org']) {
    await page.goto('/connexion');
    await page.getByLabel('Adresse électronique').first().fill(email);
    await page.getByLabel('Mot de passe', { exact: true }).fill('mauvais');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.locator('.notice[role=alert]')).toHaveText('Adresse ou mot de passe incorrect, ou trop de tentatives : réessayez dans quelques minutes.');
  }
});
