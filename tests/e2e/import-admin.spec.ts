// The back-office import: an admin uploads a file, reads the dry run's report, downloads the
// rejected rows, confirms, and merges a duplicate the import flagged.
import type { Page } from '@playwright/test';
import { accessibilityViolations, expect, test } from './fixtures';

const HEADER = 'id,nom,commune,code_postal,adresse,latitude,longitude,telephone,date_maj,services,horaires';

async function signInAsAdmin(page: Page) {
  await page.goto('/connexion');
  await page.getByLabel('Adresse électronique').first().fill('admin@reperes.example');
  await page.getByLabel('Mot de passe', { exact: true }).fill('demo-admin-2026');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/admin$/);
}

async function upload(page: Page, fileName: string, lines: string[], source: string) {
  await page.goto('/admin');
  await page.getByRole('link', { name: 'Importer' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Importer un fichier');
  await page
    .getByLabel('Fichier (CSV ou JSON, 20 Mo au plus)')
    .setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from([HEADER, ...lines].join('\r\n')) });
  await page.getByLabel('Format').selectOption('standard');
  await page.getByLabel(/Nom de la source/).fill(source);
  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
  await expect(page.getByText('Essai : rien n’a encore été écrit.')).toBeVisible();
}

test.describe.configure({ mode: 'serial' });

test('an admin checks a file, downloads the rejected rows, confirms and sees the import finish', async ({ page }) => {
  await signInAsAdmin(page);
  await upload(
    page,
    'tiers-lieux-e2e.csv',
    [
      'e2e-1,Tiers-lieu de la Doutre (essai),Angers,49100,3 place de la Laiterie,47.4745,-0.5610,02 41 00 00 07,2025-02-01,Aide aux démarches administratives,Mo-Fr 09:00-17:00',
      'e2e-2,Fablab du Lac (essai),Angers,49000,9 avenue du Lac de Maine,47.4560,-0.5930,,2025-02-01,Loisirs et créations numériques,',
      'e2e-3,,Angers,49000,1 rue Inconnue,47.46,-0.55,,2025-02-01,,',
    ],
    'essai-e2e',
  );
  const summary = page.getByRole('list', { name: 'Résumé' });
  await expect(summary).toContainText('3 lignes lues');
  await expect(summary).toContainText('2 lieux à créer');
  await expect(summary).toContainText('1 lignes rejetées');
  await expect(page.getByRole('cell', { name: 'nom manquant' })).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);

  const href = await page.getByRole('link', { name: 'Télécharger les lignes rejetées (CSV)' }).getAttribute('href');
  const csv = await page.request.get(href!);
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(await csv.text()).toContain('"4","e2e-3","","nom manquant"');

  await page.getByRole('button', { name: 'Confirmer l’import' }).click();
  await expect(page.getByText('Import terminé')).toBeVisible({ timeout: 20_000 });
  await expect(summary).toContainText('2 lieux créés');
  await page.goto('/admin/lieux?q=Doutre');
  await expect(page.getByRole('link', { name: 'Tiers-lieu de la Doutre (essai)' })).toBeVisible();
  // Back on the import list, the run is listed as done.
  await page.goto('/admin/import');
  await expect(page.getByRole('row').filter({ hasText: 'tiers-lieux-e2e.csv' })).toContainText('Terminé');
});

test('a second source with the same place flags it, and the admin merges the two field by field', async ({ page }) => {
  await signInAsAdmin(page);
  await upload(
    page,
    'autre-source.csv',
    ['o-1,Espace numérique de la Doutre (essai),Angers,49100,3 place de la Laiterie,47.4746,-0.5611,,2025-03-01,Accès internet et matériel informatique,'],
    'autre-source-e2e',
  );
  await expect(page.getByRole('cell', { name: 'Créé et signalé pour fusion' })).toBeVisible();
  await page.getByRole('button', { name: 'Confirmer l’import' }).click();
  await expect(page.getByText('Import terminé')).toBeVisible({ timeout: 20_000 });
  await page.getByRole('link', { name: /paires de lieux à examiner/ }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Doublons à fusionner');
  await page.getByRole('row').filter({ hasText: 'Tiers-lieu de la Doutre (essai)' }).getByRole('link', { name: 'Comparer' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Comparer deux fiches');
  // Keep A (the first source) with B's services.
  const services = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Services' }) });
  await services.getByLabel('Accès internet et matériel informatique').check();
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Fusionner les deux fiches' }).click();
  await expect(page.getByRole('status')).toContainText('Les deux fiches ont été fusionnées');
  await page.getByRole('link', { name: 'Voir la fiche conservée' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tiers-lieu de la Doutre (essai)');
  // The archived place's public address now leads to the one kept.
  const old = await page.request.get('/lieux/espace-numerique-de-la-doutre-essai-angers', { maxRedirects: 0 });
  expect(old.status()).toBe(301);
  expect(old.headers().location).toContain('/lieux/tiers-lieu-de-la-doutre-essai-angers');
  await page.goto(`${new URL(page.url()).pathname}/historique`);
  await expect(page.getByText(/Fusion avec « Espace numérique de la Doutre \(essai\) »/)).toBeVisible();
  // Which source gave which value: the name from the first file, the services chosen in the merge.
  const provenance = page.getByRole('region', { name: 'Provenance des valeurs' });
  await expect(provenance.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Nom', exact: true }) })).toContainText('source « essai-e2e »');
  await expect(provenance.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Services', exact: true }) })).toContainText(
    'saisie dans l’espace d’administration',
  );
  expect(await accessibilityViolations(page)).toEqual([]);
});

test('a generic CSV asks for its columns, guessed from the header, before the dry run', async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto('/admin/import');
  expect(await accessibilityViolations(page)).toEqual([]);
  // Windows-1252 with semicolons, as spreadsheets export it.
  const latin1 = Buffer.from(
    'Structure;Adresse;CP;Ville;Téléphone;Horaires\r\nMédiathèque du Lude (essai);3 rue Basse;72800;Le Lude;02 43 00 00 00;Du mardi au samedi : 10h à 12h\r\n',
    'latin1',
  );
  await page.getByLabel('Fichier (CSV ou JSON, 20 Mo au plus)').setInputFiles({ name: 'lude.csv', mimeType: 'text/csv', buffer: latin1 });
  await page.getByLabel('Format').selectOption('generic');
  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
  await expect(page.getByLabel('Nom du lieu (obligatoire)')).toHaveValue('Structure');
  await expect(page.getByLabel('Code postal (obligatoire)')).toHaveValue('CP');
  await expect(page.getByLabel('Téléphone')).toHaveValue('Téléphone');
  await page.getByLabel('Horaires').selectOption('Horaires');
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Vérifier avec ces colonnes' }).click();
  await expect(page.getByText('Essai : rien n’a encore été écrit.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Résumé' })).toContainText('1 lieux à créer');
});

test('a long import shows its progress, and the page follows it to the end', async ({ page }) => {
  test.setTimeout(150_000);
  await signInAsAdmin(page);
  const lines = Array.from(
    { length: 15_000 },
    (_, i) =>
      `long-${i},Point numérique ${i} (essai),Commune ${i % 500},${String(10000 + i).padStart(5, '0')},${1 + (i % 90)} rue Longue,${(43 + (i % 600) / 100).toFixed(4)},${(-1 + (i % 700) / 100).toFixed(4)},,2025-01-01,Aide aux démarches administratives,Mo-Fr 09:00-12:00`,
  );
  await upload(page, 'long.csv', lines, 'long-e2e');
  await expect(page.getByRole('list', { name: 'Résumé' })).toContainText('15000 lieux à créer');
  await page.getByRole('button', { name: 'Confirmer l’import' }).click();
  await expect(page.getByText(/Import en cours : [\d\s  ]+ lignes traitées/)).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Avancement de l’import' })).toBeVisible();
  // The page refreshes itself until the end.
  await expect(page.getByText('Import terminé')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByRole('list', { name: 'Résumé' })).toContainText('15000 lieux créés');
});
