// A coordinator of one network (Hub PDL) tries, through the real upload page, to take over
// another network's places (Cyb@njou): a file copied from the public API, then the other network's
// whole source with "archive the missing places". Nothing changes, and the page says why in French.
import type { Page } from '@playwright/test';
import { accessibilityViolations, expect, test } from './fixtures';
import { signInWithPassword } from './session';

test.describe.configure({ mode: 'serial' });

type ApiPlace = { id: string; nom: string; telephone: string | null };

/** A published place of Cyb@njou only, and its row as the public API's CSV gives it. */
async function cybanjouPlaceFromApi(page: Page) {
  const cyb = (await (await page.request.get('/api/v1/lieux?reseau=cybanjou&limite=200')).json()) as { lieux: ApiPlace[] };
  const hub = (await (await page.request.get('/api/v1/lieux?reseau=hub-pdl&limite=200')).json()) as { lieux: ApiPlace[] };
  const hubIds = new Set(hub.lieux.map((p) => p.id));
  const place = cyb.lieux.find((p) => !hubIds.has(p.id) && p.telephone)!;
  expect(place).toBeTruthy();
  const csv = await (await page.request.get('/api/v1/lieux?reseau=cybanjou&format=csv&limite=200')).text();
  const [header, ...lines] = csv.split('\r\n');
  const row = lines.find((line) => line.startsWith(`"${place.id}"`))!;
  return { place, file: `${header}\r\n${row}\r\n` };
}

async function upload(page: Page, file: string, options: { source: string; archive?: boolean }) {
  await page.goto('/admin/import');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Importer un fichier');
  await page.getByLabel('Fichier (CSV ou JSON, 20 Mo au plus)').setInputFiles({ name: 'copie.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
  await page.getByLabel('Format').selectOption('standard');
  await expect(page.getByLabel(/Réseau auquel rattacher les lieux/)).toHaveValue('hub-pdl');
  await page.getByLabel(/Nom de la source/).fill(options.source);
  if (options.archive) await page.getByLabel('Archiver les lieux de cette source absents du fichier').check();
  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
}

test('a file copied from the public API cannot take over another network’s place', async ({ page }) => {
  await signInWithPassword(page, 'coordination@hub-pdl.example.org', 'demo-hub-2026');
  const { place, file } = await cybanjouPlaceFromApi(page);
  await upload(page, file, { source: 'copie-hub-e2e' });

  // The dry run: one neutral line, nothing to create or update, no link to the place.
  await expect(page.getByText('Essai : rien n’a encore été écrit.')).toBeVisible();
  const summary = page.getByRole('list', { name: 'Résumé' });
  await expect(summary).toContainText('0 lieux à créer');
  await expect(summary).toContainText('0 lieux à mettre à jour');
  await expect(summary).toContainText('1 ligne laissée de côté (lieux d’un autre réseau, non modifiés)');
  await expect(page.getByRole('cell', { name: 'lieu d’un autre réseau : non modifié' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Doublons possibles/ })).toContainText('(0)');
  await expect(page.getByRole('link', { name: place.nom })).toHaveCount(0);
  expect(await accessibilityViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Confirmer l’import' }).click();
  await expect(page.getByText('Import terminé')).toBeVisible({ timeout: 20_000 });
  await expect(summary).toContainText('0 lieux créés');
  await expect(summary).toContainText('0 lieux mis à jour');

  // The place did not join Hub PDL: its coordinator still does not see it in the back-office.
  await page.goto(`/admin/lieux?q=${encodeURIComponent(place.nom)}`);
  await expect(page.getByRole('link', { name: place.nom })).toHaveCount(0);
  // And the public API still gives it as it was, in Cyb@njou only.
  const after = (await (await page.request.get(`/api/v1/lieux/${place.id}`)).json()) as ApiPlace;
  expect(after).toMatchObject({ nom: place.nom, telephone: place.telephone });
  const hub = (await (await page.request.get('/api/v1/lieux?reseau=hub-pdl&limite=200')).json()) as { lieux: ApiPlace[] };
  expect(hub.lieux.map((p) => p.id)).not.toContain(place.id);
});

test('another network’s whole source cannot be imported under, nor archived', async ({ page }) => {
  await signInWithPassword(page, 'coordination@hub-pdl.example.org', 'demo-hub-2026');
  const { place, file } = await cybanjouPlaceFromApi(page);
  const before = (await (await page.request.get('/api/v1/lieux?reseau=cybanjou&limite=200')).json()) as { total: number };

  // The demo places' source, with "archive the places of this source missing from the file".
  await upload(page, file, { source: 'demo', archive: true });
  await expect(page).toHaveURL(/\/admin\/import\?erreur=source/);
  await expect(page.getByRole('alert').filter({ hasText: 'Ce nom de source' })).toHaveText(
    /Ce nom de source (appartient à un autre réseau|est géré par l’administration de Repères) : choisissez un autre nom de source/,
  );
  expect(await accessibilityViolations(page)).toEqual([]);
  // No run was recorded, nothing was archived.
  await expect(page.getByRole('row').filter({ hasText: 'demo' })).toHaveCount(0);
  const after = (await (await page.request.get('/api/v1/lieux?reseau=cybanjou&limite=200')).json()) as { total: number };
  expect(after.total).toBe(before.total);
  expect((await page.request.get(`/api/v1/lieux/${place.id}`)).status()).toBe(200);
});

test('an administrator sees who owns each source and ranks it', async ({ page }) => {
  await signInWithPassword(page, 'admin@reperes.example', 'demo-admin-2026');
  await page.goto('/admin/import');
  await page.getByRole('link', { name: /Sources d’import/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sources d’import');
  // The source of the coordinator's import above belongs to Hub PDL.
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'copie-hub-e2e' }) });
  await expect(row.getByLabel('Propriétaire de la source copie-hub-e2e')).toHaveValue('hub-pdl');
  expect(await accessibilityViolations(page)).toEqual([]);
  await row.getByLabel('Priorité de la source copie-hub-e2e').fill('3');
  await row.getByRole('button', { name: 'Enregistrer la source copie-hub-e2e' }).click();
  await expect(page.getByRole('status')).toHaveText('Source « copie-hub-e2e » enregistrée.');
  await expect(
    page
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'copie-hub-e2e' }) })
      .getByLabel('Priorité de la source copie-hub-e2e'),
  ).toHaveValue('3');
});
