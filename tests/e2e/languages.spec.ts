// The public pages in other languages (issue #20): the resident's journey in French, Arabic and
// Ukrainian (search, open a place, call), Arabic right to left at phone size, axe in each language,
// the language switch keeping the search, the page cache keeping languages apart, hreflang and the
// sitemaps per language.
import { accessibilityViolations, expect, test } from './fixtures';

const SLUG = 'espace-numerique-des-violettes-fictif-saumur';
const NAME = 'Espace numérique des Violettes (fictif)';

let client = 60;
test.beforeEach(async ({ page }) => {
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': `203.0.113.${client++}` });
});

test.describe('languages', () => {
  test('French: search around Angers, open a place, call it — axe-clean', async ({ page }) => {
    await page.goto('/recherche?ou=Angers');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lieux autour d’Angers');
    await expect(page.locator('.result-card').first()).toBeVisible();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.locator('.result-card__title a').first().click();
    await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/lieux\//);
    await expect(page.getByRole('heading', { name: 'Horaires', level: 2 })).toBeVisible();
    await page.goto(`/lieux/${SLUG}`);
    await expect(page.getByText('Téléphone :')).toBeVisible();
    await expect(page.locator('a[href^="tel:+33"]')).toBeVisible();
  });

  test('Arabic: /ar/recherche?ou=Angers is right to left, in Arabic, with results; a place opens in Arabic with its call link', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/ar/recherche?ou=Angers');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('أماكن حول Angers');
    await expect(page.getByRole('status').filter({ hasText: 'كم' })).toContainText('على بعد أقل من 10 كم');
    const cards = page.locator('.result-card');
    expect(await cards.count()).toBeGreaterThan(0);
    await expect(page.getByRole('button', { name: 'بحث' })).toBeVisible();
    await expect(page.getByText('أحتاج إلى…')).toBeVisible();
    // The places' own names stay French and say so.
    await expect(page.locator('.result-card__title a').first()).toHaveAttribute('lang', 'fr');

    // Right to left at phone size: nothing widens the page, the header starts on the right, the results' text too.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const screenshot = await page.screenshot({ fullPage: false, path: testInfo.outputPath('arabic-search-390x844.png') });
    await testInfo.attach('arabic-search-390x844.png', { body: screenshot, contentType: 'image/png' });
    // A painted page, not a blank one (a page widened to the left once showed nothing in its viewport).
    expect(screenshot.length).toBeGreaterThan(10_000);
    const brand = (await page.locator('.brand').boundingBox())!;
    expect(brand.x + brand.width).toBeGreaterThan(390 - 40);
    expect(brand.x).toBeGreaterThan(390 / 3);
    const title = (await page.locator('.result-card__title').first().boundingBox())!;
    const titleText = await page
      .locator('.result-card__title')
      .first()
      .evaluate((el) => getComputedStyle(el).direction);
    expect(titleText).toBe('rtl');
    expect(title.x + title.width).toBeGreaterThan(390 - 40);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.locator('.result-card__title a').first().click();
    await expect(page).toHaveURL(/\/ar\/lieux\//);
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { name: 'أوقات العمل', level: 2 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'العنوان والاتصال', level: 2 })).toBeVisible();
    expect(await accessibilityViolations(page)).toEqual([]);
    // The call link, its number kept left to right inside the Arabic text.
    await page.goto(`/ar/lieux/${SLUG}`);
    await expect(page.getByText('الهاتف:')).toBeVisible();
    const call = page.locator('a[href^="tel:+33"]');
    await expect(call).toBeVisible();
    await expect(call).toHaveAttribute('dir', 'ltr');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: testInfo.outputPath('arabic-place-390x844.png') });
  });

  test('Ukrainian: the place page in Ukrainian, with its call link — axe-clean', async ({ page }) => {
    await page.goto('/uk/recherche?ou=Saumur');
    await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Місця поблизу: Saumur');
    await page.getByRole('link', { name: NAME }).click();
    await expect(page).toHaveURL(`/uk/lieux/${SLUG}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(NAME);
    await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('heading', { name: 'Години роботи', level: 2 })).toBeVisible();
    await expect(page.getByTestId('opening-state')).toHaveText(/^(Відчинено|Зачинено|Години роботи не вказано)/);
    await expect(page.getByText('Допомога з документами онлайн')).toBeVisible();
    await expect(page.locator('a[href^="tel:+33"]')).toBeVisible();
    await expect(page.getByText('Телефон:')).toBeVisible();
    // Links stay in Ukrainian; the breadcrumb goes back to the search in Ukrainian.
    await expect(page.getByRole('link', { name: /Інші місця поблизу: Saumur/ })).toHaveAttribute('href', '/uk/recherche?ou=Saumur');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  test('the language switch keeps the page and the search; hreflang names every version', async ({ page }) => {
    await page.goto('/recherche?ou=Angers&besoin=AideAuxDemarchesAdministratives');
    const switcher = page.getByRole('navigation', { name: 'Choisir la langue' });
    await switcher.getByRole('link', { name: 'العربية' }).click();
    await expect(page).toHaveURL('/ar/recherche?ou=Angers&besoin=AideAuxDemarchesAdministratives');
    await expect(page.locator('#besoin-AideAuxDemarchesAdministratives')).toBeChecked();
    await expect(page.locator('#ou')).toHaveValue('Angers');
    await page.getByRole('navigation', { name: 'اختر اللغة' }).getByRole('link', { name: 'Українська' }).click();
    await expect(page).toHaveURL('/uk/recherche?ou=Angers&besoin=AideAuxDemarchesAdministratives');
    await page.getByRole('navigation', { name: 'Виберіть мову' }).getByRole('link', { name: 'Français' }).click();
    await expect(page).toHaveURL('/recherche?ou=Angers&besoin=AideAuxDemarchesAdministratives');
    // The form sends the search in the page's language.
    await page.goto(`/es/lieux/${SLUG}`);
    const alternates = await page
      .locator('link[rel="alternate"][hreflang]')
      .evaluateAll((links) => links.map((l) => `${l.getAttribute('hreflang')} ${new URL(l.getAttribute('href')!).pathname}`));
    expect(alternates).toEqual(expect.arrayContaining([`fr /lieux/${SLUG}`, `ar /ar/lieux/${SLUG}`, `fa /fa/lieux/${SLUG}`, `x-default /lieux/${SLUG}`]));
    await page.goto('/ar/recherche');
    await page.locator('#ou').fill('Angers');
    await page.getByRole('button', { name: 'بحث' }).click();
    await expect(page).toHaveURL(/\/ar\/recherche\?ou=Angers/);
  });

  test('the page cache keeps each language to itself; a prefixed page not yet translated goes to the French one', async ({ request }) => {
    for (let round = 0; round < 2; round++) {
      for (const [path, lang] of [
        ['/recherche?ou=Cholet', 'fr'],
        ['/ar/recherche?ou=Cholet', 'ar'],
        ['/uk/recherche?ou=Cholet', 'uk'],
      ] as const) {
        const response = await request.get(path);
        expect(response.status()).toBe(200);
        const html = await response.text();
        expect(html).toContain(`<html lang="${lang}"`);
        if (round === 1) expect(response.headers()['x-page-cache']).toBe('hit');
      }
    }
    // A language header sent by the client does not change the page of a French address.
    const forged = await request.get('/recherche?ou=Cholet', { headers: { 'x-reperes-locale': 'ar' } });
    expect(await forged.text()).toContain('<html lang="fr"');
    const untranslated = await request.get('/ar/connexion', { maxRedirects: 0 });
    expect(untranslated.status()).toBe(307);
    expect(untranslated.headers()['location']).toMatch(/\/connexion$/);
  });

  test('a sitemap per language, each listed by robots.txt', async ({ request }) => {
    const arabic = await (await request.get('/ar/sitemap.xml')).text();
    expect(arabic).toMatch(/\/ar\/recherche<\/loc>/);
    expect(arabic).toContain('hreflang="uk"');
    expect(arabic).toMatch(/\/ar\/donnees<\/loc>/);
    const french = await (await request.get('/sitemap.xml')).text();
    expect(french).toMatch(/\/recherche<\/loc>/);
    expect(french).toMatch(/\/donnees<\/loc>/);
    const robots = await (await request.get('/robots.txt')).text();
    for (const locale of ['', '/en', '/ar', '/uk', '/es', '/pt', '/fa']) expect(robots).toContain(`${locale}/sitemap.xml`);
  });
});
