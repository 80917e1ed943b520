import { accessibilityViolations, expect, test } from './fixtures';

test('the Cyb@njou page presents the network and lists its places with the search filters', async ({ page }) => {
  await page.goto('/reseaux');
  await page.getByRole('link', { name: 'Cyb@njou' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cyb@njou');
  await expect(page.getByText(/\d+ lieux publiés · \d+ % gratuits · \d+ % ouverts le samedi/)).toBeVisible();
  const cards = page.locator('.result-card');
  expect(await cards.count()).toBeGreaterThanOrEqual(20);
  await page.getByRole('checkbox', { name: /Aide pour mes papiers en ligne/ }).check();
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await expect(page).toHaveURL(/\/reseaux\/cybanjou\?.*besoin=AideAuxDemarchesAdministratives/);
  await expect(page.locator('.result-card').first()).toContainText('Pourquoi ce lieu');
  expect(await accessibilityViolations(page)).toEqual([]);
});

test('data downloads and the API answer in the national standard', async ({ page, request }) => {
  await page.goto('/donnees');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Données ouvertes');
  const csv = await request.get('/donnees/export/csv');
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(csv.headers()['content-disposition']).toMatch(/attachment; filename="\d{4}-\d{2}-\d{2}_reperes_lieux-de-mediation-numerique_france\.csv"/);
  expect((await csv.text()).split('\n')[0]).toContain('"id","pivot","nom","commune"');
  const api = await request.get('/api/v1/lieux?limite=5&reseau=cybanjou');
  const body = (await api.json()) as { lieux: unknown[]; suivant: string };
  expect(body.lieux).toHaveLength(5);
  expect(body.suivant).toContain('apres=');
  const openapi = await request.get('/api/v1/openapi.json');
  expect(((await openapi.json()) as { openapi: string }).openapi).toBe('3.1.0');
  expect(await accessibilityViolations(page)).toEqual([]);
});
