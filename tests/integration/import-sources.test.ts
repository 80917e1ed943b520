// Several sources describing the same places, on a real PostgreSQL with the real files: they do not
// overwrite each other run after run, each value knows its source, a person's edit outlives any
// import; two rows of one file describing one place are flagged; rows without coordinates are
// placed at their commune's centre, as approximate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as placePage } from '../../app/lieux/[slug]/route';
import { geoJsonFeature, jsonRecord, standardRecords } from '../../lib/export/standard';
import { fieldSourceRows, readSources } from '../../lib/import/provenance';
import { readSource } from '../../lib/import/readers';
import { runImport } from '../../lib/import/run';
import { emptyFilters } from '../../lib/search/filters';
import { searchPlaces } from '../../lib/search/index';
import { Prisma } from '@prisma/client';
import { resetDatabase, testDb } from '../helpers/db';
import { loadRealCommunes, realRowStream } from '../helpers/real-data';

const db = testDb();
const HEADER = 'id,nom,commune,code_postal,code_insee,adresse,latitude,longitude,telephone,date_maj,services';
const csv = (lines: string[]) => Buffer.from([HEADER, ...lines].join('\n'));

describe('two real sources of the same places', () => {
  beforeAll(async () => {
    await resetDatabase(db);
    await loadRealCommunes(db);
  }, 120_000);
  afterAll(async () => {
    await resetDatabase(db);
  });

  const fs = () => realRowStream('france-services');
  const mel = () => realRowStream('maine-et-loire');

  it('France Services, Maine-et-Loire, then both again: the second pair changes nothing at all', async () => {
    const fs1 = await runImport(db, fs(), { sourceName: 'france-services' });
    expect(fs1.created).toBeGreaterThan(2600);
    const mel1 = await runImport(db, mel(), { sourceName: 'maine-et-loire' });
    const completed = mel1.duplicates.filter((d) => d.action === 'update');
    expect(completed.length).toBeGreaterThan(5);
    const revisions = await db.placeRevision.count();
    const versions = await db.place.aggregate({ _sum: { version: true } });

    const fs2 = await runImport(db, fs(), { sourceName: 'france-services' });
    expect(fs2).toMatchObject({ created: 0, updated: 0, archived: 0 });
    expect(fs2.unchanged).toBe(fs1.created);
    const mel2 = await runImport(db, mel(), { sourceName: 'maine-et-loire' });
    expect(mel2).toMatchObject({ created: 0, updated: 0, archived: 0 });
    expect(mel2.unchanged).toBe(mel1.created + completed.length);
    // No revision, no new version anywhere.
    expect(await db.placeRevision.count()).toBe(revisions);
    expect((await db.place.aggregate({ _sum: { version: true } }))._sum.version).toBe(versions._sum.version);

    // The completed places say which source gave which value.
    const place = await db.place.findUniqueOrThrow({ where: { id: completed[0].placeId } });
    const sources = new Set(Object.values(readSources(place.fieldSources)).map((p) => p.s));
    expect(sources.has('france-services') || sources.has('maine-et-loire')).toBe(true);
    const rows = fieldSourceRows(place);
    expect(rows.find((r) => r.field === 'name')?.source).toMatch(/france-services|maine-et-loire/);
    expect(await db.placeSourceLink.count({ where: { sourceName: 'maine-et-loire' } })).toBe(completed.length);
  }, 300_000);

  it('the more recent row wins a field; a person’s edit is never overwritten by an import', async () => {
    const line = (phone: string, date: string) =>
      `r-1,Espace numérique Saint-Serge,Angers,49100,49007,12 rue Saint-Serge,47.4800,-0.5500,${phone},${date},Aide aux démarches administratives`;
    await runImport(db, readSource('standard', csv([line('0241000001', '2024-01-01')])), { sourceName: 'ville' });
    const other = await runImport(db, readSource('standard', csv([line('0241000002', '2025-01-01').replace('r-1', 'o-9')])), { sourceName: 'departement' });
    expect(other.duplicates.map((d) => d.action)).toEqual(['update']);
    let place = await db.place.findFirstOrThrow({ where: { sourceName: 'ville', sourceId: 'r-1' } });
    expect(place.phone).toBe('+33241000002'); // 2025 beats 2024
    expect(readSources(place.fieldSources).phone.s).toBe('departement');
    // The older source again: no change.
    expect(await runImport(db, readSource('standard', csv([line('0241000001', '2024-01-01')])), { sourceName: 'ville' })).toMatchObject({
      updated: 0,
      unchanged: 1,
    });
    // A person corrects the phone in the back-office.
    await db.place.update({ where: { id: place.id }, data: { phone: '+33241000099', version: { increment: 1 } } });
    const newer = await runImport(db, readSource('standard', csv([line('0241000003', '2026-01-01')])), { sourceName: 'ville' });
    place = await db.place.findUniqueOrThrow({ where: { id: place.id } });
    expect(place.phone).toBe('+33241000099');
    expect(newer.updated).toBe(1); // the date moved on, the phone did not
    expect(fieldSourceRows(place).find((r) => r.field === 'phone')?.source).toBeNull();
  });
});

describe('two rows of one file describing the same place', () => {
  beforeAll(async () => {
    await resetDatabase(db);
  });

  it('are flagged as possible duplicates, like a place already in the database', async () => {
    const file = csv([
      'd-1,Médiathèque Toussaint,Angers,49100,49007,49 rue Toussaint,47.4697,-0.5568,,2024-01-01,Accès internet et matériel informatique',
      'd-2,Médiathèque Toussaint (espace numérique),Angers,49100,49007,49 rue Toussaint,47.4697,-0.5568,,2024-01-01,Aide aux démarches administratives',
      'd-3,Maison de quartier du Lac,Angers,49000,49007,2 place Guy Riobé,47.4600,-0.6000,,2024-01-01,Aide aux démarches administratives',
    ]);
    const dry = await runImport(db, readSource('standard', file), { sourceName: 'ville', dryRun: true });
    expect(dry.duplicates.map((d) => [d.line, d.otherLine, d.action])).toEqual([[3, 2, 'merge']]);
    const report = await runImport(db, readSource('standard', file), { sourceName: 'ville' });
    expect(report.created).toBe(3);
    expect(report.duplicates).toHaveLength(1);
    const flag = await db.placeDuplicate.findFirstOrThrow({ include: { place: true, other: true } });
    expect([flag.place.sourceId, flag.other.sourceId].sort()).toEqual(['d-1', 'd-2']);
    expect(report.duplicates[0].placeId).toBe(flag.other.id);
    // Importing the file again raises nothing new.
    expect((await runImport(db, readSource('standard', file), { sourceName: 'ville' })).duplicates).toEqual([]);
  });
});

describe('rows without coordinates', () => {
  beforeAll(async () => {
    await resetDatabase(db);
    await loadRealCommunes(db);
  }, 120_000);

  it('are placed at their commune’s centre, marked approximate, found by a radius search and exported as approximate', async () => {
    const report = await runImport(
      db,
      readSource(
        'standard',
        csv([
          'n-1,Point numérique de Bouchemaine,Bouchemaine,49080,49035,1 place Ruzebouc,,,,2024-01-01,Aide aux démarches administratives',
          'n-2,Lieu sans commune connue,Nulle-Part,49999,,1 rue X,,,,2024-01-01,Aide aux démarches administratives',
        ]),
      ),
      { sourceName: 'sans-coordonnees' },
    );
    expect(report.created).toBe(2);
    const commune = await db.commune.findUniqueOrThrow({ where: { inseeCode: '49035' } });
    const place = await db.place.findFirstOrThrow({ where: { sourceId: 'n-1' } });
    expect(place).toMatchObject({ latitude: commune.latitude, longitude: commune.longitude, locationApproximate: true });
    const lost = await db.place.findFirstOrThrow({ where: { sourceId: 'n-2' } });
    expect(lost).toMatchObject({ latitude: null, locationApproximate: false });
    expect(report.warnings.filter((w) => w.line === 3).map((w) => w.warning)).toContain(
      'pas de coordonnées et commune introuvable : le lieu ne sera pas sur la carte',
    );

    const found = await searchPlaces({ ...emptyFilters(), lat: commune.latitude!, lng: commune.longitude!, rayon: 2 }, { db });
    expect(found.results.map((r) => r.id)).toContain(place.id);

    const [record] = await (async () => {
      const out = [];
      for await (const r of standardRecords(db, { where: Prisma.sql`p.id = ${place.id}::uuid` })) out.push(r);
      return out;
    })();
    expect(jsonRecord(record)).toMatchObject({ latitude: commune.latitude, position_approximative: true });
    expect(geoJsonFeature(record).properties).toMatchObject({ position_approximative: true });
    // The public page says it, next to the map.
    const page = await placePage(new Request(`http://localhost/lieux/${place.slug}`), { params: Promise.resolve({ slug: place.slug }) });
    expect(page.status).toBe(200);
    const html = (await page.text()).replace(/<!-- -->/g, '');
    expect(html).toContain('Position approximative : centre de la commune.');
    expect(html).toContain('Coordonnées GPS (approximatives, centre de la commune)');

    // The source later gives the real position: precise beats approximate.
    await runImport(
      db,
      readSource(
        'standard',
        csv(['n-1,Point numérique de Bouchemaine,Bouchemaine,49080,49035,1 place Ruzebouc,47.4210,-0.6090,,2024-01-01,Aide aux démarches administratives']),
      ),
      { sourceName: 'sans-coordonnees' },
    );
    expect(await db.place.findUniqueOrThrow({ where: { id: place.id } })).toMatchObject({ latitude: 47.421, longitude: -0.609, locationApproximate: false });
  }, 120_000);
});
