// Runs with the back-office project (after the public specs): a coordinator's dashboard and an
// update campaign followed from the contact's mail to their answer.
import type { Browser, Page } from '@playwright/test';
import { accessibilityViolations, expect, test } from './fixtures';
import { lastMessageTo } from './session';

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/connexion');
  await page.getByLabel('Adresse électronique').first().fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/admin$/);
}

/** The campaign link last sent to an address, as the contact received it (the outbox copy masks it). */
async function campaignLinkFor(browser: Browser, email: string) {
  return (await lastMessageTo(browser, email)).text.match(/\/mise-a-jour\/[\w-]+/)![0];
}

const count = async (page: Page, label: string) =>
  Number(await page.getByTestId('campaign-progress').getByRole('row', { name: label }).getByRole('cell').textContent());

test.describe.configure({ mode: 'serial' });

test('the network dashboard is refused to an editor and to another network’s coordinator', async ({ browser }) => {
  for (const [email, password] of [
    ['editeur@tilleuls.example.org', 'demo-editeur-2026'],
    ['coordination@hub-pdl.example.org', 'demo-hub-2026'],
  ]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, email, password);
    const response = await page.goto('/admin/reseaux/cybanjou');
    expect(response?.status()).toBe(404);
    expect((await page.goto('/admin/reseaux/cybanjou/campagnes/nouvelle'))?.status()).toBe(404);
    await context.close();
  }
});

test('a coordinator runs a campaign: contacts confirm or correct from the emailed link, the counts follow', async ({ page, browser }) => {
  await signIn(page, 'coordination@cybanjou.example.org', 'demo-coord-2026');
  await page.getByRole('link', { name: 'Coordination des réseaux' }).click();
  await page.getByRole('link', { name: 'Cyb@njou' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tableau de bord — Cyb@njou');
  const freshness = async () => Number((await page.getByTestId('network-freshness').locator('strong').first().textContent())!);
  const staleBefore = await freshness();
  expect(staleBefore).toBeGreaterThanOrEqual(3);
  expect(await accessibilityViolations(page)).toEqual([]);

  await page.getByRole('link', { name: 'Lancer une campagne de mise à jour' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nouvelle campagne de mise à jour');
  // Keep three stale places that have an email address.
  const boxes = page.getByRole('checkbox');
  const total = await boxes.count();
  const chosen: Array<{ name: string; email: string }> = [];
  for (let i = 0; i < total; i++) {
    const label = (await page.locator(`label[for="${await boxes.nth(i).getAttribute('id')}"]`).textContent())!;
    const email = label.match(/[\w.+-]+@[\w.-]+\.[a-z]{2,}/)?.[0];
    if (email && chosen.length < 3 && !chosen.some((c) => c.email === email)) chosen.push({ name: label.split(' — ')[0], email });
    else await boxes.nth(i).uncheck();
  }
  expect(chosen).toHaveLength(3);
  await page.getByLabel('Nom de la campagne').fill('Campagne de test');
  await page.getByRole('button', { name: 'Lancer la campagne et envoyer les courriels' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Campagne « Campagne de test »');
  await expect(page.getByRole('status')).toContainText('3 courriels envoyés');
  expect(await count(page, 'Courriels envoyés')).toBe(3);
  expect(await count(page, 'Sans réponse')).toBe(3);
  const campaignUrl = page.url().replace(/\?.*$/, '');

  // The first contact, without an account, confirms.
  const contact = await browser.newContext();
  const visitor = await contact.newPage();
  const first = await campaignLinkFor(browser, chosen[0].email);
  await visitor.goto(first);
  await expect(visitor.getByRole('heading', { level: 1 })).toContainText(chosen[0].name);
  expect(await accessibilityViolations(visitor)).toEqual([]);
  await visitor.getByRole('button', { name: 'Tout est à jour' }).click();
  await expect(visitor.getByRole('status')).toHaveText('Merci ! La fiche est confirmée à jour à la date d’aujourd’hui.');
  // The link works once.
  await visitor.goto(first);
  await expect(visitor.locator('.notice[role=alert]')).toContainText('Ce lien a déjà servi');

  // The second contact corrects the phone number (an invalid one first).
  await visitor.goto(await campaignLinkFor(browser, chosen[1].email));
  await visitor.getByLabel('Téléphone', { exact: true }).fill('pas un numéro');
  await visitor.getByRole('button', { name: 'Envoyer mes corrections' }).click();
  await expect(visitor.locator('.field-error')).toContainText('Ce numéro de téléphone n’est pas valable');
  await visitor.getByLabel('Téléphone', { exact: true }).fill('02 61 91 55 55');
  await visitor.getByRole('button', { name: 'Envoyer mes corrections' }).click();
  await expect(visitor.getByRole('status')).toContainText('Vos corrections ont été transmises');
  await contact.close();

  await page.goto(campaignUrl);
  expect(await count(page, 'Liens ouverts')).toBe(2);
  expect(await count(page, 'Confirmés')).toBe(1);
  expect(await count(page, 'Corrections proposées')).toBe(1);
  expect(await count(page, 'Sans réponse')).toBe(1);
  await expect(page.getByText(/La relance des lieux sans réponse sera possible à partir du/)).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);

  await page.goto('/admin/reseaux/cybanjou');
  expect(await freshness()).toBe(staleBefore - 1);
  await expect(page.getByRole('link', { name: /Campagne de test/ })).toBeVisible();

  await page.goto('/admin/a-valider');
  const pending = page.getByTestId('pending-revision').filter({ hasText: chosen[1].name });
  await expect(pending).toContainText('Contact du lieu (campagne « Campagne de test »)');
  await expect(pending).toContainText('02 61 91 55 55');
});
