// The professional's journey in the beneficiary's language (issue #20): the four questions, the
// search, the selection (places and an atelier session), the fiche on screen, its PDF and its share
// link — in Arabic (right to left, at phone size, a screenshot kept under test-results), in
// Ukrainian and in French; axe-clean in each. The places' names, addresses and own words stay as
// written and are marked French. The language switch keeps the step and its answers.
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { pdfText } from '../helpers/pdf-text';
import { accessibilityViolations, expect, test } from './fixtures';

const GENETS = 'Centre social des Genêts (fictif)';
const BOCAGE = 'Médiathèque du Bocage (fictif)';
const SMARTPHONE = 'Prendre en main son smartphone';

let client = 120;
test.beforeEach(async ({ page }) => {
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': `203.0.113.${client++}` });
});

/** Adds a place from the search in `prefix`'s language, with that language's button. */
async function addFromSearch(page: Page, prefix: string, query: string, name: string, button: string) {
  await page.goto(`${prefix}/recherche?${query}`);
  const card = page.locator('.result-card').filter({ hasText: name });
  await card.getByRole('button', { name: button }).click();
  await expect(card.getByRole('button', { name: button })).toHaveCount(0);
}

async function downloadPdfText(page: Page, button: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return (await pdfText(fs.readFileSync((await download.path())!))).pages.join('\n');
}

test('Arabic: the four questions, the search, the selection with a session, the fiche, its PDF and its link — right to left', async ({ page }, testInfo) => {
  // Eight pages, a PDF and five accessibility checks.
  test.slow();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/ar/orienter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('توجيه شخص');
  await expect(page.getByText('الخطوة 1 من 4')).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.getByLabel(/مساعدة في معاملاتي الإدارية عبر الإنترنت/).check();
  await page.getByRole('button', { name: 'متابعة' }).click();
  await expect(page).toHaveURL(/\/ar\/orienter\?.*etape=2/);
  await page.getByLabel('أين؟ المدينة أو الرمز البريدي أو العنوان').fill('Cholet');
  await page.getByRole('button', { name: 'متابعة' }).click();
  await expect(page.getByText('الخطوة 3 من 4')).toBeVisible();
  await page.getByLabel('الثلاثاء صباحًا').check();
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'متابعة' }).click();
  await page.getByRole('button', { name: 'عرض الأماكن' }).click();
  await expect(page).toHaveURL(/\/ar\/recherche\?.*creneau=mardi-matin/);
  const card = page.locator('.result-card').filter({ hasText: GENETS });
  await card.getByRole('button', { name: 'أضف إلى قائمتي' }).click();
  await expect(card.getByRole('button', { name: /في قائمتي/ })).toHaveAttribute('aria-pressed', 'true');

  await addFromSearch(page, '/ar', 'ou=Cholet&q=Bocage', BOCAGE, 'أضف إلى قائمتي');
  // A session of an atelier, chosen on its (French) page: the fiche says it in Arabic.
  await page.goto('/ateliers/prendre-en-main-son-smartphone-cholet');
  await page
    .locator('li[id^="seance-"]')
    .first()
    .getByRole('button', { name: /Ajouter la séance à ma sélection/ })
    .click();

  await page.goto('/ar/recherche?ou=Cholet');
  // At phone width the header's links are behind its « Menu » button (issue #23).
  await page.locator('.site-header summary').click();
  await page.getByRole('link', { name: /قائمتي \(3\)/ }).click();
  await expect(page).toHaveURL('/ar/orienter/selection');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('قائمتي');
  await expect(page.getByTestId('selection-item')).toHaveCount(2);
  await expect(page.getByTestId('selection-session')).toHaveCount(1);
  await page.getByLabel('ملاحظة للشخص (اختياري)').first().fill('Demander Julie');
  await page.getByLabel('الاسم الأول للشخص (اختياري)').fill('Amina');
  const genets = page.getByTestId('fiche-place').filter({ hasText: GENETS });
  await expect(genets).toContainText('الهاتف: 02 61 91 03 01');
  await expect(genets).toContainText('الثلاثاء');
  await expect(genets).toContainText('دون موعد: احضر في أوقات العمل');
  await expect(genets.locator('h3 [lang="fr"]')).toHaveText(GENETS);
  await expect(genets.getByRole('link', { name: /\/ar\/lieux\// })).toBeVisible();
  const session = page.getByTestId('fiche-session');
  await expect(session.locator('h4')).toHaveText(SMARTPHONE);
  await expect(session.locator('h4')).toHaveAttribute('lang', 'fr');
  await expect(session).toContainText('التسجيل عبر الإنترنت، دون حساب');
  await expect(page.getByTestId('fiche-place').first()).toContainText('ملاحظة: Demander Julie');

  // Right to left at phone size: nothing widens the page; the fiche's title starts on the right.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const title = (await page.locator('#fiche-titre').boundingBox())!;
  expect(title.x + title.width).toBeGreaterThan(390 - 40);
  expect(await page.locator('#fiche-titre').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  const screenshot = await page.screenshot({ fullPage: false, path: testInfo.outputPath('arabic-selection-390x844.png') });
  expect(screenshot.length).toBeGreaterThan(10_000);
  await genets.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('arabic-fiche-390x844.png') });
  expect(await accessibilityViolations(page)).toEqual([]);

  const text = await downloadPdfText(page, 'تنزيل الورقة (PDF)');
  for (const expected of [GENETS, BOCAGE, SMARTPHONE, 'ورقة التوجيه', 'أوقات العمل', '02 61 91 03 01', 'Demander Julie', 'Amina'])
    expect(text).toContain(expected);
  for (const french of ['Téléphone', 'Horaires', 'Fiche d’orientation']) expect(text).not.toContain(french);

  // The link handed over opens the fiche in Arabic, and the language switch keeps it.
  const share = await page.getByLabel('رابط للإرسال برسالة نصية (فيه الأماكن، ولا شيء عن الشخص)').inputValue();
  expect(share).toMatch(/\/ar\/orienter\/fiche\?lieux=[^&]+&seances=[0-9a-f-]{36}$/);
  await page.goto(share.replace(/^https?:\/\/[^/]+/, ''));
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('الأماكن التي يمكنك أن تجد فيها المساعدة');
  await expect(page.getByTestId('fiche-place')).toHaveCount(2);
  await expect(page.getByText('Amina')).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: testInfo.outputPath('arabic-shared-fiche-390x844.png') });
  expect(await accessibilityViolations(page)).toEqual([]);
  const query = new URL(share).search;
  await page.locator('.site-header summary').click();
  await page.getByRole('navigation', { name: 'اختر اللغة' }).getByRole('link', { name: 'Українська' }).click();
  await expect(page).toHaveURL(/\/uk\/orienter\/fiche\?/);
  // The same places and session (the comma may come back escaped).
  expect(decodeURIComponent(new URL(page.url()).search)).toBe(decodeURIComponent(query));
  await expect(page.getByTestId('fiche-place').first()).toContainText('Телефон:');
});

test('Ukrainian: the steps, the selection and the PDF in Ukrainian — axe-clean', async ({ page }) => {
  test.slow();
  await page.goto('/uk/orienter?etape=4&ou=Cholet');
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
  await expect(page.getByText('Крок 4 з 4')).toBeVisible();
  await expect(page.getByLabel('Лише безкоштовні місця')).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Показати місця' }).click();
  await expect(page).toHaveURL(/\/uk\/recherche\?/);
  const card = page.locator('.result-card').filter({ hasText: GENETS });
  await card.getByRole('button', { name: 'Додати до мого списку' }).click();
  await expect(card.getByRole('button', { name: /У моєму списку/ })).toBeVisible();

  await page.goto('/uk/orienter/selection');
  await expect(page.getByRole('heading', { name: 'Вибрані місця (1)' })).toBeVisible();
  await page.getByLabel('Організація').fill('CCAS de Cholet');
  await expect(page.getByTestId('fiche-place')).toContainText('Телефон: 02 61 91 03 01');
  await expect(page.getByTestId('fiche-place')).toContainText('Вівторок');
  await expect(page.getByText('Ваш контакт: CCAS de Cholet')).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
  const text = await downloadPdfText(page, 'Завантажити картку (PDF)');
  for (const expected of [GENETS, 'Картка направлення', 'Телефон: 02 61 91 03 01', 'Вівторок: 09:00 – 12:00, 14:00 – 18:00', 'CCAS de Cholet'])
    expect(text).toContain(expected);
  // The mail app gets the link and its words in Ukrainian.
  const mailto = (await page.getByRole('link', { name: 'Написати зі своєї пошти' }).getAttribute('href'))!;
  expect(decodeURIComponent(mailto)).toContain('/uk/orienter/fiche?lieux=');
});

test('French: from the search to the PDF as before; the language switch keeps the step and its answers', async ({ page }) => {
  await addFromSearch(page, '', 'ou=Cholet', GENETS, 'Ajouter à ma sélection');
  await page.goto('/orienter/selection');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { name: 'Lieux choisis (1)' })).toBeVisible();
  await expect(page.getByTestId('fiche-place')).toContainText('Téléphone : 02 61 91 03 01');
  expect(await accessibilityViolations(page)).toEqual([]);
  const text = await downloadPdfText(page, 'Télécharger la fiche (PDF)');
  for (const expected of [GENETS, 'Fiche d’orientation', 'Téléphone : 02 61 91 03 01', 'Mardi : 9 h – 12 h, 14 h – 18 h']) expect(text).toContain(expected);

  await page.goto('/orienter?etape=3&ou=Cholet&besoin=AideAuxDemarchesAdministratives&creneau=mardi-matin');
  const alternates = await page
    .locator('link[rel="alternate"][hreflang]')
    .evaluateAll((links) => links.map((l) => `${l.getAttribute('hreflang')} ${new URL(l.getAttribute('href')!).pathname}`));
  expect(alternates).toEqual(expect.arrayContaining(['fr /orienter', 'ar /ar/orienter', 'fa /fa/orienter', 'x-default /orienter']));
  await page.getByRole('navigation', { name: 'Choisir la langue' }).getByRole('link', { name: 'دری / فارسی' }).click();
  await expect(page).toHaveURL('/fa/orienter?etape=3&ou=Cholet&besoin=AideAuxDemarchesAdministratives&creneau=mardi-matin');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByText('مرحلهٔ 3 از 4')).toBeVisible();
  await expect(page.getByLabel('سه‌شنبه صبح')).toBeChecked();
  expect(await accessibilityViolations(page)).toEqual([]);
  // Back a step: still in Dari, the answers kept.
  await page.getByRole('link', { name: 'جای زندگی' }).click();
  await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/fa\/orienter\?.*etape=2/);
  await expect(page.locator('#ou')).toHaveValue('Cholet');
});

test('the fiche’s PDF and details: an unknown language gives French, a bad request is refused in the page’s language', async ({ request }) => {
  const unreadable = await request.post('/api/orientation/pdf?lang=ar', { form: { fiche: '{' } });
  expect(unreadable.status()).toBe(400);
  const html = await unreadable.text();
  expect(html).toContain('<html lang="ar" dir="rtl">');
  expect(html).toContain('تعذّرت قراءة الطلب');
  expect(html).toContain('href="/ar/orienter/selection"');
  const forged = await request.post('/api/orientation/pdf?lang=%3Cscript%3E', { form: { fiche: '{' } });
  expect(await forged.text()).toContain('<html lang="fr" dir="ltr">');
  const details = await request.get('/api/orientation/lieux?ids=00000000-0000-4000-8000-000000000000&lang=xx');
  expect(details.status()).toBe(200);
  expect(await details.json()).toEqual({ places: [], sessions: [] });
  // A shared link to nothing says so in the page's language.
  const empty = await request.get('/ar/orienter/fiche?lieux=nulle-part');
  expect(await empty.text()).toContain('هذا الرابط لا يؤدي إلى أي مكان منشور');
});
