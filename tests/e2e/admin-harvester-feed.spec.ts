// Issue #22: a harvester reads the export once, keeps the cursor it gives, then follows
// /api/v1/changements while an admin creates (import), edits, archives and merges places in the
// back-office; its copy ends identical to a fresh export. The admin also registers a webhook
// harvester, whose secret is shown once, after a private address was refused (the e2e server
// allows none: HARVESTER_ALLOW_PRIVATE_ADDRESSES unset, as in production; it never delivers).
import type { APIRequestContext, Page } from '@playwright/test';
import { accessibilityViolations, expect, test } from './fixtures';
import { signInWithPassword } from './session';

const HEADER = 'id,nom,commune,code_postal,adresse,latitude,longitude,telephone,date_maj,services,horaires';
type Lieu = Record<string, unknown> & { id: string; nom: string };
type FeedPage = { changements: Array<{ type: string; id: string; lieu?: Lieu | null; remplace_par?: string }>; curseur: string; a_jour: boolean };

const signInAsAdmin = (page: Page) => signInWithPassword(page, 'admin@reperes.example', 'demo-admin-2026');

async function importRows(page: Page, fileName: string, lines: string[], source: string) {
  await page.goto('/admin/import');
  await page
    .getByLabel('Fichier (CSV ou JSON, 20 Mo au plus)')
    .setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from([HEADER, ...lines].join('\r\n')) });
  await page.getByLabel('Format').selectOption('standard');
  await page.getByLabel(/Nom de la source/).fill(source);
  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
  await expect(page.getByText('Essai : rien n’a encore été écrit.')).toBeVisible();
  await page.getByRole('button', { name: 'Confirmer l’import' }).click();
  await expect(page.getByText('Import terminé')).toBeVisible({ timeout: 20_000 });
}

async function openEditor(page: Page, name: string) {
  await page.goto(`/admin/lieux?q=${encodeURIComponent(name)}`);
  await page.getByRole('link', { name, exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
}

/** The whole export and the feed cursor it gives (taken before it was read). */
async function readExport(request: APIRequestContext) {
  const response = await request.get('/donnees/export/json');
  expect(response.status()).toBe(200);
  const cursor = response.headers()['x-curseur-changements'];
  expect(cursor).toMatch(/^[\w-]+\.[\w-]{22}$/);
  const records = (await response.json()) as Lieu[];
  return { cursor, copy: new Map(records.map((r) => [r.id, r])) };
}

/** Follows the feed from the cursor, applying each change, until it is up to date; returns the types seen. */
async function follow(request: APIRequestContext, copy: Map<string, Lieu>, cursor: string) {
  const seen: string[] = [];
  for (let round = 0; round < 200; round++) {
    const response = await request.get(`/api/v1/changements?depuis=${encodeURIComponent(cursor)}&limite=3`);
    expect(response.status()).toBe(200);
    const page = (await response.json()) as FeedPage;
    for (const change of page.changements) {
      seen.push(change.type);
      if (change.type === 'retrait' || change.type === 'fusion') copy.delete(change.id);
      else if (change.lieu) copy.set(change.id, change.lieu);
    }
    cursor = page.curseur;
    if (page.a_jour) return seen;
    if (page.changements.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('The feed never said it was up to date.');
}

test('a harvester following the change feed stays identical to the export through creations, edits, archives and a merge', async ({ page, request }) => {
  test.setTimeout(120_000);
  const harvester = await readExport(request);
  const [edited, archived] = [...harvester.copy.values()].filter((r) => !/\(essai\)/.test(r.nom)).sort((a, b) => a.nom.localeCompare(b.nom, 'fr'));
  await signInAsAdmin(page);

  // A creation, by import.
  await importRows(
    page,
    'flux-e2e.csv',
    ['flux-1,Tiers-lieu du Flux (essai),Angers,49000,12 rue du Flux,47.4701,-0.5401,,2025-02-01,Aide aux démarches administratives,'],
    'flux-e2e',
  );
  // An edit, in the back-office.
  await openEditor(page, edited.nom);
  const contact = page.locator('form[data-section="contact"]');
  await contact.getByLabel('Téléphone').fill('02 41 12 34 56');
  await contact.getByRole('button', { name: /Enregistrer/ }).click();
  await expect(contact.getByRole('status')).toHaveText('Enregistré.');
  // An archive.
  await openEditor(page, archived.nom);
  await page.getByRole('button', { name: 'Archiver' }).click();
  await expect(page.getByRole('button', { name: 'Archiver' })).toHaveCount(0);
  // A merge: a second source lists the same place, the admin merges the two.
  await importRows(
    page,
    'flux-autre.csv',
    ['fx-1,Espace numérique du Flux (essai),Angers,49000,12 rue du Flux,47.4702,-0.5402,02 41 99 88 77,2025-03-01,Accès internet et matériel informatique,'],
    'flux-autre-e2e',
  );
  await page.goto('/admin/fusion');
  await page.getByRole('row').filter({ hasText: 'Tiers-lieu du Flux (essai)' }).getByRole('link', { name: 'Comparer' }).click();
  await page.getByRole('button', { name: 'Fusionner les deux fiches' }).click();
  await expect(page.getByRole('status')).toContainText('Les deux fiches ont été fusionnées');

  const seen = await follow(request, harvester.copy, harvester.cursor);
  // On failure, the whole feed since the export says what was there (and whether it said it was up to date).
  const all = (await (await request.get(`/api/v1/changements?depuis=${encodeURIComponent(harvester.cursor)}&limite=1000`)).json()) as FeedPage;
  const log = `${seen.join(', ')} | now: ${JSON.stringify(all.changements.map((c) => [c.type, c.lieu?.nom ?? c.id, c.remplace_par]))} a_jour=${all.a_jour}`;
  expect([...new Set(seen)].sort(), log).toEqual(['creation', 'fusion', 'modification', 'retrait']);
  const fresh = await readExport(request);
  expect(harvester.copy.size).toBe(fresh.copy.size);
  expect(harvester.copy).toEqual(fresh.copy);
  expect(fresh.copy.get(edited.id)?.telephone).toBe('+33241123456');
  expect(fresh.copy.has(archived.id)).toBe(false);
  // The edit was made by Repères's team: the API says so, never the person.
  expect(fresh.copy.get(edited.id)?.verification).toMatchObject({ par: expect.any(String) });
  expect(JSON.stringify([...fresh.copy.values()])).not.toContain('admin@reperes.example');
});

test('a forged cursor is refused in French with the way to resynchronise', async ({ request }) => {
  const response = await request.get('/api/v1/changements?depuis=bidon.AAAAAAAAAAAAAAAAAAAAAA');
  expect(response.status()).toBe(400);
  const problem = (await response.json()) as { code: string; detail: string; resynchronisation: { export: string } };
  expect(problem).toMatchObject({ code: 'curseur_invalide', resynchronisation: { export: '/donnees/export/json' } });
  expect(problem.detail).toContain('n’a pas été donné par Repères');
});

test('an admin registers a webhook harvester; its secret is shown once', async ({ page }) => {
  await signInAsAdmin(page);
  await page.getByRole('link', { name: 'Moissonneurs' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Moissonneurs');
  await page.getByLabel('Nom du moissonneur').fill('Carte nationale (essai)');
  await page.getByLabel('Adresse qui reçoit les changements').fill('ftp://exemple.fr');
  await page.getByLabel('Courriel du contact technique').fill('moisson@exemple.fr');
  await page.getByRole('button', { name: 'Enregistrer le moissonneur' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Corrigez les champs signalés' })).toBeVisible();
  await expect(page.getByText('Adresse invalide : une URL http:// ou https://')).toBeVisible();
  await expect(page.getByLabel('Courriel du contact technique')).toHaveValue('moisson@exemple.fr');
  // The server never posts into its own network (SSRF): the cloud's metadata service, refused in French.
  await page.getByLabel('Adresse qui reçoit les changements').fill('http://169.254.169.254/latest/meta-data/');
  await page.getByRole('button', { name: 'Enregistrer le moissonneur' }).click();
  await expect(page.getByText('Adresse refusée : 169.254.169.254 : lien local, dont le service de métadonnées du nuage')).toBeVisible();
  await expect(page.getByLabel('Adresse qui reçoit les changements')).toHaveValue('http://169.254.169.254/latest/meta-data/');
  await page.getByLabel('Adresse qui reçoit les changements').fill('https://moisson.exemple.fr/reperes');
  await page.getByRole('button', { name: 'Enregistrer le moissonneur' }).click();
  await expect(page.getByRole('status')).toContainText('Copiez son secret maintenant');
  const secret = await page.getByLabel('Secret de signature (affiché une seule fois)').inputValue();
  expect(secret).toMatch(/^[\w-]{43}$/);
  await expect(page.getByRole('cell', { name: 'https://moisson.exemple.fr/reperes' })).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.reload();
  await expect(page.getByText(secret)).toHaveCount(0);
  await expect(page.getByLabel('Secret de signature (affiché une seule fois)')).toHaveCount(0);
});
