// Unmet demand without personal data (issue #22), on a real PostgreSQL: a search's own statement
// counts the places within 5 / 10 / 20 km; what a search leaves in the table is exactly the
// aggregate (and the typed text, the address, the name searched are nowhere); a flood leaves the
// table bounded; the département's layer names only communes and needs with 5 searches or more;
// the CSV is valid against its Table Schema and merges small lines.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCommunes } from '../../lib/coverage/communes';
import { dataPath } from '../../lib/data/files';
import { flushDemand, forgetDemandVisitors, pendingDemandKeys, searchTally } from '../../lib/demand';
import { createDemandBuffer } from '../../lib/demand/buffer';
import { demandCsvStream } from '../../lib/demand/export';
import { MAX_KEYS_PER_COMMUNE_WEEK, purgeDemand, RETENTION_WEEKS, writeDemand } from '../../lib/demand/flush';
import { demandKey, reachOf, weekOf } from '../../lib/demand/key';
import { demandLayer } from '../../lib/demand/read';
import { searchPlaces } from '../../lib/search';
import { parseSearchParams } from '../../lib/search/filters';
import { PEER_HEADER } from '../../lib/security/client-address';
import { resetDatabase, testDb } from '../helpers/db';
import { loadTableSchema, validateTable } from '../helpers/frictionless';

const db = testDb();
const SAUMUR = { lat: 47.2597, lng: -0.0781 };
const ROLLUP_COLUMNS = ['departement', 'inseeCode', 'measured10', 'measured20', 'measured5', 'need', 'none10', 'none20', 'none5', 'searches', 'week'];
const ALLOWED_COLUMNS = [
  'departement',
  'few10',
  'few20',
  'few5',
  'filters',
  'inseeCode',
  'many10',
  'many20',
  'many5',
  'needs',
  'none10',
  'none20',
  'none5',
  'radiusBand',
  'searches',
  'week',
];

/** The headers of a request from this client address (the TCP peer the server records). */
const visitor = (address: string) => new Headers({ [PEER_HEADER]: address });

/** A point `km` kilometres north of Saumur's centre. */
const north = (km: number) => ({ lat: SAUMUR.lat + km / 111.2, lng: SAUMUR.lng });

let n = 0;
async function place(at: { lat: number; lng: number }, services: string[]) {
  n++;
  const created = await db.place.create({
    data: {
      slug: `demande-${n}`,
      name: `Lieu ${n}`,
      street: '1 rue du Test',
      postcode: '49400',
      commune: 'Saumur',
      latitude: at.lat,
      longitude: at.lng,
      status: 'PUBLISHED',
      dateMaj: new Date('2026-01-01'),
    },
  });
  await db.$executeRaw`UPDATE "Place" SET services = ${services}::"Service"[] WHERE id = ${created.id}::uuid`;
}

const search = async (query: string) => {
  const { filters, problems } = parseSearchParams(new URLSearchParams(query));
  return { filters, response: await searchPlaces(filters, { db, problems }) };
};

beforeAll(async () => {
  await resetDatabase(db);
  const commune = (inseeCode: string, name: string, at: { lat: number; lng: number }) => ({
    inseeCode,
    name,
    departement: '49',
    region: '52',
    postcodes: ['49400'],
    latitude: at.lat,
    longitude: at.lng,
    population: 27000,
  });
  await importCommunes(db, [commune('49328', 'Saumur', SAUMUR), commune('49099', 'Chacé', north(-30))]);
  // Aide aux démarches: one place 3 km away, one 8 km, one 15 km.
  for (const km of [3, 8, 15]) await place(north(km), ['Aide aux démarches administratives']);
});

afterAll(async () => {
  await resetDatabase(db);
});

describe('the counts within 5, 10 and 20 km', () => {
  it('come from the search’s own statement, exact up to its radius', async () => {
    const aide = 'besoin=AideAuxDemarchesAdministratives';
    expect((await search(`ou=Saumur&${aide}&rayon=20`)).response.within).toEqual({ 5: 1, 10: 2, 20: 3 });
    expect((await search(`ou=Saumur&${aide}`)).response.within).toEqual({ 5: 1, 10: 2, 20: 2 });
    expect((await search(`ou=Saumur&besoin=LoisirsEtCreationsNumeriques&rayon=50`)).response.within).toEqual({ 5: 0, 10: 0, 20: 0 });
    // Availability decided in memory: the same counts, from the distances kept.
    expect((await search(`ou=Saumur&${aide}&rayon=20&creneau=lundi-matin`)).response.within).toMatchObject({ 5: expect.any(Number) });
    expect((await search(`${aide}`)).response.within).toBeNull();
  });
});

describe('what a search leaves behind', () => {
  it('is the aggregate row and nothing else: no address, no text typed, no name, no time finer than the week; a visitor counts once a day', async () => {
    await db.$executeRaw`TRUNCATE "SearchDemand", "SearchDemandRollup"`;
    forgetDemandVisitors();
    const answers = [
      await search('ou=Saumur&besoin=LoisirsEtCreationsNumeriques&frais=Gratuit&rayon=20'),
      await search('ou=49400 Saumur&besoin=AideAuxDemarchesAdministratives'),
      // Not counted: a name, a position, a network, a later page.
      await search('ou=Saumur&q=Lieu secret'),
      await search('lat=47.2&lng=-0.1&besoin=AideAuxDemarchesAdministratives'),
      await search('ou=Saumur&reseau=un-reseau'),
      await search('ou=Saumur&page=2'),
    ];
    const tallies = answers.map(({ filters, response }) => searchTally(filters, response));
    expect(tallies.map((t) => t !== null)).toEqual([true, true, false, false, false, false]);
    for (const tally of tallies) await tally?.(visitor('203.0.113.7'));
    // The same page served again (from the page cache or not) to the same visitor: not counted again, however often…
    for (let i = 0; i < 50; i++) await tallies[0]?.(visitor('203.0.113.7'));
    // …nor from another address of the same IPv6 /64; another visitor counts.
    await tallies[0]?.(visitor('2001:db8:1:2::1'));
    await tallies[0]?.(visitor('2001:db8:1:2::99'));
    expect(pendingDemandKeys()).toBe(2);
    await flushDemand();
    expect(pendingDemandKeys()).toBe(0);

    const columns = async (table: string) =>
      (
        await db.$queryRaw<Array<{ column_name: string }>>`
          SELECT column_name::text FROM information_schema.columns WHERE table_name = ${table} ORDER BY column_name`
      ).map((c) => c.column_name);
    expect(await columns('SearchDemand')).toEqual(ALLOWED_COLUMNS);
    expect(await columns('SearchDemandRollup')).toEqual(ROLLUP_COLUMNS);
    // No other table of the schema learns anything from a search.
    const tables = await db.$queryRaw<Array<{ t: string }>>`SELECT table_name::text AS t FROM information_schema.tables WHERE table_name LIKE 'Search%'`;
    expect(tables.map((t) => t.t).sort()).toEqual(['SearchDemand', 'SearchDemandRollup']);
    const rows = await db.$queryRaw<Array<Record<string, unknown>>>`SELECT * FROM "SearchDemand" ORDER BY needs`;
    const week = weekOf(new Date());
    expect(rows.map((r) => ({ ...r, week: (r.week as Date).toISOString().slice(0, 10) }))).toEqual([
      expect.objectContaining({
        week,
        inseeCode: '49328',
        needs: 'AideAuxDemarchesAdministratives',
        filters: '',
        radiusBand: 10,
        searches: 1,
        none5: 0,
        few5: 1,
      }),
      expect.objectContaining({
        week,
        needs: 'LoisirsEtCreationsNumeriques',
        filters: 'frais:Gratuit',
        radiusBand: 20,
        searches: 2,
        none5: 2,
        none10: 2,
        none20: 2,
      }),
    ]);
    const dump = JSON.stringify([
      await db.$queryRaw`SELECT row_to_json(d)::text FROM "SearchDemand" d`,
      await db.$queryRaw`SELECT row_to_json(r)::text FROM "SearchDemandRollup" r`,
    ]);
    expect(dump).toContain('LoisirsEtCreationsNumeriques');
    // The text typed, the postcode, the name, the position, the network, and any time of day (an ISO time has a T).
    for (const secret of ['Lieu secret', '49400', 'Saumur', '47.2', 'un-reseau', 'T', '203.0.113', '2001:db8']) expect(dump).not.toContain(secret);
  });

  it('keeps the table bounded under a flood of distinct searches', async () => {
    await db.$executeRaw`TRUNCATE "SearchDemand", "SearchDemandRollup"`;
    const base = demandKey(parseSearchParams({}).filters, '49328', new Date())!;
    const reach = reachOf({ 5: 0, 10: 0, 20: 0 }, 20);
    for (let round = 0; round < 3; round++) {
      const buffer = createDemandBuffer();
      for (let i = 0; i < 1_000; i++) buffer.record({ ...base, filters: `label:${round}-${i}`, radiusBand: ([2, 5, 10, 20] as const)[i % 4] }, reach);
      await writeDemand(db, buffer.take());
    }
    const [{ rows, searches }] = await db.$queryRaw<Array<{ rows: number; searches: number }>>`
      SELECT count(*)::int AS rows, sum(searches)::int AS searches FROM "SearchDemand"`;
    expect(searches).toBe(3_000);
    expect(rows).toBe(MAX_KEYS_PER_COMMUNE_WEEK + 4);
    // The rollup: the commune's line and its one need's ("" : none).
    const rollup = await db.$queryRaw<Array<{ need: string; searches: number }>>`SELECT need, searches FROM "SearchDemandRollup" ORDER BY need`;
    expect(rollup).toEqual([
      { need: '', searches: 3_000 },
      { need: '#', searches: 3_000 },
    ]);
  });
});

describe('the hourly upkeep', () => {
  it('compacts the weeks that are over (small keys into their commune’s merged row per band) and deletes those past the retention', async () => {
    await db.$executeRaw`TRUNCATE "SearchDemand", "SearchDemandRollup"`;
    const now = new Date('2026-12-03T12:00:00Z');
    const at = (weeksAgo: number) => new Date(now.getTime() - weeksAgo * 7 * 86_400_000);
    const reach = reachOf({ 5: 0, 10: 0, 20: 0 }, 20);
    const buffer = createDemandBuffer();
    const key = (weeksAgo: number, filters: string) => ({ ...demandKey(parseSearchParams({}).filters, '49328', at(weeksAgo))!, filters });
    for (const weeksAgo of [0, 1]) {
      for (let i = 0; i < 30; i++) buffer.record(key(weeksAgo, `label:${i}`), reach);
      for (let i = 0; i < 6; i++) buffer.record(key(weeksAgo, 'frais:Gratuit'), reach);
    }
    buffer.record(key(RETENTION_WEEKS + 1, ''), reach);
    await writeDemand(db, buffer.take());
    await purgeDemand(db, now);
    const rows = await db.$queryRaw<Array<{ week: Date; filters: string; searches: number; none10: number }>>`
      SELECT week, filters, searches, none10 FROM "SearchDemand" ORDER BY week, filters`;
    const last = weekOf(at(1));
    const current = rows.filter((r) => r.week.toISOString().slice(0, 10) === weekOf(now));
    expect(current).toHaveLength(31); // the week still running is left as it is
    expect(rows.filter((r) => r.week.toISOString().slice(0, 10) === last).map((r) => [r.filters, r.searches, r.none10])).toEqual([
      ['*', 30, 30],
      ['frais:Gratuit', 6, 6],
    ]);
    expect(rows).toHaveLength(33);
    expect(Number((await db.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM "SearchDemandRollup"`)[0].n)).toBe(4);
  });
});

describe('the département’s layer and the open data', () => {
  beforeAll(async () => {
    await db.$executeRaw`TRUNCATE "SearchDemand", "SearchDemandRollup"`;
    const buffer = createDemandBuffer();
    const none = reachOf({ 5: 0, 10: 0, 20: 0 }, 20);
    const key = (inseeCode: string, needs: string) =>
      demandKey({ ...parseSearchParams({}).filters, besoin: needs ? [needs as never] : [] }, inseeCode, new Date())!;
    for (let i = 0; i < 6; i++) buffer.record(key('49328', 'LoisirsEtCreationsNumeriques'), none);
    for (let i = 0; i < 4; i++) buffer.record(key('49099', 'AideAuxDemarchesAdministratives'), none);
    await writeDemand(db, buffer.take());
  });

  it('names a commune or a need only from 5 searches, and merges the rest', async () => {
    const layer = await demandLayer(['49'], 3, { db });
    expect(layer.searches).toBe(10);
    expect(layer.communes.map((c) => [c.label, c.searches, c.unmet[10].none])).toEqual([
      ['Saumur', 6, 6],
      ['Autres communes', 4, 4],
    ]);
    expect(layer.needs.map((c) => [c.code, c.searches])).toEqual([
      ['LoisirsEtCreationsNumeriques', 6],
      [null, 4],
    ]);
    expect((await demandLayer(['44'], 12, { db })).searches).toBe(0);
  });

  it('exports a CSV valid against data/recherches-sans-lieu/schema.json, small lines merged', async () => {
    const schema = loadTableSchema(dataPath('demandSchema'));
    const [header, ...rows] = parse(await new Response(demandCsvStream(db)).text()) as string[][];
    expect(validateTable(schema, header, rows)).toEqual([]);
    const at = (row: string[], column: string) => row[header.indexOf(column)];
    expect(rows.map((r) => [at(r, 'code_insee'), at(r, 'besoins'), at(r, 'recherches'), at(r, 'aucun_lieu_10km')])).toEqual([
      ['49328', 'Loisirs et créations numériques', '6', '6'],
      ['', '', '4', '4'],
    ]);
    // The check can fail.
    const broken = rows.map((r) => [...r]);
    broken[0][header.indexOf('semaine')] = '2026-13-01';
    expect(validateTable(schema, header, broken)).toEqual([expect.stringContaining('semaine is not a date')]);
  });
});
