// Issue #23, phone-sized navigation: at 360×740 the public header is one line (the brand and a
// menu button), the menu opens with the keyboard and without JavaScript, the button tells screen
// readers whether it is expanded (read from Chromium's accessibility tree, what they are given),
// the focus goes from the button into the menu, « Ma sélection » and the language switch are in it,
// and every state is axe-clean — in French and in Arabic (right to left).
import { accessibilityViolations, expect, test } from './fixtures';
import { expectOneLine, menuButtonForScreenReaders } from './menu';

const PHONE = { width: 360, height: 740 };
test.use({ viewport: PHONE });

let client = 140;
test.beforeEach(async ({ page }) => {
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': `203.0.113.${client++}` });
});

const LOCALES = [
  { lang: 'fr', prefix: '', menu: 'Menu', search: 'Trouver un lieu', selection: 'Ma sélection', otherLanguage: 'العربية', dir: 'ltr' },
  { lang: 'ar', prefix: '/ar', menu: 'القائمة', search: null, selection: null, otherLanguage: 'Français', dir: 'rtl' },
] as const;

for (const locale of LOCALES) {
  test(`${locale.lang}: the header is one line at 360×740; the menu opens and closes with the keyboard, focus goes into it, axe-clean`, async ({
    page,
  }, testInfo) => {
    await page.goto(`${locale.prefix}/recherche?ou=Angers`);
    await expect(page.locator('html')).toHaveAttribute('dir', locale.dir);
    const header = page.locator('.site-header');
    const summary = header.locator('summary');
    await expect(summary).toHaveText(locale.menu);
    await expectOneLine(header, header.locator('.brand'), summary);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    // Right to left, the brand is at the right and the button at the left; left to right, the other way.
    const brand = (await header.locator('.brand').boundingBox())!;
    const button = (await summary.boundingBox())!;
    expect(locale.dir === 'rtl' ? button.x < brand.x : button.x > brand.x).toBe(true);
    const panel = page.locator('#site-menu');
    await expect(panel).toBeHidden();
    expect(await menuButtonForScreenReaders(page, locale.menu)).toEqual({ role: 'DisclosureTriangle', expanded: false, focusable: true });
    expect(await accessibilityViolations(page)).toEqual([]);
    await testInfo.attach(`header-${locale.lang}-closed.png`, {
      body: await page.screenshot({ path: testInfo.outputPath(`header-${locale.lang}-${(await panel.isVisible()) ? 'open' : 'closed'}.png`) }),
      contentType: 'image/png',
    });

    // Keyboard: skip link, brand, then the menu button, its focus visible.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(summary).toBeFocused();
    const outline = await summary.evaluate((el) => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth);
    expect(outline).toBe('solid 3px');
    await page.keyboard.press('Enter');
    await expect(panel).toBeVisible();
    expect(await menuButtonForScreenReaders(page, locale.menu)).toMatchObject({ expanded: true });
    // The first link of the menu comes next in the focus order.
    await page.keyboard.press('Tab');
    await expect(panel.getByRole('navigation').getByRole('link').first()).toBeFocused();
    if (locale.search) await expect(page.getByRole('link', { name: locale.search })).toBeFocused();
    // « Ma sélection » and the language switch are in it, visible.
    await expect(panel.locator('[data-selection-link]')).toBeVisible();
    if (locale.selection) await expect(panel.locator('[data-selection-link]')).toHaveText(locale.selection);
    await expect(panel.getByRole('link', { name: locale.otherLanguage })).toBeVisible();
    expect(await accessibilityViolations(page)).toEqual([]);
    await testInfo.attach(`header-${locale.lang}-open.png`, {
      body: await page.screenshot({ path: testInfo.outputPath(`header-${locale.lang}-${(await panel.isVisible()) ? 'open' : 'closed'}.png`) }),
      contentType: 'image/png',
    });
    // Escape (with JavaScript) closes it and gives the focus back to the button; Space opens it again, Enter closes it.
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await expect(summary).toBeFocused();
    await page.keyboard.press('Space');
    await expect(panel).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(panel).toBeHidden();
    expect(await menuButtonForScreenReaders(page, locale.menu)).toMatchObject({ expanded: false });
  });

  test.describe(`${locale.lang}: without JavaScript`, () => {
    test.use({ javaScriptEnabled: false });

    // (axe runs in the page's JavaScript: the same markup, open and closed, is checked above.)
    test('the menu opens with a tap and with the keyboard, and its links lead on', async ({ page }) => {
      await page.goto(`${locale.prefix}/recherche?ou=Angers`);
      const header = page.locator('.site-header');
      const summary = header.locator('summary');
      await expectOneLine(header, header.locator('.brand'), summary);
      const panel = page.locator('#site-menu');
      await expect(panel).toBeHidden();
      await summary.click();
      await expect(panel).toBeVisible();
      await summary.click();
      await expect(panel).toBeHidden();
      await summary.focus();
      await page.keyboard.press('Enter');
      await expect(panel).toBeVisible();
      expect(await menuButtonForScreenReaders(page, locale.menu)).toMatchObject({ expanded: true });
      // « Ma sélection », then the language switch.
      await panel.locator('[data-selection-link]').click();
      await expect(page).toHaveURL(/\/orienter\/selection$/);
      await page.goto(`${locale.prefix}/recherche?ou=Angers`);
      await page.locator('.site-header summary').click();
      await page.locator('#site-menu').getByRole('link', { name: locale.otherLanguage }).click();
      await expect(page.locator('html')).toHaveAttribute('lang', locale.lang === 'fr' ? 'ar' : 'fr');
    });
  });
}

test('on a wide screen there is no menu button: the navigation and the language switch show as before', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/recherche?ou=Angers');
  await expect(page.locator('.site-header summary')).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Trouver un lieu' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Choisir la langue' }).getByRole('link', { name: 'العربية' })).toBeVisible();
  // The navigation keeps one row beside the brand.
  const brand = (await page.locator('.brand').boundingBox())!;
  const link = (await page.getByRole('link', { name: 'Trouver un lieu' }).boundingBox())!;
  expect(Math.abs(brand.y + brand.height / 2 - (link.y + link.height / 2))).toBeLessThan(12);
});
