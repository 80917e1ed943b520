// Imports by a coordinator of another network, on a real PostgreSQL with the demo data: a file
// copied from the public API cannot take over another network's places, a source name cannot be
// borrowed to archive another network's places, drafts of other networks are never matched nor
// mentioned; administrators keep their full power.
import { Prisma } from '@prisma/client';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../lib/auth/permissions';
import { csvHeader, csvLine, standardRecords, type StandardRecord } from '../../lib/export/standard';
import { readSource } from '../../lib/import/readers';
import { ImportRefusedError, runImport, type ImportReport } from '../../lib/import/run';
import { START_ERRORS, confirmImport, startImport } from '../../lib/import/runs';
import { listSources, sourcesInfo, updateSource } from '../../lib/import/sources';
import { seedDemo } from '../../prisma/seed';
import { demoUsers, resetDatabase, testDb } from '../helpers/db';

const db = testDb();
const FOREIGN = 'lieu d’un autre réseau : non modifié';

let admin: SessionUser;
let cybCoordinator: SessionUser;
let hubCoordinator: SessionUser;

/** What the public API gives for a place (its CSV line, standard columns), as a one-row file. */
async function copiedFromApi(placeId: string, change: Partial<StandardRecord> = {}): Promise<Buffer> {
  const records: StandardRecord[] = [];
  for await (const record of standardRecords(db, { where: Prisma.sql`p.id = ${placeId}::uuid`, limit: 1 })) records.push(record);
  expect(records).toHaveLength(1);
  return Buffer.from(csvHeader() + csvLine({ ...records[0], ...change }));
}

/** A draft's own fields as a standard row (the API never shows it; someone may know it anyway). */
function draftRow(place: { id: string; name: string; street: string; postcode: string; commune: string; latitude: number | null; longitude: number | null }) {
  return Buffer.from(
    'id,nom,commune,code_postal,adresse,latitude,longitude,date_maj,services\n' +
      `copie-1,${place.name},${place.commune},${place.postcode},${place.street},${place.latitude},${place.longitude},2026-01-01,Accès internet et matériel informatique\n`,
  );
}

async function cybOnlyPublished() {
  const cyb = await db.network.findUniqueOrThrow({ where: { slug: 'cybanjou' } });
  const places = await db.place.findMany({
    where: { sourceName: 'demo', status: 'PUBLISHED', networks: { every: { networkId: cyb.id }, some: {} }, websites: { isEmpty: true } },
    include: { networks: true },
    orderBy: { slug: 'asc' },
  });
  expect(places.length).toBeGreaterThan(0);
  return places[0];
}

async function runReport(id: string) {
  const run = await db.importRun.findUniqueOrThrow({ where: { id } });
  return { run, report: run.report as unknown as ImportReport };
}

beforeAll(async () => {
  await resetDatabase(db);
  await seedDemo(db, { testFixture: true });
  ({ admin, coordinator: cybCoordinator, hubCoordinator } = await demoUsers(db));
});

describe('hole 1: a coordinator cannot take over another network’s places by import', () => {
  it('a one-row file copied from the public API, imported by the other network: the place is unchanged and stays in its network', async () => {
    const place = await cybOnlyPublished();
    const file = await copiedFromApi(place.id, { site_web: 'https://arnaque.example', telephone: '+33999999999' });
    const started = await startImport(db, hubCoordinator, {
      format: 'standard',
      fileName: 'copie.csv',
      bytes: file,
      networkSlug: 'hub-pdl',
      sourceName: 'copie-hub',
    });
    if (!started.ok) throw new Error(started.error);
    const { run, report } = await runReport(started.id);
    expect(run.state).toBe('pending');
    expect(report).toMatchObject({ created: 0, updated: 0 });
    expect(report.rejected).toEqual([{ line: expect.any(Number), sourceId: place.id, name: place.name, reason: FOREIGN }]);
    // The dry run says nothing more: no match, no name, no id of the place.
    expect(report.duplicates).toEqual([]);

    const confirmed = await confirmImport(db, hubCoordinator, started.id);
    if (!confirmed.ok) throw new Error(confirmed.error);
    await confirmed.done;
    const after = await db.place.findUniqueOrThrow({ where: { id: place.id }, include: { networks: true } });
    expect(after.version).toBe(place.version);
    expect(after.websites).toEqual([]);
    expect(after.phone).toBe(place.phone);
    expect(after.networks.map((n) => n.networkId)).toEqual(place.networks.map((n) => n.networkId));
    expect(await db.place.count({ where: { sourceName: 'copie-hub' } })).toBe(0);
  });

  it('a draft of another network is never matched nor mentioned, even in the dry run', async () => {
    const draft = await db.place.findFirstOrThrow({ where: { status: 'DRAFT', name: 'Espace multimédia Deux-Croix (fictif)' } });
    const report = await runImport(db, readSource('standard', draftRow(draft)), {
      sourceName: 'brouillon-hub',
      networkSlug: 'hub-pdl',
      dryRun: true,
      importer: hubCoordinator,
    });
    const text = JSON.stringify(report);
    expect(text).not.toContain(draft.id);
    expect(text).not.toContain(draft.slug);
    expect(report.duplicates).toEqual([]);
    expect(report.rejected).toEqual([]);
    expect(report.created).toBe(1);
  });

  it('re-importing its own source cannot reach a place that left the network', async () => {
    const first = await runImport(
      db,
      readSource(
        'standard',
        draftRow({
          id: '',
          name: 'Point numérique du Lac (essai)',
          street: '2 rue du Lac',
          postcode: '49000',
          commune: 'Angers',
          latitude: 47.45,
          longitude: -0.6,
        }),
      ),
      {
        sourceName: 'hub-propre',
        networkSlug: 'hub-pdl',
        importer: hubCoordinator,
      },
    );
    expect(first.created).toBe(1);
    const place = await db.place.findFirstOrThrow({ where: { sourceName: 'hub-propre' } });
    const cyb = await db.network.findUniqueOrThrow({ where: { slug: 'cybanjou' } });
    await db.networkMembership.deleteMany({ where: { placeId: place.id } });
    await db.networkMembership.create({ data: { placeId: place.id, networkId: cyb.id } });
    const again = await runImport(
      db,
      readSource(
        'standard',
        draftRow({
          id: '',
          name: 'Point numérique du Lac (modifié)',
          street: '2 rue du Lac',
          postcode: '49000',
          commune: 'Angers',
          latitude: 47.45,
          longitude: -0.6,
        }),
      ),
      {
        sourceName: 'hub-propre',
        networkSlug: 'hub-pdl',
        importer: hubCoordinator,
        archiveMissing: true,
      },
    );
    expect(again).toMatchObject({ created: 0, updated: 0, archived: 0 });
    expect(again.rejected.map((r) => r.reason)).toEqual([FOREIGN]);
    expect((await db.place.findUniqueOrThrow({ where: { id: place.id } })).name).toBe('Point numérique du Lac (essai)');
  });
});

describe('hole 2: a coordinator cannot import under another network’s source', () => {
  it('refuses the demo source (Cyb@njou’s places) with archive-missing: nothing archived, no run recorded', async () => {
    const place = await cybOnlyPublished();
    const before = await db.place.count({ where: { sourceName: 'demo', status: 'ARCHIVED' } });
    const runs = await db.importRun.count();
    const file = await copiedFromApi(place.id);
    const result = await startImport(db, hubCoordinator, {
      format: 'standard',
      fileName: 'demo.csv',
      bytes: file,
      networkSlug: 'hub-pdl',
      sourceName: 'demo',
      archiveMissing: true,
    });
    // Its places are spread over several networks: it is the administrators'.
    expect(result).toEqual({ ok: false, error: 'source-admin' });
    expect(START_ERRORS['source-admin']).toMatch(/géré par l’administration/);
    expect(await db.importRun.count()).toBe(runs);
    // The importer refuses it too, whoever calls it.
    await expect(
      runImport(db, readSource('standard', file), { sourceName: 'demo', networkSlug: 'hub-pdl', archiveMissing: true, importer: hubCoordinator }),
    ).rejects.toThrow(ImportRefusedError);
    expect(await db.place.count({ where: { sourceName: 'demo', status: 'ARCHIVED' } })).toBe(before);
  });

  it('a source first imported by a network belongs to it: another network is refused, its own coordinator is not', async () => {
    const file = draftRow({
      id: '',
      name: 'Atelier numérique de Belle-Beille (essai)',
      street: '4 rue de Belle-Beille',
      postcode: '49000',
      commune: 'Angers',
      latitude: 47.48,
      longitude: -0.6,
    });
    const mine = await runImport(db, readSource('standard', file), { sourceName: 'cyb-ateliers', networkSlug: 'cybanjou', importer: cybCoordinator });
    expect(mine.created).toBe(1);
    expect(await db.importSource.findUniqueOrThrow({ where: { name: 'cyb-ateliers' } })).toMatchObject({ networkId: cybCoordinator.networkIds[0] });
    expect(
      await startImport(db, hubCoordinator, {
        format: 'standard',
        fileName: 'x.csv',
        bytes: file,
        networkSlug: 'hub-pdl',
        sourceName: 'cyb-ateliers',
        archiveMissing: true,
      }),
    ).toEqual({ ok: false, error: 'source' });
    expect(START_ERRORS.source).toMatch(/appartient à un autre réseau/);
    const again = await startImport(db, cybCoordinator, {
      format: 'standard',
      fileName: 'x.csv',
      bytes: file,
      networkSlug: 'cybanjou',
      sourceName: 'cyb-ateliers',
    });
    expect(again.ok).toBe(true);
  });

  it('a source an administrator imported is refused to coordinators', async () => {
    const file = draftRow({
      id: '',
      name: 'Relais numérique de Trélazé (essai)',
      street: '1 place de la Mairie',
      postcode: '49800',
      commune: 'Trélazé',
      latitude: 47.445,
      longitude: -0.465,
    });
    await runImport(db, readSource('standard', file), { sourceName: 'nationale', importer: admin });
    expect(await db.importSource.findUniqueOrThrow({ where: { name: 'nationale' } })).toMatchObject({ networkId: null });
    expect(
      await startImport(db, cybCoordinator, {
        format: 'standard',
        fileName: 'x.csv',
        bytes: file,
        networkSlug: 'cybanjou',
        sourceName: 'nationale',
        archiveMissing: true,
      }),
    ).toEqual({ ok: false, error: 'source-admin' });
  });
});

describe('sources are given and ranked by administrators only', () => {
  it('refuses a coordinator; an admin gives a source to a network and ranks it', async () => {
    expect(await updateSource(db, cybCoordinator, { name: 'nationale', networkSlug: 'cybanjou', priority: 0 })).toBe('forbidden');
    expect(await updateSource(db, admin, { name: 'nationale', networkSlug: 'nulle-part', priority: 0 })).toBe('unknown-network');
    expect(await updateSource(db, admin, { name: 'nationale', networkSlug: null, priority: 1.5 })).toBe('invalid-priority');
    expect(await updateSource(db, admin, { name: 'nationale', networkSlug: 'cybanjou', priority: 5 })).toBe('done');
    const file = draftRow({
      id: '',
      name: 'Relais numérique de Trélazé (essai)',
      street: '1 place de la Mairie',
      postcode: '49800',
      commune: 'Trélazé',
      latitude: 47.445,
      longitude: -0.465,
    });
    expect(
      (await startImport(db, cybCoordinator, { format: 'standard', fileName: 'x.csv', bytes: file, networkSlug: 'cybanjou', sourceName: 'nationale' })).ok,
    ).toBe(true);
    const { order } = await sourcesInfo(db);
    expect(order('nationale', 'cyb-ateliers')).toBeLessThan(0); // higher priority first
    expect((await listSources(db)).find((s) => s.name === 'nationale')).toMatchObject({ priority: 5, network: { slug: 'cybanjou' }, places: 1 });
    await updateSource(db, admin, { name: 'nationale', networkSlug: null, priority: 0 });
  });
});

describe('administrators keep their full power', () => {
  it('an admin import of the copied row completes the place (same place)', async () => {
    const place = await cybOnlyPublished();
    const file = await copiedFromApi(place.id, { site_web: 'https://lieu.example.org' });
    const report = await runImport(db, readSource('standard', file), { sourceName: 'copie-admin', importer: admin });
    expect(report.duplicates.map((d) => [d.placeId, d.action])).toEqual([[place.id, 'update']]);
    expect(report.updated).toBe(1);
    expect((await db.place.findUniqueOrThrow({ where: { id: place.id } })).websites).toEqual(['https://lieu.example.org']);
  });

  it('an admin may import under the demo source with archive-missing: the other demo places are archived', async () => {
    const place = await cybOnlyPublished();
    const live = await db.place.count({ where: { sourceName: 'demo', status: { not: 'ARCHIVED' } } });
    const row = await copiedFromApi(place.id);
    // The demo places' row ids are their demo slugs.
    const file = Buffer.from(row.toString('utf8').replace(place.id, place.sourceId!));
    const started = await startImport(db, admin, { format: 'standard', fileName: 'demo.csv', bytes: file, sourceName: 'demo', archiveMissing: true });
    if (!started.ok) throw new Error(started.error);
    expect((await runReport(started.id)).report.archived).toBe(live - 1);
    const confirmed = await confirmImport(db, admin, started.id);
    if (!confirmed.ok) throw new Error(confirmed.error);
    await confirmed.done;
    expect(await db.place.count({ where: { sourceName: 'demo', status: { not: 'ARCHIVED' } } })).toBe(1);
  });
});
