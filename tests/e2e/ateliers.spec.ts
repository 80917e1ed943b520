// A resident looks for a smartphone workshop near Cholet this week, registers, finds the
// confirmation in their mail and cancels through its link — with JavaScript and without.
// Registering on the English page gives an English mail and cancellation page (issue #20).
// The demo seed dates the first session of « Prendre en main son smartphone » (Cholet) tomorrow
// at 14:00, Paris time; « now » is frozen to that week's Monday 08:00 so that « cette semaine »
// holds it whatever day the suite runs.
import type { Browser, Page } from '@playwright/test';
import { accessibilityViolations, expect, test } from './fixtures';
import { lastLinkFor, lastMessageTo } from './session';

function mondayOfTomorrowsWeek(): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(new Date())
      .map((p) => [p.type, p.value]),
  );
  const tomorrow = new Date(Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day) + 1));
  const monday = new Date(tomorrow.getTime() - ((tomorrow.getUTCDay() + 6) % 7) * 86_400_000);
  // 08:00 in Paris is 06:00 or 07:00 UTC: 05:00 UTC is before it in both seasons.
  return new Date(monday.getTime() + 5 * 3600_000).toISOString();
}

async function freezeWeek(page: Page) {
  await page.context().addCookies([{ name: 'x-reperes-now', value: mondayOfTomorrowsWeek(), domain: 'localhost', path: '/' }]);
}

async function findSmartphoneAteliers(page: Page) {
  await page.goto('/ateliers');
  await page.getByLabel('Où ? Ville, code postal ou adresse').fill('Cholet');
  await page.getByLabel('Distance maximale').selectOption('20');
  await page.getByLabel('Mot-clé (ex. : smartphone)').fill('smartphone');
  await page.getByLabel('Cette semaine').check();
  await page.getByRole('button', { name: 'Chercher' }).click();
  await expect(page).toHaveURL(/quand=semaine/);
  await expect(page.getByRole('heading', { level: 2, name: /séance.* à moins de 20 km de Cholet/ })).toBeVisible();
  await expect(page.locator('.atelier-card').first()).toContainText('smartphone');
}

async function register(page: Page, browser: Browser, firstName: string, email: string) {
  await page.getByRole('link', { name: 'Prendre en main son smartphone' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Prendre en main son smartphone');
  const first = page.locator('li[id^="seance-"]').first();
  await expect(first).toContainText(/\d+ places? restantes?/);
  await first.getByText('S’inscrire à cette séance').click();
  await first.getByLabel('Prénom').fill(firstName);
  await first.getByLabel('Adresse électronique').fill(email);
  await first.getByRole('button', { name: 'M’inscrire' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inscription confirmée');
  const mail = await lastMessageTo(browser, email);
  expect(mail.subject).toBe('Inscription confirmée : Prendre en main son smartphone');
  expect(mail.text).toContain('14 h 00 – 16 h 00');
  return lastLinkFor(browser, email, '/ateliers/annulation/');
}

async function cancel(page: Page, link: string) {
  await page.goto(new URL(link).pathname);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Annuler mon inscription');
  await page.getByRole('button', { name: 'Annuler mon inscription' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inscription annulée');
  await page.goto(new URL(link).pathname);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lien d’annulation inconnu');
}

test('a resident finds a smartphone atelier near Cholet this week, registers and cancels', async ({ page, browser }) => {
  await freezeWeek(page);
  await findSmartphoneAteliers(page);
  expect(await accessibilityViolations(page)).toEqual([]);
  const link = await register(page, browser, 'Odette', 'odette@example.org');
  expect(await accessibilityViolations(page)).toEqual([]);
  await cancel(page, link);
  expect(await accessibilityViolations(page)).toEqual([]);
});

test('the atelier page is accessible and describes its sessions as schema.org Events', async ({ page }) => {
  await page.goto('/ateliers/prendre-en-main-son-smartphone-cholet');
  expect(await accessibilityViolations(page)).toEqual([]);
  await expect(page.getByText('Séance annulée')).toHaveCount(1);
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!) as {
    '@graph': Array<{ '@type': string; eventStatus: string; startDate: string }>;
  };
  expect(ld['@graph'].every((e) => e['@type'] === 'Event' && !Number.isNaN(Date.parse(e.startDate)))).toBe(true);
  expect(ld['@graph'].filter((e) => e.eventStatus === 'https://schema.org/EventCancelled')).toHaveLength(1);
});

test('the .ics feed of a place is a calendar', async ({ request }) => {
  const response = await request.get('/ateliers.ics?ou=Cholet&rayon=20');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('text/calendar');
  const text = await response.text();
  expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Paris');
  expect(text).toContain('SUMMARY:Annulé : Prendre en main son smartphone');
});

test('a page elsewhere cannot register people, and the cancellation link needs a POST', async ({ page, request }) => {
  await page.goto('/ateliers/prendre-en-main-son-smartphone-cholet');
  const sessionId = (await page.locator('input[name="seance"]').first().getAttribute('value'))!;
  const refused = await request.post('/ateliers/prendre-en-main-son-smartphone-cholet', {
    headers: { Origin: 'https://ailleurs.example' },
    form: { seance: sessionId, prenom: 'Robot', courriel: 'robot@example.org' },
  });
  expect(refused.status()).toBe(403);
  const unknown = await request.get('/ateliers/annulation/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789AbCdEfG');
  expect(unknown.status()).toBe(404);
});

test('registering on the English page: the confirmation mail, its cancellation link and page in English', async ({ page, browser }) => {
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': '203.0.113.60' });
  await page.goto('/en/ateliers/prendre-en-main-son-smartphone-cholet');
  const first = page.locator('li[id^="seance-"]').first();
  await first.getByText('Register for this session').click();
  await first.getByLabel('First name').fill('Edith');
  await first.getByLabel('Email address').fill('edith@example.org');
  await first.getByRole('button', { name: 'Register me' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Registration confirmed');
  await expect(page.getByRole('link', { name: 'Cancel my registration' })).toHaveAttribute('href', /^\/en\/ateliers\/annulation\//);
  const mail = await lastMessageTo(browser, 'edith@example.org');
  expect(mail.subject).toBe('Registration confirmed: Prendre en main son smartphone');
  expect(mail.text).toContain('Hello Edith,');
  expect(mail.text).toContain('Your registration is confirmed.');
  expect(mail.text).toMatch(/When: \w+day,? \d+ \w+ 20\d\d, 14:00 – 16:00/);
  const link = await lastLinkFor(browser, 'edith@example.org', '/en/ateliers/annulation/');
  await page.goto(new URL(link).pathname);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cancel my registration');
  await expect(page.getByText(/Edith, you are registered for Prendre en main son smartphone/)).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Cancel my registration' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Registration cancelled');
  await expect(page).toHaveURL(/\/en\/ateliers\/annulation\//);
  // The fiche sent by Repères answers in the page's language too (here: refused, not signed in).
  const refused = await page.request.post('/api/orientation/envoi?lang=en', { data: { fiche: {}, email: 'x@example.org' } });
  expect(refused.status()).toBe(401);
  expect(((await refused.json()) as { message: string }).message).toMatch(/^Sending through Repères is for signed-in professionals only/);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the search, the registration and the cancellation work', async ({ page, browser }) => {
    await freezeWeek(page);
    await findSmartphoneAteliers(page);
    const link = await register(page, browser, 'Marcel', 'marcel@example.org');
    await cancel(page, link);
  });
});
