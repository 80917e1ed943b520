// The batch writer's set-based statements (lib/import/statements.ts, facet-sets.ts) write exactly
// what the row-by-row way and the triggers would: each new place's weekly hours (its schedule's,
// with no slot rows), its creation revision, its facet set and its change-feed row; a
// facet set given with a place is checked, a wrong one put right; two batches adding the same new
// sets in opposite orders at the same time both finish; a run's later batches take the sets its
// committed batches met without asking the database.
import { Prisma } from '@prisma/client';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSource } from '../../lib/import/readers';
import { runImport } from '../../lib/import/run';
import { facetSetIds } from '../../lib/import/facet-sets';
import { record } from '../../lib/import/statements';
import { weeklySlots } from '../../lib/hours';
import { weekMultirange } from '../../lib/hours/week';
import { resetDatabase, testDb } from '../helpers/db';
import { csvHeader } from '../../lib/export/standard';
import { parse } from 'csv-parse/sync';
import { STANDARD_LISTS } from '../../lib/standard/enums';

const db = testDb();

const HEADER = csvHeader().trim();
const COLUMNS = (parse(HEADER) as string[][])[0];
const line = (cells: Partial<Record<string, string>>) => COLUMNS.map((c) => `"${(cells[c] ?? '').replace(/"/g, '""')}"`).join(',');
const SERVICES = ['Aide aux démarches administratives', 'Accès internet et matériel informatique', 'Maîtrise des outils numériques du quotidien'];
const HOURS = ['Mo-Fr 09:00-12:00,14:00-17:30; Sa 09:00-12:00', 'Tu,Th 14:00-18:00', 'Mo-Su 08:00-20:00; PH off', '', 'We 10:00-12:00; Fr 22:00-02:00'];

/** A diverse sample: schedules (one crossing midnight, one empty), lists, an archived row, a row with an unknown commune's coordinates missing. */
function sample(n: number, prefix: string) {
  const rows = [HEADER];
  for (let i = 0; i < n; i++)
    rows.push(
      line({
        id: `${prefix}-${i}`,
        nom: `Lieu ${prefix} numéro ${i}`,
        commune: i % 2 ? 'Angers' : 'Cholet',
        code_postal: i % 2 ? '49000' : '49300',
        adresse: `${i} rue de l’Essai`,
        latitude: String(47 + i / 1000),
        longitude: String(-0.5 - i / 1000),
        date_maj: '2025-03-01',
        services: SERVICES.slice(0, 1 + (i % 3)).join('|'),
        frais_a_charge: i % 4 ? 'Gratuit' : 'Payant',
        publics_specifiquement_adresses: i % 5 ? '' : 'Jeunes',
        horaires: HOURS[i % HOURS.length],
        telephone: i % 3 ? '' : '0241000000',
      }),
    );
  return Buffer.from(rows.join('\n'));
}

describe('the batch writer', () => {
  beforeAll(async () => {
    await resetDatabase(db);
  });
  afterAll(async () => {
    await resetDatabase(db);
  });

  it('writes each new place with its weekly hours, revision, facet set and change, as the triggers would', async () => {
    const rows = readSource('standard', sample(130, 'lot'));
    const report = await runImport(db, rows, { sourceName: 'essai-lots', batchSize: 40, concurrency: 2 });
    expect(report.created).toBe(130);
    expect(report.failedBatches).toEqual([]);
    const places = await db.place.findMany({ where: { sourceName: 'essai-lots' }, include: { openingSlots: true, revisions: true } });
    expect(places).toHaveLength(130);
    for (const place of places) {
      const row = rows.find((r) => r.place?.sourceId === place.sourceId)!;
      // No slot rows: those are the stops' only.
      expect(place.openingSlots).toEqual([]);
      expect(place.revisions).toHaveLength(1);
      expect(place.revisions[0]).toMatchObject({
        kind: 'IMPORT',
        authorLabel: 'Import essai-lots',
        changes: {},
        reason: `Création par l’import essai-lots (ligne ${row.line})`,
        baseVersion: null,
      });
    }
    // Weekly hours: the schedule's (PostgreSQL's own reading of the literal), the same as the open week.
    const ids = places.map((p) => p.id);
    const expected = places.map((p) => ({
      id: p.id,
      week: weekMultirange(weeklySlots(rows.find((r) => r.place?.sourceId === p.sourceId)!.place!.fields.openingHours)),
    }));
    const mismatched = await db.$queryRaw<unknown[]>`
      SELECT p.id FROM "Place" p JOIN jsonb_to_recordset(${JSON.stringify(expected)}::jsonb) AS e(id uuid, week text) ON e.id = p.id
      WHERE p."hoursWeek" IS DISTINCT FROM e.week::int4multirange OR p."openWeek" IS DISTINCT FROM p."hoursWeek"`;
    expect(mismatched).toEqual([]);
    // The open-week refresh, run again over every place, finds nothing to change.
    const before = await db.$queryRaw<
      Array<{ id: string; w: string | null }>
    >`SELECT id::text, "openWeek"::text AS w FROM "Place" WHERE id = ANY(${ids}::uuid[]) ORDER BY id`;
    await db.$executeRaw`SELECT reperes_refresh_open_week(${ids}::uuid[])`;
    const after = await db.$queryRaw<
      Array<{ id: string; w: string | null }>
    >`SELECT id::text, "openWeek"::text AS w FROM "Place" WHERE id = ANY(${ids}::uuid[]) ORDER BY id`;
    expect(after).toEqual(before);
    expect(before.filter((p) => p.w !== null).length).toBeGreaterThan(90);
    // Facet sets: each place's set holds exactly its lists (the trigger's own key).
    const wrong = await db.$queryRaw<unknown[]>`
      SELECT p.id FROM "Place" p LEFT JOIN "FacetSet" s ON s.id = p."facetSetId"
      WHERE p."sourceName" = 'essai-lots' AND (s.key IS DISTINCT FROM reperes_facet_set_key(p) OR s.services IS DISTINCT FROM p.services OR s.fees IS DISTINCT FROM p.fees OR s.publics IS DISTINCT FROM p.publics)`;
    expect(wrong).toEqual([]);
    // The change feed: one "created" per place.
    const changes = await db.$queryRaw<
      Array<{ n: bigint }>
    >`SELECT count(*) AS n FROM "PlaceChange" WHERE kind = 'created' AND "placeId" = ANY(${ids}::uuid[])`;
    expect(Number(changes[0].n)).toBe(130);
  });

  it('checks a facet set given with a place, and puts a wrong one right', async () => {
    const LISTS = Prisma.raw('services, fees, "supportModes", "accessModes", publics, "specificSupport", programmes, typologies, labels, itinerance');
    const place = await db.place.findFirstOrThrow({ where: { sourceName: 'essai-lots', fees: { has: 'Payant' } } });
    const other = await db.facetSet.findFirstOrThrow({ where: { id: { not: place.facetSetId! } } });
    await db.$executeRaw`UPDATE "Place" SET "facetSetId" = ${other.id} WHERE id = ${place.id}::uuid`;
    expect((await db.place.findUniqueOrThrow({ where: { id: place.id } })).facetSetId).toBe(place.facetSetId);
    const copy = await db.$queryRaw<Array<{ facetSetId: number }>>`
      INSERT INTO "Place" (id, slug, name, street, postcode, commune, "dateMaj", "updatedAt", ${LISTS}, "facetSetId")
      SELECT gen_random_uuid(), 'copie-facette', name, street, postcode, commune, "dateMaj", now(), ${LISTS}, ${other.id} FROM "Place" WHERE id = ${place.id}::uuid
      RETURNING "facetSetId"`;
    expect(copy[0].facetSetId).not.toBe(other.id);
    expect(copy[0].facetSetId).toBe(place.facetSetId);
  });

  it('lets two batches add the same new sets at once: the second waits for the first and shares them', async () => {
    // Two combinations no place has: every fee and every label, with one programme or another.
    const [first1, first2] = Object.values(STANDARD_LISTS.DispositifProgrammeNational);
    const lists = (programme: string) => ({
      ...record(readSource('standard', sample(1, 'x'))[0].place!.fields),
      fees: Object.values(STANDARD_LISTS.FraisACharge),
      labels: Object.values(STANDARD_LISTS.FormationLabel),
      programmes: [programme],
    });
    const a = lists(first1);
    const b = lists(first2);
    const one = new pg.Client({ connectionString: process.env.DATABASE_URL });
    const two = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await Promise.all([one.connect(), two.connect()]);
    try {
      const sql = (client: pg.Client) => ({
        $queryRawUnsafe: async <T>(q: string, ...v: unknown[]) => (await client.query(q, v)).rows as T,
        $executeRawUnsafe: async (q: string, ...v: unknown[]) => (await client.query(q, v)).rowCount ?? 0,
      });
      await one.query('BEGIN');
      await two.query('BEGIN');
      const first = await facetSetIds(sql(one), [a, b]);
      const second = facetSetIds(sql(two), [b, a]); // waits for the first transaction's sets
      await new Promise((resolve) => setTimeout(resolve, 200));
      await one.query('COMMIT');
      expect(await second).toEqual([first[1], first[0]]);
      await two.query('COMMIT');
      expect(first.every((id) => typeof id === 'number')).toBe(true);
    } finally {
      await Promise.all([one.end(), two.end()]);
    }
  });

  it('gives later batches the sets committed batches met, without a statement, and the same ids', async () => {
    const records = readSource('standard', sample(12, 'cache')).map((row) => record(row.place!.fields));
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      let statements = 0;
      const sql = {
        $queryRawUnsafe: async <T>(q: string, ...v: unknown[]) => (statements++, (await client.query(q, v)).rows as T),
        $executeRawUnsafe: async (q: string, ...v: unknown[]) => (statements++, (await client.query(q, v)).rowCount ?? 0),
      };
      const uncached = await facetSetIds(sql, records);
      const cache = { committed: new Map<string, number>(), learned: new Map<string, number>() };
      expect(await facetSetIds(sql, records, cache)).toEqual(uncached);
      // What a batch learned is not trusted before it commits (a set it added may roll back with it).
      statements = 0;
      await facetSetIds(sql, records, cache);
      expect(statements).toBe(2);
      for (const [lists, id] of cache.learned) cache.committed.set(lists, id);
      statements = 0;
      expect(await facetSetIds(sql, records, { committed: cache.committed, learned: new Map() })).toEqual(uncached);
      expect(statements).toBe(0);
    } finally {
      await client.end();
    }
  });
});
