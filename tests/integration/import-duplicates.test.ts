// Cross-source duplicates: a second source completing a known place, flagging a likely duplicate
// for merging, archiving what is gone from its source; homonyms written by concurrent batches;
// progress while streaming; the match score. Other formats: import-formats.test.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { readSource, streamSource } from '../../lib/import/readers';
import { readSources } from '../../lib/import/provenance';
import { duplicatesCsv, runImport, scoreMatch } from '../../lib/import/run';
import { ownWeekSlots, resetDatabase, testDb } from '../helpers/db';

const db = testDb();

describe('duplicates across sources', () => {
  const HEADER = 'id,nom,commune,code_postal,adresse,latitude,longitude,telephone,date_maj,services,horaires';
  const csv = (lines: string[]) => Buffer.from([HEADER, ...lines].join('\n'));

  beforeAll(async () => {
    await resetDatabase(db);
    await runImport(
      db,
      readSource(
        'standard',
        csv([
          'a-1,Médiathèque Jean Vilar,Angers,49000,2 rue Lakanal,47.4700,-0.5500,,2024-01-01,Aide aux démarches administratives,',
          'a-2,Maison de quartier des Justices,Angers,49000,5 place des Justices,47.4500,-0.5300,0241000002,2024-01-01,Aide aux démarches administratives,Mo 09:00-12:00',
        ]),
      ),
      { sourceName: 'ville' },
    );
  });

  it('completes the same place, flags a likely duplicate for merging, creates the others; a dry run says so without writing', async () => {
    const file = csv([
      'b-1,Médiathèque Jean-Vilar,Angers,49000,2 rue Lakanal,47.4701,-0.5501,02 41 00 00 01,2024-06-01,Accès internet et matériel informatique,Tu-Sa 10:00-18:00',
      'b-2,Espace numérique des Justices,Angers,49000,5 place des Justices,47.4501,-0.5301,,2024-06-01,Aide aux démarches administratives,',
      'b-3,Fablab du Lac de Maine,Angers,49000,9 avenue du Lac,47.4550,-0.5900,,2024-06-01,Loisirs et créations numériques,',
    ]);
    const dry = await runImport(db, streamSource('standard', file), { sourceName: 'reseau', dryRun: true });
    expect(dry.duplicates.map((d) => [d.sourceId, d.action, d.placeName])).toEqual([
      ['b-1', 'update', 'Médiathèque Jean Vilar'],
      ['b-2', 'merge', 'Maison de quartier des Justices'],
    ]);
    expect(dry).toMatchObject({ created: 2, updated: 1 });
    expect(await db.place.count({ where: { sourceName: 'reseau' } })).toBe(0);
    expect(await db.placeDuplicate.count()).toBe(0);

    const network = await db.network.create({ data: { slug: 'reseau-test', name: 'Réseau test' } });
    const report = await runImport(db, streamSource('standard', file), { sourceName: 'reseau', networkSlug: 'reseau-test' });
    expect(report).toMatchObject({ created: 2, updated: 1, unchanged: 0 });
    // The network's file names the known place too: it joins the network.
    expect(await db.networkMembership.count({ where: { networkId: network.id } })).toBe(3);
    expect(duplicatesCsv(report).split('\r\n')[1]).toContain('"complété (même lieu)","Médiathèque Jean Vilar"');
    expect(duplicatesCsv({ duplicates: [{ ...report.duplicates[0], name: '=HYPERLINK("x")' }] })).toContain(`"'=HYPERLINK(""x"")"`);
    // The known place takes the values of the more recent row (June 2024 beats January), field by field, and says where each comes from.
    const vilar = await db.place.findFirstOrThrow({ where: { sourceId: 'a-1' }, include: { revisions: true } });
    expect(vilar.phone).toBe('+33241000001');
    expect(vilar.openingHours).toBe('Tu-Sa 10:00-18:00');
    expect(vilar.services).toEqual(['AccesInternetEtMaterielInformatique']);
    expect(vilar.dateMaj.toISOString().slice(0, 10)).toBe('2024-06-01');
    expect(readSources(vilar.fieldSources).services.s).toBe('reseau');
    expect(vilar.revisions.some((r) => r.reason?.includes('même lieu'))).toBe(true);
    expect(await ownWeekSlots(db, vilar.id)).toHaveLength(5);
    // The likely duplicate is created and flagged.
    const flags = await db.placeDuplicate.findMany({ include: { place: true, other: true } });
    expect(flags.map((f) => [f.place.sourceId, f.other.sourceId, f.state])).toEqual([['b-2', 'a-2', 'OPEN']]);

    const again = await runImport(db, streamSource('standard', file), { sourceName: 'reseau' });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(await db.placeDuplicate.count()).toBe(1);
  });

  it('archives the places gone from their source only when asked, dry run first', async () => {
    const lines = [
      'g-1,Lieu un,Angers,49000,1 rue A,47.47,-0.55,,2024-06-01,,',
      'g-2,Lieu deux,Angers,49000,2 rue B,47.47,-0.55,,2024-06-01,,',
      'g-3,Lieu trois,Angers,49000,3 rue C,47.47,-0.55,,2024-06-01,,',
    ];
    await runImport(db, readSource('standard', csv(lines)), { sourceName: 'disparus', detectDuplicates: false });
    const smaller = csv(lines.slice(0, 2));
    expect((await runImport(db, readSource('standard', smaller), { sourceName: 'disparus' })).archived).toBe(0);
    expect((await runImport(db, readSource('standard', smaller), { sourceName: 'disparus', archiveMissing: true, dryRun: true })).archived).toBe(1);
    expect(await db.place.count({ where: { sourceName: 'disparus', status: 'ARCHIVED' } })).toBe(0);
    const report = await runImport(db, readSource('standard', smaller), { sourceName: 'disparus', archiveMissing: true });
    expect(report).toMatchObject({ archived: 1, unchanged: 2 });
    const gone = await db.place.findFirstOrThrow({ where: { sourceId: 'g-3' }, include: { revisions: { orderBy: { createdAt: 'desc' }, take: 1 } } });
    expect(gone.status).toBe('ARCHIVED');
    expect(gone.revisions[0]).toMatchObject({ kind: 'STATUS', reason: 'Absent de la source disparus' });
    // It comes back when the source lists it again.
    expect((await runImport(db, readSource('standard', csv(lines)), { sourceName: 'disparus' })).updated).toBe(1);
    expect((await db.place.findFirstOrThrow({ where: { sourceId: 'g-3' } })).status).toBe('PUBLISHED');
  });

  it('gives distinct addresses to same-named places written by batches at the same time', async () => {
    const lines = Array.from({ length: 1200 }, (_, i) => `same-${i},France Services,Angers,49100,${i} rue Homonyme,47.47,-0.55,,2024-06-01,,`);
    const report = await runImport(db, streamSource('standard', csv(lines)), {
      sourceName: 'homonymes',
      batchSize: 100,
      concurrency: 3,
      detectDuplicates: false,
    });
    expect(report.failedBatches).toEqual([]);
    expect(report.created).toBe(1200);
    const slugs = (await db.place.findMany({ where: { sourceName: 'homonymes' }, select: { slug: true } })).map((p) => p.slug);
    expect(new Set(slugs).size).toBe(1200);
    expect(slugs).toContain('france-services-angers');
    expect(slugs).toContain('france-services-angers-1200');
  });

  it('reports progress batch by batch while streaming a file', async () => {
    const lines = Array.from(
      { length: 250 },
      (_, i) => `p-${i},Lieu de progression ${i},Angers,49${String(i).padStart(3, '0')},${i} rue du Test,47.47,-0.55,,2024-06-01,,`,
    );
    const seen: Array<{ done: number; fraction: number }> = [];
    const report = await runImport(db, streamSource('standard', csv(lines)), {
      sourceName: 'progression',
      batchSize: 50,
      dryRun: true,
      onProgress: (p) => void seen.push(p),
    });
    expect(report.created).toBe(250);
    expect(seen.length).toBeGreaterThanOrEqual(5);
    for (let i = 1; i < seen.length; i++) expect(seen[i].done).toBeGreaterThanOrEqual(seen[i - 1].done);
    expect(seen.at(-1)).toEqual({ done: 250, fraction: 1 });
  });

  it('scores on name, distance and address', () => {
    expect(scoreMatch({ sim: 1, dist: 10, sameAddress: true }).action).toBe('update');
    expect(scoreMatch({ sim: 0.9, dist: 1500, sameAddress: false }).action).toBe('create');
    expect(scoreMatch({ sim: 0.5, dist: 20, sameAddress: true }).action).toBe('merge');
    expect(scoreMatch({ sim: 0.2, dist: 5, sameAddress: true }).action).toBe('create');
    expect(scoreMatch({ sim: 0.42, dist: 10, sameAddress: false }).action).toBe('merge'); // next door, a name alike
    expect(scoreMatch({ sim: 0.42, dist: 120, sameAddress: false }).action).toBe('create');
  });
});
