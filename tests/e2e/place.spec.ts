import { createPrismaClient } from '../../lib/db/client';
import { e2eDatabaseUrl } from './e2e-database';
import { accessibilityViolations, expect, test } from './fixtures';

const SLUG = 'espace-numerique-des-violettes-fictif-saumur';
const NAME = 'Espace numérique des Violettes (fictif)';
// France Services with a temporary closure, from 2 days before the seed to 19 days after.
const FRANCE_SERVICES = 'espace-france-services-de-l-aubance-fictif-brissac-loire-aubance';
// Closed for good 70 days before the seed.
const CLOSED = 'club-informatique-longueen-fictif-longue-jumelles';
const PHONE = /^0\d( \d{2}){4}$/;

// Each test reports from its own client address, so the per-address limit of one test does not
// spill over into another.
let client = 10;
test.beforeEach(async ({ page }) => {
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': `203.0.113.${client++}` });
});

/** Freezes "now" for both the browser (page.clock) and the server (cookie honoured when E2E=1). */
async function freezeTime(page: import('@playwright/test').Page, iso: string) {
  await page.clock.setFixedTime(new Date(iso));
  await page.context().addCookies([{ name: 'x-reperes-now', value: iso, domain: 'localhost', path: '/' }]);
}

test.describe('the place page', () => {
  test('opens from the directory and shows everything needed to go there', async ({ page, context }) => {
    await page.goto('/');
    await page.getByRole('link', { name: NAME }).click();
    await expect(page).toHaveURL(`/lieux/${SLUG}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(NAME);
    await expect(page.getByRole('heading', { name: 'Horaires' })).toBeVisible();
    await expect(page.getByRole('link', { name: PHONE })).toHaveAttribute('href', /^tel:\+33\d{9}$/);
    await expect(page.getByRole('link', { name: 'avec l’application du téléphone' })).toHaveAttribute('href', /^geo:47\.24\d*,-0\.07\d*\?q=/);
    await expect(page.getByRole('link', { name: 'avec OpenStreetMap' })).toHaveAttribute(
      'href',
      /^https:\/\/www\.openstreetmap\.org\/directions\?to=47\.2438%2C-0\.07498/,
    );
    await expect(page.getByText('Aide pour mes papiers en ligne')).toBeVisible();
    await expect(page.getByText('Avec une personne qui m’aide')).toBeVisible();
    await expect(page.getByText('Un conseiller numérique, formé et financé par l’État, vous accompagne.')).toBeVisible();
    await expect(page.getByText(/^Vérifiée le \d{1,2} \S+ \d{4} par Cyb@njou/)).toBeVisible();
    await expect(page.getByText(/Fiche complète à \d+ %/)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Lieux proches avec les mêmes services' })).toBeVisible();
    await expect(page.locator('section[aria-labelledby="proches"] li')).toHaveCount(3);
    // The presentation keeps its paragraphs. (Computed styles once the stylesheet is in: the page
    // itself can arrive, and the checks above pass, before it.)
    await page.waitForLoadState('load');
    const presentation = page.locator('section[aria-labelledby="presentation"] p');
    expect(await presentation.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('pre-line');
    expect(await presentation.textContent()).toContain('adhérents ou non.\n\nUne conseillère');

    // "Copier le lien" puts the canonical address on the clipboard.
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Copier le lien' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Lien copié.' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(new RegExp(`^http://localhost:\\d+/lieux/${SLUG}$`));
  });

  test('"Partager" uses the phone’s share sheet when there is one', async ({ page }) => {
    await page.addInitScript(() => {
      (window as unknown as { shared: unknown[] }).shared = [];
      Object.defineProperty(navigator, 'share', {
        value: async (data: unknown) => void (window as unknown as { shared: unknown[] }).shared.push(data),
      });
    });
    await page.goto(`/lieux/${SLUG}`);
    await page.getByRole('button', { name: 'Partager' }).click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { shared: unknown[] }).shared))
      .toEqual([{ title: NAME, url: expect.stringContaining(`/lieux/${SLUG}`) }]);
  });

  test('shows the right open/closed state for a frozen clock in Paris, holidays included', async ({ page }) => {
    // Hours: Mo-Fr 09:00-12:00,14:00-17:30; PH off
    const cases: Array<[string, string, string, string]> = [
      ['2026-03-10T09:30:00Z', 'Ouvert — ferme à 12 h', 'mardi', '9 h – 12 h, 14 h – 17 h 30'], // Tuesday 10:30 in Paris
      ['2026-03-10T18:00:00Z', 'Fermé — ouvre demain à 9 h', 'mardi', '9 h – 12 h, 14 h – 17 h 30'], // Tuesday 19:00
      ['2026-03-13T17:00:00Z', 'Fermé — ouvre lundi à 9 h', 'vendredi', '9 h – 12 h, 14 h – 17 h 30'], // Friday 18:00
      ['2026-07-14T08:00:00Z', 'Fermé — ouvre demain à 9 h', 'mardi', 'Fermé (jour férié)'], // 14 July, 10:00: a public holiday
      ['2026-06-29T22:30:00Z', 'Fermé — ouvre à 9 h', 'mardi', '9 h – 12 h, 14 h – 17 h 30'], // 00:30 on Tuesday in Paris, still Monday in UTC
    ];
    for (const [iso, state, day, hours] of cases) {
      await freezeTime(page, iso);
      await page.goto(`/lieux/${SLUG}`);
      await expect(page.getByTestId('opening-state'), iso).toHaveText(state);
      await expect(page.locator('tr[aria-current="date"] th'), iso).toContainText(day);
      await expect(page.locator('tr[aria-current="date"] td'), iso).toHaveText(hours);
      expect(await page.evaluate(() => new Date().toISOString())).toBe(new Date(iso).toISOString());
    }
    // Holidays ahead are announced: on Monday 7 December, Christmas and New Year's Day.
    await freezeTime(page, '2026-12-07T09:00:00Z');
    await page.goto(`/lieux/${SLUG}`);
    await expect(page.getByRole('heading', { name: 'Jours fériés à venir' })).toBeVisible();
    await expect(page.getByText('vendredi 25 décembre : Fermé (jour férié)')).toBeVisible();
  });

  test('says when a place is temporarily closed, and calls France Services a government office', async ({ page }) => {
    await page.goto(`/lieux/${FRANCE_SERVICES}`);
    await expect(page.getByTestId('temporary-closure')).toContainText(/Fermé temporairement jusqu’au \S+ \d{1,2}(er)? \S+ inclus/);
    await expect(page.getByTestId('temporary-closure')).toContainText('Fermé pour travaux d’accessibilité.');
    await expect(page.getByTestId('opening-state')).toHaveText(/^Fermé temporairement/);
    await expect(page.getByText(/^Réouverture prévue le/)).toBeVisible();
    await expect(page.getByRole('link', { name: 'prendre rendez-vous en ligne' })).toHaveAttribute(
      'href',
      'https://france-services.example.org/aubance/rendez-vous',
    );
    const json = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(json['@type']).toBe('GovernmentOffice');
    expect(json.isAccessibleForFree).toBe(true);
  });

  test('an itinerant bus lists its stops with the next visit', async ({ page }) => {
    await freezeTime(page, '2026-03-10T09:00:00Z'); // Tuesday 10:00 in Paris
    await page.goto('/lieux/bus-numerique-fictif-bauge-en-anjou');
    await expect(page.getByRole('heading', { name: 'Où trouver le bus' })).toBeVisible();
    const mazé = page.locator('.stops li').filter({ hasText: 'Mazé-Milon, rue de Verdun' });
    await expect(mazé).toContainText('mardi 9 h – 12 h');
    await expect(mazé).toContainText('Le bus est là jusqu’à 12 h');
    await expect(page.locator('.stops li').filter({ hasText: 'prochain passage' }).first()).toBeVisible();
  });

  test('carries valid JSON-LD with coordinates and hours, a canonical URL, Open Graph and a sitemap entry', async ({ page }) => {
    await page.goto(`/lieux/${SLUG}`);
    const scripts = page.locator('script[type="application/ld+json"]');
    await expect(scripts).toHaveCount(1);
    const json = JSON.parse((await scripts.textContent())!);
    expect(json).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'LocalBusiness',
      name: NAME,
      telephone: expect.stringMatching(/^\+33/),
      geo: { '@type': 'GeoCoordinates', latitude: 47.2438, longitude: -0.07498 },
      address: { '@type': 'PostalAddress', postalCode: expect.stringMatching(/^49/), addressLocality: 'Saumur', addressCountry: 'FR' },
    });
    const days = json.openingHoursSpecification.map((s: { dayOfWeek: string }) => s.dayOfWeek.replace('https://schema.org/', ''));
    expect(new Set(days)).toEqual(new Set(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']));
    expect(json.openingHoursSpecification).toContainEqual({
      '@type': 'OpeningHoursSpecification',
      dayOfWeek: 'https://schema.org/Monday',
      opens: '14:00',
      closes: '17:30',
    });
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`^http://localhost:\\d+/lieux/${SLUG}$`));
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', NAME);
    await expect(page.locator('meta[property="og:url"]')).toHaveAttribute('content', new RegExp(`/lieux/${SLUG}$`));
    const sitemap = await (await page.request.get('/sitemap.xml')).text();
    expect(sitemap).toContain(`/lieux/${SLUG}</loc>`);
    expect(sitemap).toMatch(/\/recherche<\/loc>/);
    expect(sitemap).toMatch(/\/donnees<\/loc>/);
    expect(sitemap).not.toContain(`/lieux/${CLOSED}<`);
    expect(sitemap).not.toContain('/lieux/espace-multimedia-deux-croix-fictif-angers<');
    expect(await (await page.request.get('/robots.txt')).text()).toContain('Sitemap: http://localhost');
  });

  test('"Signaler une erreur" keeps what was typed on error, confirms, then refuses a burst politely', async ({ page }) => {
    await page.goto(`/lieux/${SLUG}`);
    await page.getByText('Signaler une erreur sur cette fiche').click();
    await page.getByLabel('Quelle est la bonne information ?').fill('Ouvert aussi le samedi matin');
    await page.getByLabel(/Votre courriel/).fill('pas-une-adresse');
    await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
    await expect(page.locator('.notice[role=alert]')).toContainText('corrigez les champs indiqués');
    await expect(page.getByText('Indiquez ce qui est inexact.')).toBeVisible();
    await expect(page.getByLabel('Quelle est la bonne information ?')).toHaveValue('Ouvert aussi le samedi matin');
    await expect(page.getByLabel(/Votre courriel/)).toHaveValue('pas-une-adresse');
    await page.getByLabel('Les horaires').check();
    await page.getByLabel(/Votre courriel/).fill('');
    await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Merci, votre signalement a bien été transmis' })).toBeVisible();

    // A burst from the same client: the limit (5 per 10 minutes) answers politely, keeping the text.
    let refused = false;
    for (let i = 0; i < 6 && !refused; i++) {
      await page.goto(`/lieux/${SLUG}`);
      await page.getByText('Signaler une erreur sur cette fiche').click();
      await page.getByLabel('Autre chose').check();
      await page.getByLabel('Quelle est la bonne information ?').fill(`Essai numéro ${i}`);
      await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
      const alert = page.locator('.notice[role=alert]');
      const sent = page.getByRole('status').filter({ hasText: 'Merci, votre signalement' });
      await expect(alert.or(sent)).toBeVisible();
      if (await alert.isVisible()) {
        expect(i).toBe(4); // the sixth report in ten minutes
        await expect(alert).toContainText('Pour éviter les abus, réessayez dans');
        await expect(page.getByLabel('Quelle est la bonne information ?')).toHaveValue(`Essai numéro ${i}`);
        refused = true;
      }
    }
    expect(refused).toBe(true);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('"Signaler une erreur" still works, keeping what was typed on error', async ({ page }) => {
      await page.goto(`/lieux/${SLUG}`);
      await expect(page.getByRole('button', { name: 'Copier le lien' })).toHaveCount(0); // useless without JavaScript
      await page.getByText('Signaler une erreur sur cette fiche').click();
      await page.getByLabel('Quelle est la bonne information ?').fill('Le numéro a changé : 02 41 00 00 00');
      await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
      await expect(page.getByText('Indiquez ce qui est inexact.')).toBeVisible();
      await expect(page.getByLabel('Quelle est la bonne information ?')).toHaveValue('Le numéro a changé : 02 41 00 00 00');
      await page.getByLabel('Le téléphone, le courriel ou le site').check();
      await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Merci, votre signalement a bien été transmis' })).toBeVisible();
    });
  });

  test('prints name, address, hours and phone on one A4 page', async ({ page }) => {
    await page.goto(`/lieux/${SLUG}`);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('.place-address')).toBeVisible();
    await expect(page.locator('.place-address')).toContainText('325 rue Robert Amy');
    await expect(page.locator('.hours__table')).toBeVisible();
    await expect(page.getByRole('link', { name: PHONE })).toBeVisible();
    await expect(page.locator('.share')).toBeHidden();
    await expect(page.locator('.site-footer')).toBeHidden();
    await expect(page.locator('#signalement')).toBeHidden();
    // A4 at 96 dpi is 1123 px high; with 12 mm margins the printable height is about 1032 px.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThan(1123);
    await page.screenshot({ path: test.info().outputPath('print.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBe(1);
  });

  test('unpublished places answer 404 with a way to search around the same commune', async ({ page }) => {
    const response = await page.goto('/lieux/ce-lieu-n-existe-pas');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ce lieu n’est pas (ou plus) dans l’annuaire');
    const draft = await page.goto('/lieux/espace-multimedia-deux-croix-fictif-angers');
    expect(draft?.status()).toBe(404);
    expect(await page.locator('meta[name="robots"]').first().getAttribute('content')).toContain('noindex');
    await page.getByRole('link', { name: 'Voir les lieux autour d’Angers' }).click();
    await expect(page).toHaveURL(/\/recherche\?ou=Angers/);
  });

  test('a renamed place redirects (301) from its old address', async ({ page }) => {
    const prisma = createPrismaClient(e2eDatabaseUrl(), { max: 1 });
    try {
      const place = await prisma.place.findUniqueOrThrow({ where: { slug: SLUG } });
      await prisma.placeSlugRedirect.upsert({
        where: { slug: 'ancien-espace-des-violettes' },
        create: { slug: 'ancien-espace-des-violettes', placeId: place.id },
        update: {},
      });
    } finally {
      await prisma.$disconnect();
    }
    const response = await page.request.get('/lieux/ancien-espace-des-violettes', { maxRedirects: 0 });
    expect(response.status()).toBe(301);
    expect(response.headers()['location']).toMatch(new RegExp(`/lieux/${SLUG}$`));
    await page.goto('/lieux/ancien-espace-des-violettes');
    await expect(page).toHaveURL(`/lieux/${SLUG}`);
  });

  test('a place closed for good shows alternatives for a year, then answers 410', async ({ page }) => {
    const response = await page.goto(`/lieux/${CLOSED}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByText('Ce lieu a fermé définitivement')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Lieux proches qui proposent une aide semblable' })).toBeVisible();
    expect(
      await page.getByRole('heading', { name: 'Lieux proches qui proposent une aide semblable' }).locator('xpath=following-sibling::ul[1]/li').count(),
    ).toBeGreaterThan(0);
    expect(await accessibilityViolations(page)).toEqual([]);

    const inTwoYears = new Date(Date.now() + 2 * 365 * 24 * 3600 * 1000).toISOString();
    const gone = await page.goto(`/lieux/${CLOSED}?maintenant=${inTwoYears}`);
    expect(gone?.status()).toBe(410);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ce lieu n’existe plus');
    await expect(page.getByRole('link', { name: /Chercher un lieu autour de Longué-Jumelles/ })).toHaveAttribute('href', /\/recherche\?ou=Longu/);
  });

  test('every page carries the security headers', async ({ request }) => {
    for (const path of ['/', `/lieux/${SLUG}`, '/recherche?ou=Angers', '/api/v1/lieux?limite=1', '/donnees']) {
      const headers = (await request.get(path)).headers();
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
      expect(headers['permissions-policy'], path).toContain('geolocation=(self)');
      expect(headers['x-frame-options'], path).toBe('DENY');
    }
  });

  test('has no accessibility violation', async ({ page }) => {
    await page.goto(`/lieux/${SLUG}`);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByText('Signaler une erreur sur cette fiche').click();
    await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
    await expect(page.getByText('Indiquez ce qui est inexact.')).toBeVisible();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.goto(`/lieux/${FRANCE_SERVICES}`);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  test('a fictional place of the demonstration set says so, on its page and its search card, and never leaves through the exports or the API', async ({
    page,
    request,
  }) => {
    // The suites' fixture is not flagged (it stands for ordinary places): flag one place for this test.
    const db = createPrismaClient(e2eDatabaseUrl(), { max: 1 });
    const place = await db.place.findFirstOrThrow({ where: { name: 'Centre social Les Acacias (fictif)' } });
    await db.place.update({ where: { id: place.id }, data: { demo: true } });
    try {
      await page.goto(`/lieux/${place.slug}`);
      await expect(page.getByTestId('demo-place')).toContainText('Lieu fictif de démonstration');
      await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
      await expect(page.locator('script[type="application/ld+json"]')).toHaveCount(0);
      expect(await accessibilityViolations(page)).toEqual([]);

      await page.goto('/recherche?q=Acacias');
      const card = page.locator('article.result-card', { has: page.getByRole('link', { name: place.name }) });
      await expect(card.getByText('Lieu fictif de démonstration')).toBeVisible();
      expect(await accessibilityViolations(page)).toEqual([]);
      // Real places' cards carry no such mention.
      await page.goto('/recherche?ou=Saumur');
      await expect(page.getByText('Lieu fictif de démonstration')).toHaveCount(0);

      expect((await request.get(`/api/v1/lieux/${place.id}`)).status()).toBe(404);
      const api = await (await request.get('/api/v1/lieux?limite=1000')).json();
      expect(api.lieux.map((l: { id: string }) => l.id)).not.toContain(place.id);
      expect(await (await request.get('/donnees/export/csv')).text()).not.toContain(place.id);
      expect(await (await request.get('/sitemap.xml')).text()).not.toContain(`/lieux/${place.slug}<`);
    } finally {
      await db.place.update({ where: { id: place.id }, data: { demo: false } });
      await db.$disconnect();
    }
  });
});
