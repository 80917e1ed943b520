// The pages translated for issue #20 beyond search and places: home, open data, networks, the
// embeds, the ateliers with their registration — each in Arabic, Ukrainian and English, with
// <html lang dir>, a translated heading, the places' own French words marked lang="fr", and
// axe-clean; the home → search journey in Arabic with « Pourquoi ce lieu » in Arabic; a refused
// registration said in Ukrainian with what was typed kept; the 404 in the prefix's language; the
// language switch keeping the query; the sitemaps listing the new pages.
import { translator, type Locale, type MessageKey, type MessageValues } from '../../lib/i18n';
import { accessibilityViolations, expect, test } from './fixtures';

const ATELIER = 'prendre-en-main-son-smartphone-cholet';
const say = (locale: Locale, key: MessageKey, values?: MessageValues) => translator(locale)(key, values);

let client = 150;
test.beforeEach(async ({ page }) => {
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': `203.0.113.${client++}` });
});

type PageCase = { path: string; heading: (l: Locale) => { level: number; name: string }; french: string | null };

const PAGES: PageCase[] = [
  { path: '', heading: (l) => ({ level: 1, name: say(l, 'home.heading') }), french: '.place-list a[lang="fr"]' },
  { path: '/donnees', heading: (l) => ({ level: 1, name: say(l, 'data.heading') }), french: 'td[lang="fr"]' },
  { path: '/reseaux', heading: (l) => ({ level: 1, name: say(l, 'network.listHeading') }), french: 'main li a[lang="fr"]' },
  { path: '/reseaux/cybanjou', heading: (l) => ({ level: 2, name: say(l, 'network.placesHeading', { name: 'Cyb@njou' }) }), french: 'h1[lang="fr"]' },
  {
    path: '/embed?reseau=cybanjou',
    heading: (l) => ({ level: 1, name: say(l, 'network.placesHeading', { name: 'Cyb@njou' }) }),
    french: '.result-card__title a[lang="fr"]',
  },
  { path: '/embed?reseau=cybanjou&vue=ateliers', heading: (l) => ({ level: 1, name: say(l, 'embed.agendaTitle', { name: 'Cyb@njou' }) }), french: null },
  { path: '/ateliers?ou=Cholet&rayon=30', heading: (l) => ({ level: 1, name: say(l, 'ateliers.heading') }), french: '.atelier-card p[lang="fr"]' },
  { path: `/ateliers/${ATELIER}`, heading: (l) => ({ level: 2, name: say(l, 'ateliers.sessions') }), french: 'h1 span[lang="fr"]' },
];

for (const locale of ['ar', 'uk', 'en'] as const) {
  for (const { path, heading, french } of PAGES) {
    test(`${locale}: /${locale}${path} speaks ${locale}, marks the places’ French, and is axe-clean`, async ({ page }) => {
      const response = await page.goto(`/${locale}${path}`);
      expect(response?.status()).toBe(200);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expect(page.locator('html')).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
      await expect(page.getByRole('heading', heading(locale)).first()).toBeVisible();
      if (french) await expect(page.locator(french).first()).toBeVisible();
      // The French heading of the same page is absent: the interface is not left in French.
      expect(await page.getByRole('heading', heading('fr')).count()).toBe(0);
      expect(await accessibilityViolations(page)).toEqual([]);
    });
  }
}

test('Arabic: from the home page to the search, « Pourquoi ce lieu » in Arabic', async ({ page }) => {
  await page.goto('/ar');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(say('ar', 'home.heading'));
  await page.getByLabel(say('ar', 'home.where')).fill('Angers');
  await page.getByLabel(say('ar', 'home.need')).selectOption('AideAuxDemarchesAdministratives');
  await page.getByRole('button', { name: say('ar', 'search.submit') }).click();
  await expect(page).toHaveURL(/\/ar\/recherche\?ou=Angers&besoin=AideAuxDemarchesAdministratives$/);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const why = page.locator('.result-card__why').first();
  await expect(why).toContainText(say('ar', 'card.why'));
  await expect(why).toContainText(say('ar', 'service.AideAuxDemarchesAdministratives'));
  await expect(why.locator('[lang="fr"]')).toHaveCount(0);
  await expect(page.getByText('Aide pour mes papiers en ligne')).toHaveCount(0);
  // A town misspelt: what the search understood, in Arabic.
  await page.goto('/ar/recherche?ou=Angrs');
  await expect(page.locator('.place-help')).toContainText('لم نجد «Angrs».');
  await expect(page.locator('.place-help')).toContainText(say('ar', 'search.didYouMean'));
  expect(await accessibilityViolations(page)).toEqual([]);
});

test('Ukrainian: a refused registration is said in Ukrainian and keeps what was typed; then it goes through', async ({ page }) => {
  await page.goto(`/uk/ateliers/${ATELIER}`);
  const session = page.locator('li[id^="seance-"]').first();
  await session.getByText(say('uk', 'ateliers.registerSession')).click();
  await session.getByLabel(say('uk', 'ateliers.firstName')).fill('Оксана');
  await session.getByRole('button', { name: say('uk', 'ateliers.register'), exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/uk/ateliers/${ATELIER}#seance-`));
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
  const again = page.locator('li[id^="seance-"]').first();
  await expect(again.getByText(say('uk', 'ateliers.error.contactMissing'))).toBeVisible();
  await expect(again.getByLabel(say('uk', 'ateliers.firstName'))).toHaveValue('Оксана');
  await again.getByLabel(say('uk', 'ateliers.email')).fill(`oksana-${Date.now()}@example.org`);
  await again.getByRole('button', { name: say('uk', 'ateliers.register'), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(say('uk', 'ateliers.confirmedTitle'));
  await expect(page.getByRole('status')).toContainText('Prendre en main son smartphone');
  expect(await accessibilityViolations(page)).toEqual([]);
});

test('an unknown address: a light 404 in French, or in the language of its prefix, with a way home', async ({ page, request }) => {
  for (const [path, locale] of [
    ['/nulle-part', 'fr'],
    ['/en/nowhere', 'en'],
    ['/ar/lieux/x/y', 'ar'],
    ['/uk/reseaux/inconnu', 'uk'],
  ] as const) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.locator('html'), path).toHaveAttribute('lang', locale);
    const title = path.includes('reseaux') ? say(locale, 'network.notFoundTitle') : say(locale, 'notFound.title');
    await expect(page.getByRole('heading', { level: 1 }), path).toHaveText(title);
    await expect(page.getByRole('link', { name: say(locale, 'notFound.home') }), path).toHaveAttribute('href', locale === 'fr' ? '/' : `/${locale}`);
    // Light: no Next.js client runtime, only the site's small script.
    expect(await page.locator('script[src*="/_next/"]').count(), path).toBe(0);
    expect(await page.locator('script[src*="/assets/site-"]').count(), path).toBe(1);
    expect(await accessibilityViolations(page), path).toEqual([]);
  }
  // A French-only page asked with a prefix still goes to the French page.
  const admin = await request.get('/ar/accessibilite', { maxRedirects: 0 });
  expect(admin.status()).toBe(307);
  expect(admin.headers()['location']).toMatch(/\/accessibilite$/);
});

test('the language switch keeps the page and its query; the sitemaps list the new pages in each language', async ({ page, request }) => {
  await page.goto('/ateliers?ou=Cholet&gratuit=1');
  await page
    .getByRole('navigation', { name: say('fr', 'lang.choose') })
    .getByRole('link', { name: 'English' })
    .click();
  await expect(page).toHaveURL('/en/ateliers?ou=Cholet&gratuit=1');
  await expect(page.getByLabel(say('en', 'ateliers.freeOnly'))).toBeChecked();
  await page
    .getByRole('navigation', { name: say('en', 'lang.choose') })
    .getByRole('link', { name: 'العربية' })
    .click();
  await expect(page).toHaveURL('/ar/ateliers?ou=Cholet&gratuit=1');
  await page.goto('/reseaux/cybanjou?besoin=AideAuxDemarchesAdministratives');
  await page
    .getByRole('navigation', { name: say('fr', 'lang.choose') })
    .getByRole('link', { name: 'Українська' })
    .click();
  await expect(page).toHaveURL('/uk/reseaux/cybanjou?besoin=AideAuxDemarchesAdministratives');
  // The embed snippet of a page in Ukrainian gives the Ukrainian embed.
  await page.getByText(say('uk', 'network.embed')).click();
  await expect(page.getByLabel(say('uk', 'network.embedCode'))).toHaveValue(/src="http:\/\/localhost:\d+\/uk\/embed\?reseau=cybanjou"/);

  // The embed in a language may be framed by other sites, like the French one; the other pages may not.
  const embed = await request.get('/en/embed?reseau=cybanjou');
  expect(embed.headers()['x-frame-options']).toBeUndefined();
  expect((await request.get('/en/reseaux')).headers()['x-frame-options']).toBe('DENY');

  const english = await (await request.get('/en/sitemap.xml')).text();
  for (const loc of [/\/en<\/loc>/, /\/en\/donnees<\/loc>/, /\/en\/reseaux<\/loc>/, /\/en\/reseaux\/[a-z0-9-]+<\/loc>/, /\/en\/ateliers\/[a-z0-9-]+<\/loc>/])
    expect(english).toMatch(loc);
  expect(english).toMatch(/hreflang="ar" href="http:\/\/localhost:\d+\/ar\/donnees"/);
  const french = await (await request.get('/sitemap.xml')).text();
  expect(french).toMatch(/\/reseaux<\/loc>/);
  expect(french).not.toMatch(/reseau-de-demonstration/);
});
