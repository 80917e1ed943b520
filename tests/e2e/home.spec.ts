import { DEMO_PLACES } from '../../prisma/seed-data';
import { accessibilityViolations, expect, test } from './fixtures';

test('the home page lists the published demo places by commune', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(/Repères/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Trouver de l’aide');
  const items = page.getByTestId('place-list').locator('li');
  expect(await items.count()).toBeGreaterThanOrEqual(45);
  await expect(page.getByRole('heading', { name: 'Saumur', level: 3 })).toBeVisible();
  // Drafts and archived places are not public: neither their names nor links to their slugs
  // (the demo has two of each), while every published place is listed.
  const listed = await items.locator('a').evaluateAll((links) => links.map((a) => ({ name: a.textContent ?? '', href: a.getAttribute('href') ?? '' })));
  const hidden = DEMO_PLACES.filter((p) => p.status !== 'PUBLISHED');
  expect(hidden.filter((p) => p.status === 'DRAFT').length).toBeGreaterThanOrEqual(2);
  expect(hidden.filter((p) => p.status === 'ARCHIVED').length).toBeGreaterThanOrEqual(2);
  for (const place of hidden) {
    expect(
      listed.map((l) => l.name),
      place.status,
    ).not.toContain(place.name);
    expect(
      listed.map((l) => l.href),
      place.status,
    ).not.toContain(`/lieux/${place.slug}`);
  }
  const published = DEMO_PLACES.filter((p) => p.status === 'PUBLISHED');
  expect(listed.map((l) => l.href)).toEqual(expect.arrayContaining(published.map((p) => `/lieux/${p.slug}`)));
  // Every département with a published place, with its count, leads to its page.
  const departements = page.getByRole('region', { name: 'Les lieux de chaque département' });
  const maineEtLoire = departements.getByRole('link', { name: 'Maine-et-Loire (49)', exact: true });
  await expect(maineEtLoire).toHaveAttribute('href', '/departements/49');
  await expect(departements.getByRole('listitem').filter({ hasText: 'Maine-et-Loire (49)' })).toContainText(`— ${published.length} lieux`);
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
  for (const [path, title] of [
    ['/donnees', 'Données ouvertes'],
    ['/accessibilite', 'Accessibilité'],
    ['/mentions-legales', 'Mentions légales'],
  ]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  }
});
