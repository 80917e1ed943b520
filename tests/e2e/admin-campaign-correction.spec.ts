// Runs with the back-office project (issue #23): a place's contact opens the campaign link on a
// phone, corrects Tuesday's hours in the grid and the phone number, sends; the coordinator reads
// the proposal in words (week tables, phones as dialled), applies it; the place's page shows the
// new hours and the campaign's response rate moves. No OpenStreetMap syntax on the pages the
// place or a resident reads. The same form without JavaScript, and a spent link that says what to do.
import { devices, type Browser, type Page } from '@playwright/test';
import { accessibilityViolations, expect, test } from './fixtures';
import { lastMessageTo, signInWithPassword } from './session';

// What OSM opening_hours looks like to a reader ("Tu-Fr 14:00-18:00", "PH off", "09:00-12:00").
const OSM_SYNTAX = /\b(?:Mo|Tu|We|Th|Fr|Sa|Su|PH|SH)(?:\s*[-,]\s*(?:Mo|Tu|We|Th|Fr|Sa|Su))*\s+(?:\d{1,2}:\d\d|off\b|closed\b)|\d\d:\d\d-\d\d:\d\d/;
const PONT_DES_FEES = { name: 'Cybercentre du Pont des Fées (fictif)', email: 'cyber@pontdesfees.example.org' };
const ARENES = { name: 'Médiathèque des Arènes (fictif)', email: 'arenes@mediatheques-doue.example.org' };

// Two people, two contexts, several pages each on a shared 2-core machine: more than the default 45 s.
test.describe.configure({ mode: 'serial', timeout: 150_000 });

/** Starts a campaign for one place of Cyb@njou; returns the campaign's page and the link the contact received. */
async function campaignFor(page: Page, browser: Browser, place: { name: string; email: string }, name: string) {
  await page.goto('/admin/reseaux/cybanjou/campagnes/nouvelle?critere=tous');
  const boxes = page.getByRole('checkbox');
  const total = await boxes.count();
  for (let i = 0; i < total; i++) {
    const label = await page.locator(`label[for="${await boxes.nth(i).getAttribute('id')}"]`).textContent();
    if (label?.startsWith(place.name)) await boxes.nth(i).check();
    else await boxes.nth(i).uncheck();
  }
  await page.getByLabel('Nom de la campagne').fill(name);
  await page.getByRole('button', { name: 'Lancer la campagne et envoyer les courriels' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Campagne « ${name} »`);
  const link = (await lastMessageTo(browser, place.email, '/mise-a-jour/')).text.match(/\/mise-a-jour\/[\w-]+/)![0];
  return { url: page.url().replace(/\?.*$/, ''), link };
}

const figure = (page: Page, label: string) => page.getByTestId('campaign-progress').getByRole('row', { name: label }).getByRole('cell');
const visibleText = (page: Page) => page.locator('body').innerText();

test('a place corrects Tuesday and its phone from a phone; the coordinator applies it in words; the page and the rate follow', async ({ page, browser }) => {
  await signInWithPassword(page, 'coordination@cybanjou.example.org', 'demo-coord-2026');
  const campaign = await campaignFor(page, browser, PONT_DES_FEES, 'Horaires de l’hiver');
  await expect(figure(page, 'Taux de réponse')).toHaveText('0 %');

  // The receptionist, on a phone.
  const phone = await browser.newContext({ ...devices['Pixel 7'], locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const place = await phone.newPage();
  await place.goto(campaign.link);
  await expect(place.getByRole('heading', { level: 1 })).toContainText(PONT_DES_FEES.name);
  const publicPage = (await place.getByRole('link', { name: /Voir la fiche publique/ }).getAttribute('href'))!;
  const listing = place.locator('.update-listing');
  await expect(listing.getByRole('row', { name: 'Mardi :' })).toContainText('14 h – 18 h');
  await expect(listing.getByRole('row', { name: 'Mercredi :' })).toContainText('9 h – 12 h, 14 h – 18 h');
  await expect(listing).toContainText('02 61 91 07 01');
  expect(await visibleText(place)).not.toMatch(OSM_SYNTAX);
  expect(await place.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  expect(await accessibilityViolations(place)).toEqual([]);
  await expect(place.getByLabel('Téléphone', { exact: true })).toHaveValue('02 61 91 07 01');
  await expect(place.getByLabel('Mardi, plage 1, début')).toHaveValue('14:00');

  // Overlapping ranges first: said in French, what was typed kept.
  await place.getByLabel('Mardi, plage 1, début').fill('10:00');
  await place.getByLabel('Mardi, plage 1, fin').fill('12:30');
  await place.getByLabel('Mardi, plage 2, début').fill('12:00');
  await place.getByLabel('Mardi, plage 2, fin').fill('18:00');
  await place.getByLabel('Téléphone', { exact: true }).fill('02.61.91.55.55');
  await place.getByRole('button', { name: 'Envoyer mes corrections' }).click();
  await expect(place.locator('.field-error')).toContainText('Mardi : les plages 10 h – 12 h 30 et 12 h – 18 h se chevauchent');
  await expect(place.getByLabel('Mardi, plage 1, début')).toHaveValue('10:00');
  await expect(place.getByLabel('Téléphone', { exact: true })).toHaveValue('02.61.91.55.55');
  expect(await accessibilityViolations(place)).toEqual([]);
  await place.getByLabel('Mardi, plage 2, début').fill('14:00');
  await place.getByRole('button', { name: 'Envoyer mes corrections' }).click();
  await expect(place.getByRole('status')).toContainText('Vos corrections ont été transmises');
  await phone.close();

  // The coordinator reads a before/after in words, and applies it.
  await page.goto('/admin/a-valider');
  const proposal = page.getByTestId('pending-revision').filter({ hasText: PONT_DES_FEES.name });
  await expect(proposal).toContainText('Contact du lieu (campagne « Horaires de l’hiver »)');
  const hours = proposal.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Horaires', exact: true }) });
  await expect(hours.locator('.diff__before').getByRole('row', { name: 'Mardi :' })).toContainText('14 h – 18 h');
  await expect(hours.locator('.diff__after').getByRole('row', { name: 'Mardi :' })).toContainText('10 h – 12 h 30, 14 h – 18 h');
  // Only the day that changed is marked.
  await expect(hours.locator('.diff__after ins')).toHaveText(['10 h – 12 h 30, 14 h – 18 h']);
  const phoneRow = proposal.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Téléphone', exact: true }) });
  await expect(phoneRow.locator('del')).toHaveText('02 61 91 07 01');
  await expect(phoneRow.locator('ins')).toHaveText('02 61 91 55 55');
  expect(await visibleText(page)).not.toMatch(OSM_SYNTAX);
  expect(await accessibilityViolations(page)).toEqual([]);
  await proposal.getByRole('button', { name: 'Valider et publier' }).click();
  await expect(page.getByTestId('pending-revision').filter({ hasText: PONT_DES_FEES.name })).toHaveCount(0);

  // The place's page shows the new hours and number.
  await page.goto(publicPage);
  await expect(page.locator('.hours__table tr').filter({ hasText: 'mardi' }).locator('td')).toHaveText('10 h – 12 h 30, 14 h – 18 h');
  await expect(page.getByRole('link', { name: '02 61 91 55 55' })).toBeVisible();
  expect(await visibleText(page)).not.toMatch(OSM_SYNTAX);

  // The campaign counts the correction.
  await page.goto(campaign.url);
  await expect(figure(page, 'Corrections proposées')).toHaveText('1');
  await expect(figure(page, 'Sans réponse')).toHaveText('0');
  await expect(figure(page, 'Taux de réponse')).toHaveText('100 %');
});

test('without JavaScript the grid still corrects, an empty week is asked about, and a spent link says what to do', async ({ page, browser }) => {
  await signInWithPassword(page, 'coordination@cybanjou.example.org', 'demo-coord-2026');
  const campaign = await campaignFor(page, browser, ARENES, 'Sans script');
  const context = await browser.newContext({ ...devices['Pixel 7'], javaScriptEnabled: false, locale: 'fr-FR' });
  const place = await context.newPage();
  await place.goto(campaign.link);
  // A week emptied: which does it mean?
  for (const input of await place.locator('.hours-grid input[type=time]').all()) await input.fill('');
  await place.getByRole('button', { name: 'Envoyer mes corrections' }).click();
  await expect(place.locator('#semaine-vide-error')).toContainText('recevez-vous sur rendez-vous uniquement, ou le lieu est-il fermé');
  await expect(place.getByLabel('Mardi, plage 1, début')).toHaveValue('');
  await place.getByLabel('Sur rendez-vous uniquement (pas d’horaires fixes)').check();
  await place.getByRole('button', { name: 'Envoyer mes corrections' }).click();
  await expect(place.getByRole('status')).toContainText('Vos corrections ont été transmises');

  // The link is spent: the page says so, and where to go instead.
  await place.goto(campaign.link);
  await expect(place.getByRole('alert')).toContainText('Ce lien a déjà servi');
  await expect(place.getByRole('link', { name: `fiche publique de « ${ARENES.name} »` })).toHaveAttribute('href', /\/lieux\/.+#signalement$/);
  await place.goto('/mise-a-jour/pas-un-vrai-lien');
  await expect(place.getByRole('alert')).toContainText('Ce lien n’est pas valable');
  await context.close();

  await page.goto('/admin/a-valider');
  const proposal = page.getByTestId('pending-revision').filter({ hasText: ARENES.name });
  await expect(proposal).toContainText('Pas d’horaires fixes : sur rendez-vous.');
  expect(await visibleText(page)).not.toMatch(OSM_SYNTAX);
  await proposal.getByRole('button', { name: 'Refuser' }).click();
  await expect(page.getByTestId('pending-revision').filter({ hasText: ARENES.name })).toHaveCount(0);
});
