// Issue #23, the back-office navigation on a phone (360×740): below the public header (one line),
// one line with its menu button; the menu opens with the keyboard and without JavaScript, its
// state reaches screen readers, it closes when a link changes the page, and it is axe-clean.
import { accessibilityViolations, expect, test } from './fixtures';
import { expectOneLine, menuButtonForScreenReaders } from './menu';
import { signInWithPassword } from './session';

const PHONE = { width: 360, height: 740 };
const MENU = 'Menu des contributeurs';

test.describe.configure({ mode: 'serial' });

test('at phone size the back-office navigation is one line; its menu opens with the keyboard, closes when the page changes, axe-clean', async ({
  page,
}, testInfo) => {
  await page.setViewportSize(PHONE);
  await signInWithPassword(page, 'admin@reperes.example', 'demo-admin-2026');
  const nav = page.getByRole('navigation', { name: 'Espace des contributeurs' });
  const summary = nav.locator('summary');
  await expect(summary).toHaveText(MENU);
  // The public header is one line, and so is the back-office's: the button alone.
  await expectOneLine(page.locator('.site-header'), page.locator('.site-header .brand'), page.locator('.site-header summary'));
  expect((await nav.boundingBox())!.height).toBeLessThanOrEqual(72);
  const panel = page.locator('#admin-menu');
  await expect(panel).toBeHidden();
  expect(await menuButtonForScreenReaders(page, MENU)).toEqual({ role: 'DisclosureTriangle', expanded: false, focusable: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  expect(await accessibilityViolations(page)).toEqual([]);

  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(panel).toBeVisible();
  expect(await menuButtonForScreenReaders(page, MENU)).toMatchObject({ expanded: true });
  await page.keyboard.press('Tab');
  await expect(panel.getByRole('link', { name: 'Tableau de bord' })).toBeFocused();
  await expect(panel.getByRole('button', { name: 'Se déconnecter', exact: true })).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
  await testInfo.attach('admin-menu-open-360x740.png', {
    body: await page.screenshot({ path: testInfo.outputPath('admin-menu-open-360x740.png') }),
    contentType: 'image/png',
  });
  // Escape closes it, the focus back on the button.
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(summary).toBeFocused();
  // A link changes the page without reloading the layout: the menu is closed on the new page.
  await summary.click();
  await panel.getByRole('link', { name: 'Lieux' }).click();
  await expect(page).toHaveURL(/\/admin\/lieux$/);
  await expect(panel).toBeHidden();
  expect(await menuButtonForScreenReaders(page, MENU)).toMatchObject({ expanded: false });
});

test('without JavaScript the back-office menu opens with a tap and with the keyboard, and its links lead on', async ({ browser }) => {
  const signedIn = await browser.newContext({ viewport: PHONE });
  const first = await signedIn.newPage();
  await signInWithPassword(first, 'admin@reperes.example', 'demo-admin-2026');
  const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false, storageState: await signedIn.storageState() });
  await signedIn.close();
  const page = await context.newPage();
  await page.goto('/admin');
  const nav = page.getByRole('navigation', { name: 'Espace des contributeurs' });
  const summary = nav.locator('summary');
  const panel = page.locator('#admin-menu');
  expect((await nav.boundingBox())!.height).toBeLessThanOrEqual(72);
  await expect(panel).toBeHidden();
  await summary.click();
  await expect(panel).toBeVisible();
  await summary.click();
  await expect(panel).toBeHidden();
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(panel).toBeVisible();
  expect(await menuButtonForScreenReaders(page, MENU)).toMatchObject({ expanded: true });
  // (axe runs in the page's JavaScript: the same markup, open and closed, is checked in the test above.)
  await panel.getByRole('link', { name: 'Ateliers' }).click();
  await expect(page).toHaveURL(/\/admin\/ateliers$/);
  await expect(page.locator('#admin-menu')).toBeHidden();
  await context.close();
});
