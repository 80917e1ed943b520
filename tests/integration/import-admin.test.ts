// Imports from the back-office (dry run, confirmation, progress, rights) and the admin merge of
// flagged duplicates, on a real PostgreSQL.
import { beforeAll, describe, expect, it } from 'vitest';
import { canImport, canMergePlaces, type SessionUser } from '../../lib/auth/permissions';
import { MERGE_FIELDS, defaultChoices, dismissDuplicate, mergeDuplicate } from '../../lib/import/merge';
import { readSource } from '../../lib/import/readers';
import { runImport } from '../../lib/import/run';
import { openDuplicateFlag, openDuplicateFlags } from '../../lib/import/duplicate-reads';
import { importRunFileColumns, importRunForPage, importRunReport, importSourcesForAdmin, recentImportRuns } from '../../lib/import/run-reads';
import { canSeeRun, confirmImport, fileColumns, guessMapping, isStalled, mappingFromForm, setMapping, startImport } from '../../lib/import/runs';
import { placeRoute } from '../../lib/places/page';
import { ownWeekSlots, resetDatabase, testDb } from '../helpers/db';

const db = testDb();
const HEADER = 'id,nom,commune,code_postal,adresse,latitude,longitude,telephone,date_maj,services,horaires';
const csv = (lines: string[]) => Buffer.from([HEADER, ...lines].join('\n'));

let admin: SessionUser;
let coordinator: SessionUser;
let editor: SessionUser;
let networkId: string;
let otherNetworkId: string;

async function user(email: string, role: SessionUser['role'], networkIds: string[] = []): Promise<SessionUser> {
  const created = await db.user.create({ data: { email, role, networks: { create: networkIds.map((id) => ({ networkId: id })) } } });
  return { id: created.id, email, name: null, role, networkIds, placeIds: [] };
}

beforeAll(async () => {
  await resetDatabase(db);
  networkId = (await db.network.create({ data: { slug: 'cybanjou', name: 'Cyb@njou' } })).id;
  otherNetworkId = (await db.network.create({ data: { slug: 'autre', name: 'Autre réseau' } })).id;
  admin = await user('admin@exemple.fr', 'ADMIN');
  coordinator = await user('coord@exemple.fr', 'COORDINATOR', [networkId]);
  editor = await user('editeur@exemple.fr', 'EDITOR');
});

describe('rights', () => {
  it('lets admins import anywhere, coordinators into their networks only, editors nowhere; only admins merge', () => {
    expect(canImport(admin, null)).toBe(true);
    expect(canImport(coordinator, networkId)).toBe(true);
    expect(canImport(coordinator, otherNetworkId)).toBe(false);
    expect(canImport(coordinator, null)).toBe(false);
    expect(canImport(editor, null)).toBe(false);
    expect(canMergePlaces(admin)).toBe(true);
    expect(canMergePlaces(coordinator)).toBe(false);
  });
});

describe('an import from the back-office', () => {
  const file = csv([
    'c-1,Espace numérique de Segré,Segré,49500,2 rue Lakanal,47.6866,-0.8712,0241920000,2024-01-01,Aide aux démarches administratives,Mo-Fr 09:00-12:00',
    'c-2,Médiathèque de Cholet,Cholet,49300,1 rue Travot,47.06,-0.88,,2024-01-01,Accès internet et matériel informatique,',
    'c-3,,Cholet,49300,1 rue Travot,47.06,-0.88,,2024-01-01,,',
  ]);

  it('refuses a coordinator outside their networks and an editor', async () => {
    expect(await startImport(db, coordinator, { format: 'standard', fileName: 'a.csv', bytes: file })).toEqual({ ok: false, error: 'reseau-requis' });
    expect(await startImport(db, coordinator, { format: 'standard', fileName: 'a.csv', bytes: file, networkSlug: 'autre' })).toEqual({
      ok: false,
      error: 'reseau-requis',
    });
    expect(await startImport(db, editor, { format: 'standard', fileName: 'a.csv', bytes: file })).toEqual({ ok: false, error: 'droits' });
    expect(await startImport(db, admin, { format: 'dbase', fileName: 'a.csv', bytes: file })).toEqual({ ok: false, error: 'format' });
    expect(await db.importRun.count()).toBe(0);
  });

  it('checks first without writing, then imports in the background with progress, once', async () => {
    const started = await startImport(db, coordinator, { format: 'standard', fileName: 'lieux cyb@njou.csv', bytes: file, networkSlug: 'cybanjou' });
    if (!started.ok) throw new Error(started.error);
    const checked = await db.importRun.findUniqueOrThrow({ where: { id: started.id } });
    expect(checked).toMatchObject({ state: 'pending', sourceName: 'lieux-cyb-njou', dryRun: true });
    expect(checked.summary).toMatchObject({ total: 3, created: 2, rejected: 1 });
    expect(await db.place.count()).toBe(0);
    expect(canSeeRun(admin, checked)).toBe(true);
    expect(canSeeRun(editor, checked)).toBe(false);
    expect((await confirmImport(db, editor, started.id)).ok).toBe(false);

    const confirmed = await confirmImport(db, coordinator, started.id);
    if (!confirmed.ok) throw new Error(confirmed.error);
    expect(await confirmImport(db, coordinator, started.id)).toEqual({ ok: false, error: 'Cet import a déjà été lancé.' });
    await confirmed.done;
    const done = await db.importRun.findUniqueOrThrow({ where: { id: started.id } });
    expect(done).toMatchObject({ state: 'done', dryRun: false, fraction: 1, done: 3, file: null });
    expect(done.summary).toMatchObject({ created: 2, rejected: 1 });
    const places = await db.place.findMany({ where: { sourceName: 'lieux-cyb-njou' }, include: { networks: true } });
    expect(places).toHaveLength(2);
    for (const place of places) expect(place.networks.map((n) => n.networkId)).toEqual([networkId]);
    expect(isStalled(done)).toBe(false);
    expect(isStalled({ state: 'running', updatedAt: done.updatedAt }, new Date(done.updatedAt.getTime() + 11 * 60 * 1000))).toBe(true);
    expect(isStalled({ state: 'running', updatedAt: done.updatedAt }, new Date(done.updatedAt.getTime() + 60 * 1000))).toBe(false);
  });

  it('asks for the columns of a generic CSV, guessing them from the header', async () => {
    const generic = Buffer.from('Structure;Adresse;CP;Ville;Tél\r\nTiers-lieu du Lude;3 rue Basse;72800;Le Lude;02 43 00 00 00\r\n');
    const started = await startImport(db, admin, { format: 'generic', fileName: 'lude.csv', bytes: generic });
    if (!started.ok) throw new Error(started.error);
    expect((await db.importRun.findUniqueOrThrow({ where: { id: started.id } })).state).toBe('mapping');
    const columns = await fileColumns(generic);
    expect(columns).toEqual(['Structure', 'Adresse', 'CP', 'Ville', 'Tél']);
    expect(guessMapping(columns)).toEqual({ nom: 'Structure', adresse: 'Adresse', code_postal: 'CP', commune: 'Ville', telephone: 'Tél' });
    const form = new FormData();
    form.set('col_nom', 'Structure');
    expect(mappingFromForm(form)).toEqual({ error: 'Indiquez la colonne de : Adresse (numéro et voie), Code postal, Commune.' });
    for (const [field, column] of Object.entries(guessMapping(columns))) form.set(`col_${field}`, column);
    const parsed = mappingFromForm(form);
    if ('error' in parsed) throw new Error(parsed.error);
    expect((await setMapping(db, admin, started.id, parsed.mapping)).ok).toBe(true);
    const run = await db.importRun.findUniqueOrThrow({ where: { id: started.id } });
    expect(run.state).toBe('pending');
    expect(run.summary).toMatchObject({ total: 1, created: 1, rejected: 0 });
  });
});

describe('what the import pages read', () => {
  it('lists and opens the runs canSeeImportRun allows, with their report and the columns of a kept file', async () => {
    const all = await recentImportRuns(admin, db);
    expect(all).toHaveLength(await db.importRun.count());
    const own = await db.importRun.findMany({ where: { userId: coordinator.id }, orderBy: { startedAt: 'desc' } });
    expect((await recentImportRuns(coordinator, db)).map((r) => r.id)).toEqual(own.map((r) => r.id));
    expect(await recentImportRuns(editor, db)).toEqual([]);

    const done = own[0];
    expect(await importRunForPage(coordinator, done.id, db)).toMatchObject({ id: done.id, state: 'done', sourceName: 'lieux-cyb-njou' });
    expect(await importRunForPage(editor, done.id, db)).toBeNull();
    expect(await importRunForPage(admin, 'pas-un-identifiant', db)).toBeNull();
    const report = await importRunReport(coordinator, done.id, db);
    expect(report?.sourceName).toBe('lieux-cyb-njou');
    expect(report?.report.rejected).toHaveLength(1);
    expect(await importRunReport(editor, done.id, db)).toBeNull();

    const generic = await db.importRun.findFirstOrThrow({ where: { format: 'generic' } });
    expect(await importRunFileColumns(admin, generic.id, db)).toEqual(['Structure', 'Adresse', 'CP', 'Ville', 'Tél']);
    expect(await importRunFileColumns(coordinator, generic.id, db)).toEqual([]);
    expect(await importSourcesForAdmin(coordinator, db)).toEqual([]);
  });
});

describe('merging flagged duplicates', () => {
  let flagId: string;
  beforeAll(async () => {
    await runImport(
      db,
      readSource(
        'standard',
        csv([
          'a-1,Maison de quartier des Justices,Angers,49000,5 place des Justices,47.4500,-0.5300,0241000002,2023-01-01,Aide aux démarches administratives,',
        ]),
      ),
      { sourceName: 'ville' },
    );
    const report = await runImport(
      db,
      readSource(
        'standard',
        csv([
          'b-1,Espace numérique des Justices,Angers,49000,5 place des Justices,47.4501,-0.5301,,2024-06-01,Accès internet et matériel informatique,Tu-Sa 10:00-18:00',
        ]),
      ),
      { sourceName: 'reseau' },
    );
    expect(report.duplicates.map((d) => d.action)).toEqual(['merge']);
    flagId = (await db.placeDuplicate.findFirstOrThrow({ where: { state: 'OPEN' } })).id;
  });

  it('shows the open flags, and one flag with both places, to admins only', async () => {
    expect((await openDuplicateFlags(admin, db)).map((f) => f.id)).toEqual([flagId]);
    expect(await openDuplicateFlags(coordinator, db)).toEqual([]);
    const flag = await openDuplicateFlag(admin, flagId, db);
    expect(flag?.other.name).toBe('Maison de quartier des Justices');
    expect(flag?.place.name).toBe('Espace numérique des Justices');
    expect(await openDuplicateFlag(coordinator, flagId, db)).toBeNull();
    expect(await openDuplicateFlag(admin, 'pas-un-identifiant', db)).toBeNull();
  });

  it('merges field by field for admins only; the loser is archived, its address redirects, both histories are kept', async () => {
    const flag = await db.placeDuplicate.findUniqueOrThrow({ where: { id: flagId }, include: { place: true, other: true } });
    const winner = flag.other; // the place already known
    const loser = flag.place; // the one the import created
    const choices = defaultChoices(winner, loser);
    expect(choices.openingHours).toBe('loser'); // only the loser has hours
    expect(choices.name).toBe('winner');
    expect(choices.dateMaj).toBe('loser'); // more recent
    choices.services = 'loser';
    expect(await mergeDuplicate(db, coordinator, { duplicateId: flagId, winnerId: winner.id, choices })).toEqual({ status: 'forbidden' });
    expect(await mergeDuplicate(db, admin, { duplicateId: flagId, winnerId: editor.id, choices })).toEqual({ status: 'invalid' });

    const result = await mergeDuplicate(db, admin, { duplicateId: flagId, winnerId: winner.id, choices });
    expect(result).toEqual({ status: 'merged', winnerId: winner.id, loserSlug: loser.slug });
    const after = await db.place.findUniqueOrThrow({ where: { id: winner.id }, include: { revisions: true } });
    expect(after).toMatchObject({
      name: 'Maison de quartier des Justices',
      phone: '+33241000002',
      openingHours: 'Tu-Sa 10:00-18:00',
      services: ['AccesInternetEtMaterielInformatique'],
      version: winner.version + 1,
    });
    expect(after.dateMaj.toISOString().slice(0, 10)).toBe('2024-06-01');
    expect(await ownWeekSlots(db, winner.id)).toHaveLength(5);
    // Both histories on the winner: its own creation, the loser's creation, the merge.
    expect(after.revisions.map((r) => r.kind).sort()).toEqual(['IMPORT', 'IMPORT', 'MERGE']);
    const archived = await db.place.findUniqueOrThrow({ where: { id: loser.id }, include: { revisions: true } });
    expect(archived.status).toBe('ARCHIVED');
    expect(archived.slug).not.toBe(loser.slug);
    expect(archived.revisions.map((r) => r.kind)).toEqual(['MERGE']);
    expect(await placeRoute(loser.slug)).toEqual({ redirect: winner.slug });
    expect(await db.placeDuplicate.findUniqueOrThrow({ where: { id: flagId } })).toMatchObject({
      state: 'MERGED',
      winnerId: winner.id,
      resolvedById: admin.id,
    });
    expect(await mergeDuplicate(db, admin, { duplicateId: flagId, winnerId: winner.id, choices })).toEqual({ status: 'gone' });

    // Re-importing the loser's source leaves it merged.
    const again = await runImport(
      db,
      readSource(
        'standard',
        csv([
          'b-1,Espace numérique des Justices,Angers,49000,5 place des Justices,47.4501,-0.5301,,2024-06-01,Accès internet et matériel informatique,Tu-Sa 10:00-18:00',
        ]),
      ),
      { sourceName: 'reseau' },
    );
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect((await db.place.findUniqueOrThrow({ where: { id: loser.id } })).status).toBe('ARCHIVED');
  });

  it('dismisses a flag: the pair stays apart', async () => {
    await runImport(
      db,
      readSource(
        'standard',
        csv(['x-1,Centre social Jean Vilar,Angers,49000,12 rue de la Gare,47.4600,-0.5400,,2024-01-01,Aide aux démarches administratives,']),
      ),
      { sourceName: 'x' },
    );
    await runImport(
      db,
      readSource('standard', csv(['y-1,Espace Jean Vilar,Angers,49000,12 rue de la Gare,47.4600,-0.5400,,2024-01-01,Aide aux démarches administratives,'])),
      { sourceName: 'y' },
    );
    const flag = await db.placeDuplicate.findFirstOrThrow({ where: { state: 'OPEN' } });
    expect(await dismissDuplicate(db, coordinator, flag.id)).toBe('forbidden');
    expect(await dismissDuplicate(db, admin, flag.id)).toBe('done');
    expect(await dismissDuplicate(db, admin, flag.id)).toBe('gone');
    expect(await openDuplicateFlag(admin, flag.id, db)).toBeNull();
    expect(await db.place.count({ where: { sourceName: { in: ['x', 'y'] }, status: 'PUBLISHED' } })).toBe(2);
    expect(MERGE_FIELDS.length).toBeGreaterThan(25);
  });
});
