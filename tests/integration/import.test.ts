import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvHeader, exportStream } from '../../lib/export/standard';
import { readSource, streamSource } from '../../lib/import/readers';
import { rejectedCsv, runImport } from '../../lib/import/run';
import { seedDemo } from '../../prisma/seed';
import { ownWeekSlots, resetDatabase, testDb } from '../helpers/db';
import { validateRows } from '../helpers/table-schema';
import { realRows } from '../helpers/real-data';

const db = testDb();

const HEADER = csvHeader().trim();
const standardRow = (cells: Partial<Record<string, string>>) => {
  const columns = (parse(HEADER) as string[][])[0];
  return columns.map((c) => `"${(cells[c] ?? '').replace(/"/g, '""')}"`).join(',');
};
const GOOD = {
  id: 'a-1',
  pivot: '12345678900012',
  nom: 'Espace test',
  commune: 'Angers',
  code_postal: '49000',
  code_insee: '49007',
  adresse: '1 rue du Test',
  latitude: '47.47',
  longitude: '-0.55',
  date_maj: '2025-03-01',
  services: 'Aide aux démarches administratives',
  frais_a_charge: 'Gratuit',
  horaires: 'Mo-Fr 09:00-12:00',
};

describe('imports of the real sources', () => {
  beforeAll(async () => {
    await resetDatabase(db);
  });
  afterAll(async () => {
    await resetDatabase(db);
  });

  it('imports the national France Services list: every row imported or rejected with a reason', async () => {
    const rows = realRows('france-services');
    expect(rows.length).toBe(2683);
    const report = await runImport(db, rows, { sourceName: 'france-services-2022-12' });
    expect(report.created + report.rejected.length).toBe(2683);
    expect(report.created).toBeGreaterThan(2600);
    for (const rejection of report.rejected) expect(rejection.reason.length).toBeGreaterThan(3);
    expect(await db.place.count({ where: { sourceName: 'france-services-2022-12' } })).toBe(report.created);
    const buses = await db.place.count({ where: { sourceName: 'france-services-2022-12', itinerance: { has: 'Itinerant' } } });
    expect(buses).toBeGreaterThan(250);
    const withHours = await db.place.findFirstOrThrow({ where: { sourceName: 'france-services-2022-12', openingHours: { not: null } } });
    expect(withHours.openingHours).toMatch(/^(Mo|Tu|We|Th|Fr|Sa)/);
    expect((await ownWeekSlots(db, withHours.id)).length).toBeGreaterThan(0);
    expect(rejectedCsv(report).split('\r\n')[0]).toBe('ligne,identifiant,nom,motif');

    // The same file again changes nothing.
    const again = await runImport(db, realRows('france-services'), { sourceName: 'france-services-2022-12' });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: report.created });
  }, 120_000);

  it('imports the Maine-et-Loire directory from Lambert-93, inside the département, inactive rows archived', async () => {
    const rows = realRows('maine-et-loire');
    expect(rows).toHaveLength(243);
    const report = await runImport(db, rows, { sourceName: 'maine-et-loire' });
    // France Services already imported from the national list are completed, not created again.
    const completed = report.duplicates.filter((d) => d.action === 'update');
    expect(completed.length).toBeGreaterThan(5);
    expect(report.created + completed.length + report.rejected.length).toBe(243);
    const places = await db.place.findMany({ where: { sourceName: 'maine-et-loire' } });
    for (const place of places) {
      expect(place.latitude!).toBeGreaterThan(46.9);
      expect(place.latitude!).toBeLessThan(47.85);
      expect(place.longitude!).toBeGreaterThan(-1.4);
      expect(place.longitude!).toBeLessThan(0.25);
    }
    // Inactive rows (AFFICHAGE = INACTIF, 18 in the file) are archived when they are importable.
    const inactive = rows.filter((r) => r.place && !r.place.active).length;
    expect(inactive).toBeGreaterThanOrEqual(15);
    expect(places.filter((p) => p.status === 'ARCHIVED').length).toBe(inactive);
    expect((await runImport(db, rows, { sourceName: 'maine-et-loire' })).updated).toBe(0);
  });

  it('exports the imported places as a CSV valid against the standard, which imports back identically', async () => {
    const csv = await new Response(exportStream(db, 'csv')).text();
    const [header, ...rows] = parse(csv) as string[][];
    expect(rows.length).toBe(await db.place.count({ where: { status: 'PUBLISHED' } }));
    expect(validateRows(header, rows)).toEqual([]);
    const back = readSource('standard', Buffer.from(csv));
    expect(back.filter((r) => !r.place).map((r) => `${r.line}: ${r.errors.join(', ')}`)).toEqual([]);
  }, 120_000);
});

describe('nasty files', () => {
  beforeAll(async () => {
    await resetDatabase(db);
    await seedDemo(db, { testFixture: true });
  });

  it('reads UTF-8 with BOM and CRLF, Latin-1 with semicolons, and quoted newlines', () => {
    const utf8 = Buffer.from(`\uFEFF${HEADER}\r\n${standardRow({ ...GOOD, presentation_detail: 'Ligne 1\nLigne 2 « guillemets »' })}\r\n`, 'utf8');
    const [row] = readSource('standard', utf8);
    expect(row.errors).toEqual([]);
    expect(row.place?.fields.presentation).toBe('Ligne 1\nLigne 2 « guillemets »');
    const latin1 = iconv.encode(
      `${HEADER.replace(/","/g, '";"')}\n${standardRow({ ...GOOD, nom: 'Médiathèque Éléonore' }).replace(/","/g, '";"')}\n`,
      'win1252',
    );
    const [row2] = readSource('standard', latin1);
    expect(row2.place?.fields.name).toBe('Médiathèque Éléonore');
  });

  it('fixes swapped coordinates, drops unknown values with a warning, rejects rows missing required fields', async () => {
    const content = [
      HEADER,
      standardRow({ ...GOOD, id: 'swap', latitude: '-0.55', longitude: '47.47' }),
      standardRow({ ...GOOD, id: 'unknown', services: 'Aide aux démarches administratives|Cours de cuisine' }),
      standardRow({ ...GOOD, id: 'noname', nom: '' }),
      standardRow({ ...GOOD, id: 'abroad', latitude: '40.7', longitude: '-74' }),
      standardRow({ ...GOOD, id: 'nodate', date_maj: 'hier' }),
    ].join('\n');
    const rows = readSource('standard', Buffer.from(content));
    expect(rows[0].place?.fields.latitude).toBe(47.47);
    expect(rows[0].warnings).toContain('latitude et longitude inversées : corrigées');
    expect(rows[1].place?.fields.services).toEqual(['AideAuxDemarchesAdministratives']);
    expect(rows[1].warnings[0]).toContain('Cours de cuisine');
    const report = await runImport(db, rows, { sourceName: 'fixture', dryRun: true });
    expect(report.rejected.map((r) => [r.sourceId, r.reason])).toEqual([
      ['noname', 'nom manquant'],
      ['abroad', 'coordonnées hors de France (40.7, -74)'],
      ['nodate', 'date_maj invalide (hier)'],
    ]);
    expect(report.created).toBe(2);
    expect(await db.place.count({ where: { sourceName: 'fixture' } })).toBe(0); // a dry run writes nothing
  });

  it('imports a 10,000-row file in batches', async () => {
    const lines = [HEADER];
    for (let i = 0; i < 10_000; i++)
      lines.push(standardRow({ ...GOOD, id: `big-${i}`, nom: `Lieu ${i}`, latitude: String(43 + (i % 500) / 100), longitude: String(-1 + (i % 700) / 100) }));
    const started = Date.now();
    const report = await runImport(db, readSource('standard', Buffer.from(lines.join('\n'))), { sourceName: 'big', batchSize: 1000 });
    expect(report.created).toBe(10_000);
    expect(await db.place.count({ where: { sourceName: 'big' } })).toBe(10_000);
    expect(Date.now() - started).toBeLessThan(90_000);
  }, 120_000);

  it('turns random bytes into a report, never a crash or a partial write (property)', async () => {
    const before = await db.place.count();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom('standard', 'france-services', 'maine-et-loire'), async (bytes, format) => {
        const rows = readSource(format, Buffer.from(bytes));
        // A real write (not a dry run) whose one batch fails half-way: after whatever the random
        // bytes gave, a valid row PostgreSQL refuses (no time zone: NOT NULL column), placed away
        // from the 10,000 places above so that looking for its duplicates stays quick.
        const [poison] = readSource(
          'standard',
          Buffer.from(
            `${HEADER}\n${standardRow({ ...GOOD, id: `poison-${run}`, commune: 'Paris', code_postal: '75001', code_insee: '75101', latitude: '48.8606', longitude: '2.3376' })}`,
          ),
        );
        (poison.place!.fields as { timeZone: unknown }).timeZone = null;
        const sourceName = `fuzz-${format}-${run++}`;
        const report = await runImport(db, [...rows, { ...poison, line: rows.length + 2 }], { sourceName, batchSize: 10_000 });
        expect(report.total).toBe(rows.length + 1);
        expect(report.failedBatches).toHaveLength(1);
        expect(report.created + report.updated).toBe(0);
        // Every row is accounted for: rejected by the reader or by the failed batch, with a reason.
        expect(report.rejected.length).toBe(rows.length + 1);
        for (const rejection of report.rejected) expect(rejection.reason.length).toBeGreaterThan(3);
        expect(await db.place.count({ where: { sourceName } })).toBe(0);
      }),
      { numRuns: 60 },
    );
    expect(await db.place.count()).toBe(before);
  }, 120_000);

  it('streams in small chunks, from memory or from a file, to the same rows as reading at once: UTF-8 split mid-character, a BOM, Latin-1, quotes, line breaks (property)', async () => {
    const cellText = fc.stringMatching(/^[a-zA-Zéèàçœ€’ ;,"\r\n|0-9]{0,12}$/);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(cellText, cellText, cellText), { maxLength: 8 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 9 }),
        fc.boolean(),
        async (cells, latin1, chunkSize, bom) => {
          const text = [
            HEADER,
            ...cells.map(([nom, adresse, presentation], i) => standardRow({ ...GOOD, id: `p-${i}`, nom, adresse, presentation_detail: presentation })),
          ].join('\r\n');
          const bytes = latin1 ? iconv.encode(text.replace(/[œ€’]/g, 'e'), 'latin1') : Buffer.from(`${bom ? '\uFEFF' : ''}${text}`, 'utf8');
          const whole = readSource('standard', bytes);
          const streamed = [];
          for await (const row of streamSource('standard', bytes, { chunkSize }).rows) streamed.push(row);
          expect(streamed).toEqual(whole);
          // The encoding of a file is told piece by piece (npm run import): the same rows.
          const file = path.join(os.tmpdir(), `reperes-stream-${process.pid}.csv`);
          fs.writeFileSync(file, bytes);
          const fromFile = [];
          for await (const row of streamSource('standard', { path: file }, { chunkSize }).rows) fromFile.push(row);
          fs.rmSync(file);
          expect(fromFile).toEqual(whole);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('writes a batch whole or not at all', async () => {
    const rows = readSource(
      'standard',
      Buffer.from([HEADER, standardRow({ ...GOOD, id: 'tx-1' }), standardRow({ ...GOOD, id: 'tx-2', nom: 'x'.repeat(10) })].join('\n')),
    );
    // A value PostgreSQL refuses (summary over 280 characters is cut by the reader, so use an invalid time zone trick instead):
    rows[1].place!.fields.summary = null;
    (rows[1].place!.fields as { timeZone: unknown }).timeZone = null; // NOT NULL column: the insert fails
    const report = await runImport(db, rows, { sourceName: 'tx', batchSize: 10 });
    expect(report.failedBatches).toHaveLength(1);
    expect(report.created).toBe(0);
    expect(await db.place.count({ where: { sourceName: 'tx' } })).toBe(0);
  });

  it('gives a new place the first free numbered slug, whatever the neighbours of its base', async () => {
    const template = await db.place.findFirstOrThrow({ where: { sourceName: 'demo' } });
    const { id: _id, createdAt: _c, updatedAt: _u, fieldSources: _f, ...rest } = template;
    // Taken: the base, its -2, and slugs that share the prefix without being its variants.
    for (const [slug, sourceId] of [
      ['atelier-slug-angers', 's-1'],
      ['atelier-slug-angers-2', 's-2'],
      ['atelier-slug-angersx', 's-3'],
      ['atelier-slug-angers-bis', 's-4'],
    ]) {
      await db.place.create({ data: { ...rest, slug, sourceName: 'slug-fixtures', sourceId } });
    }
    const rows = readSource(
      'standard',
      Buffer.from(
        [HEADER, standardRow({ ...GOOD, id: 'slug-1', nom: 'Atelier slug', adresse: '9 rue Lointaine', latitude: '47.50', longitude: '-0.60' })].join('\n'),
      ),
    );
    const report = await runImport(db, rows, { sourceName: 'slug-test' });
    expect(report.created).toBe(1);
    const created = await db.place.findFirstOrThrow({ where: { sourceName: 'slug-test', sourceId: 'slug-1' } });
    expect(created.slug).toBe('atelier-slug-angers-3');
  });
});
