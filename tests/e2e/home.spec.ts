import { accessibilityViolations, expect, test } from './fixtures';

test('the home page lists the published demo places by commune', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(/Repères/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Trouver de l’aide');
  const items = page.getByTestId('place-list').locator('li');
  expect(await items.count()).toBeGreaterThanOrEqual(45);
  await expect(page.getByRole('heading', { name: 'Saumur', level: 3 })).toBeVisible();
  // Drafts and archived places are not public.
  const names = await items.allTextContents();
  expect(names.join('\n')).not.toMatch(/brouillon/i);
  const footer = page.getByRole('contentinfo');
  for (const link of ['Données ouvertes', 'Accessibilité', 'Mentions légales']) {
    await expect(footer.getByRole('link', { name: link })).toBeVisible();
  }
});

test('the home page has no accessibility violation', async ({ page }) => {
  await page.goto('/');
  expect(await accessibilityViolations(page)).toEqual([]);
});

test('the footer pages answer', async ({ page }) => {
  for (const [path, title] of [['/donnees', 'Données ouvertes'], ['/accessibilite', 'Accessibilité'], ['/mentions-legales', 'Mentions légales']]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  }
});
