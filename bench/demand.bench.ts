// Unmet demand benchmark (issue #22). (1) A year of aggregates for BENCH_SEARCHES_PER_DAY searches
// a day nationally (default 100,000), drawn like real traffic — communes by population, the
// common needs and filters, most searches at 10 km, small communes more often without a place —
// recorded through the production buffer (lib/demand/buffer.ts) and written by its flush
// (lib/demand/flush.ts) whenever it holds MAX_KEYS keys and at each week's end, each week compacted
// once over: the rows and bytes after a year (keys and the pages' rollup), the write time, and the
// rows projected at BENCH_PROJECT_PER_DAY. (2) The département layer's data (lib/demand/read.ts)
// over 12 and 3 months for the busiest département, Maine-et-Loire and Lozère (target < 300 ms),
// and the whole /territoires page over HTTP (coverage included). (3) searchPlaces() around towns on
// BENCH_PLACES synthetic places, each search measured without and with counting it (the tally
// the route calls), in random order, the production flush timer running: not measurably slower.
import { createPrismaClient } from '../lib/db/client';
import { importCommunes, parseCommunesCsv } from '../lib/coverage/communes';
import { readDataFile } from '../lib/data/files';
import { createDemandBuffer, MAX_KEYS } from '../lib/demand/buffer';
import { purgeDemand, writeDemand } from '../lib/demand/flush';
import { departementOf, reachOf, weekOf, type DemandKey, type RadiusBand } from '../lib/demand/key';
import { parseSearchParams } from '../lib/search/filters';
import { PEER_HEADER } from '../lib/security/client-address';
import { startApp } from './app';
import { benchDatabaseUrl, openBenchDatabase } from './database';
import { popularTowns } from './queries';
import { loadCommunes } from './real-sources';
import { compareAndSave, type Figure } from './results';
import { random, seedSyntheticPlaces, weighted } from './synthetic';
import { durations, percentiles, summarise, timed } from './timing';

const PER_DAY = Number(process.env.BENCH_SEARCHES_PER_DAY ?? 100_000);
const WEEKS = Number(process.env.BENCH_WEEKS ?? 52);
/** The traffic the table's size is projected to (distinct keys counted in memory), whatever the size simulated. */
const PROJECT_PER_DAY = Number(process.env.BENCH_PROJECT_PER_DAY ?? 100_000);
/** Weeks written through the production buffer and flush, oldest first; the others are those again in turn (fillYear): at 100,000
 * a day a week takes about two minutes to write here. BENCH_REUSE=1 keeps an earlier run's weeks (its newest dropped) and fills the rest. */
const WRITTEN = Math.min(WEEKS, Number(process.env.BENCH_WEEKS_WRITTEN ?? WEEKS));
const REUSE = process.env.BENCH_REUSE === '1';
const PLACES = Number(process.env.BENCH_PLACES ?? 100_000);
const LAYER_RUNS = Number(process.env.BENCH_RUNS ?? 30);
const SEARCH_RUNS = Number(process.env.BENCH_SEARCH_RUNS ?? 300);
const PORT = Number(process.env.BENCH_PORT ?? 3960);

const NEEDS = [
  ['AideAuxDemarchesAdministratives', 40],
  ['MaitriseDesOutilsNumeriquesDuQuotidien', 20],
  ['AccesInternetEtMaterielInformatique', 12],
  ['InsertionProfessionnelleViaLeNumerique', 8],
  ['MaterielInformatiqueAPrixSolidaire', 4],
  ['UtilisationSecuriseeDuNumerique', 3],
  ['ParentaliteEtEducationAvecLeNumerique', 2],
  ['LoisirsEtCreationsNumeriques', 2],
  ['ComprehensionDuMondeNumerique', 1],
] as const;
const FILTER_SETS = [
  ['', 70],
  ['frais:Gratuit', 10],
  ['ouvert:maintenant', 5],
  ['ouvert:samedi', 3],
  ['accompagnement:Accompagnement individuel', 3],
  ['frais:Gratuit|ouvert:maintenant', 2],
  ['type:france-services', 2],
  ['public:Seniors', 2],
  ['public:Personnes en situation de handicap', 1],
  ['creneau:mercredi-apresmidi|frais:Gratuit', 1],
  ['acces:Se présenter', 1],
] as const;
const BANDS: Array<[RadiusBand, number]> = [
  [10, 70],
  [5, 12],
  [20, 13],
  [2, 5],
];

/** Draws searches like real traffic: a commune by population, its needs, filters and radius, and what it found. */
function searchDrawer(seed: number) {
  const rand = random(seed);
  const commune = weighted(loadCommunes(), (c) => c.population, rand);
  const need = weighted([...NEEDS], ([, w]) => w, rand);
  const filterSet = weighted([...FILTER_SETS], ([, w]) => w, rand);
  const band = weighted(BANDS, ([, w]) => w, rand);
  return (week: string) => {
    const c = commune();
    const roll = rand();
    const needs = roll < 0.25 ? '' : roll < 0.85 ? need()[0] : [...new Set([need()[0], need()[0]])].sort().join('|');
    const key: DemandKey = { week, inseeCode: c.insee, departement: departementOf(c.insee), needs, filters: filterSet()[0], radiusBand: band()[0] };
    // Small communes find nothing near more often.
    const lacking = c.population < 2000 ? 0.45 : c.population < 20000 ? 0.15 : 0.02;
    const near = rand() < lacking ? 0 : 1 + Math.floor(rand() * 6);
    return { key, reach: reachOf({ 5: Math.floor(near / 2), 10: near, 20: near + 2 }, key.radiusBand) };
  };
}

/**
 * The rows one week adds at `perDay` searches a day, in memory only: its distinct keys, what is left
 * once the week is compacted (keys of 5 searches or more, and one merged row per commune and band
 * for the rest: lib/demand/flush.ts), and its rollup lines.
 */
function rowsOfAWeek(perDay: number) {
  const draw = searchDrawer(23);
  const keys = new Map<string, number>();
  const rollup = new Set<string>();
  for (let i = 0; i < perDay * 7; i++) {
    const { key } = draw('2026-11-30');
    const id = `${key.inseeCode} ${key.radiusBand} ${key.needs} ${key.filters}`;
    keys.set(id, (keys.get(id) ?? 0) + 1);
    rollup.add(key.inseeCode);
    for (const need of key.needs.split('|')) rollup.add(`${key.departement} ${need}`);
  }
  const compacted = new Set<string>();
  for (const [id, n] of keys) compacted.add(n >= 5 ? id : id.split(' ').slice(0, 2).join(' '));
  return { keys: keys.size, compacted: compacted.size, rollup: rollup.size };
}

/** A year of searches, week by week, through the production buffer and flush. */
async function simulateYear(db: ReturnType<typeof createPrismaClient>) {
  const draw = searchDrawer(22);
  const writes: number[] = [];
  let searches = 0;
  let recordMs = 0;
  const flush = async (buffer: ReturnType<typeof createDemandBuffer>) => {
    const entries = buffer.take();
    const { ms } = await timed(() => writeDemand(db, entries));
    writes.push(ms);
  };
  const started = performance.now();
  for (let w = WEEKS - 1; w >= WEEKS - WRITTEN; w--) {
    const week = weekOf(new Date(Date.now() - w * 7 * 86_400_000));
    const buffer = createDemandBuffer();
    for (let i = 0; i < PER_DAY * 7; i++) {
      const { key, reach } = draw(week);
      const t = performance.now();
      buffer.record(key, reach);
      recordMs += performance.now() - t;
      searches++;
      if (buffer.size() >= MAX_KEYS) await flush(buffer);
    }
    await flush(buffer);
    // The hourly upkeep, once the week is over: its small keys compacted.
    await purgeDemand(db, new Date(Date.parse(`${week}T00:00:00Z`) + 8 * 86_400_000));
    if (w % 13 === 0)
      console.log(`  week ${week}: ${searches.toLocaleString('en-GB')} searches so far, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  return { searches, writes: summarise(writes), recordUs: (recordMs * 1000) / searches };
}

/** The tables' rows and bytes, without the dead rows the compactions left (PostgreSQL reuses their space over time). */
async function sizeOf(db: ReturnType<typeof createPrismaClient>) {
  await db.$executeRaw`VACUUM FULL "SearchDemand"`;
  await db.$executeRaw`VACUUM FULL "SearchDemandRollup"`;
  const [size] = await db.$queryRaw<Array<{ rows: number; bytes: bigint; table: bigint; rollupRows: number; rollupBytes: bigint; searches: bigint }>>`
    SELECT (SELECT count(*)::int FROM "SearchDemand") AS rows, pg_total_relation_size('"SearchDemand"') AS bytes, pg_relation_size('"SearchDemand"') AS table,
      (SELECT count(*)::int FROM "SearchDemandRollup") AS "rollupRows", pg_total_relation_size('"SearchDemandRollup"') AS "rollupBytes",
      (SELECT coalesce(sum(searches), 0) FROM "SearchDemand") AS searches`;
  return {
    searches: Number(size.searches),
    rows: size.rows,
    bytes: Number(size.bytes),
    tableBytes: Number(size.table),
    rollupRows: size.rollupRows,
    rollupBytes: Number(size.rollupBytes),
  };
}

/** The year's weeks not written are copies of the written ones, in turn (same traffic, shifted in time); returns how many. */
async function fillYear(db: ReturnType<typeof createPrismaClient>): Promise<{ written: number; copied: number }> {
  const weeks = await db.$queryRaw<Array<{ week: Date }>>`SELECT DISTINCT week FROM "SearchDemand" ORDER BY week`;
  const present = weeks.map((r) => r.week.toISOString().slice(0, 10));
  const all = Array.from({ length: WEEKS }, (_, i) => weekOf(new Date(Date.now() - (WEEKS - 1 - i) * 7 * 86_400_000)));
  const missing = all.filter((week) => !present.includes(week));
  for (const [i, week] of missing.entries()) {
    const source = present[i % present.length];
    await db.$executeRaw`INSERT INTO "SearchDemand" SELECT (jsonb_populate_record(NULL::"SearchDemand", to_jsonb(d) || jsonb_build_object('week', ${week}::text))).*
      FROM "SearchDemand" d WHERE week = ${source}::date`;
    await db.$executeRaw`INSERT INTO "SearchDemandRollup" SELECT (jsonb_populate_record(NULL::"SearchDemandRollup", to_jsonb(r) || jsonb_build_object('week', ${week}::text))).*
      FROM "SearchDemandRollup" r WHERE week = ${source}::date`;
  }
  return { written: present.length, copied: missing.length };
}

/** A database an earlier run wrote weeks into (BENCH_REUSE=1): its newest week dropped, the year filled, its size read. */
async function reusedYear(db: ReturnType<typeof createPrismaClient>) {
  await db.$executeRaw`DELETE FROM "SearchDemand" WHERE week = (SELECT max(week) FROM "SearchDemand")`;
  await db.$executeRaw`DELETE FROM "SearchDemandRollup" WHERE week > (SELECT max(week) FROM "SearchDemand")`;
}

async function main() {
  const database = REUSE ? { url: benchDatabaseUrl('reperes_bench_demand'), stop: async () => {} } : await openBenchDatabase('reperes_bench_demand');
  process.env.DATABASE_URL = database.url;
  const db = createPrismaClient(database.url, { max: 4 });
  const figures: Figure[] = [];
  const raw: Record<string, unknown> = {};

  if (!REUSE) await importCommunes(db, parseCommunesCsv(readDataFile('communes')));
  console.log(`\n1. A year (${WEEKS} weeks) of aggregates for ${PER_DAY.toLocaleString('en-GB')} searches a day nationally`);
  const written = REUSE ? (await reusedYear(db), null) : await simulateYear(db);
  const filled = await fillYear(db);
  raw.weeks = filled;
  console.log(`  ${filled.written} weeks written through the production buffer and flush, ${filled.copied} more copied from them in turn`);
  const year = { ...(await sizeOf(db)), writes: written?.writes ?? summarise([0]), recordUs: written?.recordUs ?? 0 };
  const mb = (bytes: number) => Math.round((bytes / 1024 ** 2) * 10) / 10;
  console.log(
    `  ${year.searches.toLocaleString('en-GB')} searches → ${year.rows.toLocaleString('en-GB')} rows, ${mb(year.bytes)} MiB with indexes (${mb(year.tableBytes)} MiB table);` +
      ` rollup ${year.rollupRows.toLocaleString('en-GB')} rows, ${mb(year.rollupBytes)} MiB;` +
      (written
        ? ` ${written.writes.n} writes, p50 ${written.writes.p50.toFixed(0)} ms, p95 ${written.writes.p95.toFixed(0)} ms; recording ${written.recordUs.toFixed(2)} µs a search`
        : ' (weeks written by an earlier run: no write timed)'),
  );
  figures.push(
    { key: 'year.rows', label: 'a year of aggregates, rows', value: year.rows, unit: 'count', better: 'lower' },
    { key: 'year.size', label: 'a year of aggregates, table and indexes', value: mb(year.bytes), unit: 'MiB', better: 'lower' },
    { key: 'year.rollup.rows', label: 'a year of the pages’ rollup, rows', value: year.rollupRows, unit: 'count', better: 'lower' },
    { key: 'year.rollup.size', label: 'a year of the pages’ rollup, table and index', value: mb(year.rollupBytes), unit: 'MiB', better: 'lower' },
  );
  // Written by this run only (not with BENCH_REUSE).
  if (written)
    figures.push(
      { key: 'year.write.p95', label: 'one batched write (≤ MAX_KEYS keys), p95', value: written.writes.p95, unit: 'ms', better: 'lower' },
      { key: 'record.mean', label: 'recording one search in the buffer, mean', value: written.recordUs, unit: 'µs', better: 'lower' },
    );
  raw.year = year;
  // At the full traffic, without writing it: one week's rows, times 52, at the bytes a row took above.
  const week = rowsOfAWeek(PROJECT_PER_DAY);
  const perRow = year.bytes / Math.max(1, year.rows);
  const perRollupRow = year.rollupBytes / Math.max(1, year.rollupRows);
  const projected = {
    keys: week.keys * 52,
    compacted: week.compacted * 52,
    rollup: week.rollup * 52,
    mib: mb(week.compacted * 52 * perRow),
    rollupMib: mb(week.rollup * 52 * perRollupRow),
  };
  console.log(
    `  projected for ${PROJECT_PER_DAY.toLocaleString('en-GB')} searches a day: ${week.keys.toLocaleString('en-GB')} keys a week, ${week.compacted.toLocaleString('en-GB')} once compacted` +
      ` → ${projected.compacted.toLocaleString('en-GB')} rows, ~${projected.mib} MiB a year; rollup ${projected.rollup.toLocaleString('en-GB')} rows, ~${projected.rollupMib} MiB`,
  );
  figures.push(
    {
      key: 'projected.rows',
      label: `a year at ${PROJECT_PER_DAY} searches a day, rows (projected)`,
      value: projected.compacted,
      unit: 'count',
      better: 'lower',
    },
    { key: 'projected.size', label: `a year at ${PROJECT_PER_DAY} searches a day, MiB (projected)`, value: projected.mib, unit: 'MiB', better: 'lower' },
    { key: 'projected.rollup.size', label: `its rollup, MiB (projected)`, value: projected.rollupMib, unit: 'MiB', better: 'lower' },
  );
  raw.projected = { perDay: PROJECT_PER_DAY, week, ...projected };
  await db.$executeRaw`VACUUM ANALYZE "SearchDemand"`;
  await db.$executeRaw`VACUUM ANALYZE "SearchDemandRollup"`;

  // 2. The département layer: its data in this process, then the whole page over HTTP (coverage included: React's
  // renderer cannot run under this process's react-server condition; `next start`, page cache off).
  const { demandLayer } = await import('../lib/demand/read');
  const [busiest] = await db.$queryRaw<Array<{ departement: string }>>`
    SELECT departement FROM "SearchDemandRollup" WHERE "inseeCode" = '' GROUP BY departement ORDER BY sum(searches) DESC LIMIT 1`;
  console.log('\n2. The département layer');
  raw.layer = {};
  const deps = [busiest.departement, '49', '48'];
  const which = (dep: string) => (dep === busiest.departement ? 'busiest' : dep);
  for (const dep of deps) {
    for (const months of [12, 3] as const) {
      const p = percentiles(await durations(() => demandLayer([dep], months, { db }), LAYER_RUNS, 2));
      const layer = await demandLayer([dep], months, { db });
      console.log(
        `  ${dep.padEnd(3)} ${String(months).padStart(2)} months, data: p50 ${p.p50.toFixed(1)} ms, p95 ${p.p95.toFixed(1)} ms (${layer.searches.toLocaleString('en-GB')} searches, ${layer.communes.length} lines)`,
      );
      figures.push({
        key: `layer.${which(dep)}.${months}.p95`,
        label: `layer data ${which(dep)} (${dep}), ${months} months, p95`,
        value: p.p95,
        unit: 'ms',
        better: 'lower',
        target: { op: '<', value: 300 },
      });
      (raw.layer as Record<string, unknown>)[`${dep}.${months}`] = { ...p, searches: layer.searches, lines: layer.communes.length };
    }
  }
  const app = await startApp({ port: PORT, databaseUrl: database.url, settings: { PAGE_CACHE: 'off' } });
  try {
    for (const dep of deps) {
      const get = async () => {
        const response = await fetch(`${app.url}/territoires/${dep}?demande=12`);
        if (!(await response.text()).includes('demand-layer')) throw new Error(`no layer on /territoires/${dep}`);
      };
      const p = percentiles(await durations(get, LAYER_RUNS, 2));
      console.log(`  /territoires/${dep}?demande=12 over HTTP (coverage and layer): p50 ${p.p50.toFixed(1)} ms, p95 ${p.p95.toFixed(1)} ms`);
      figures.push({ key: `page.${which(dep)}.p95`, label: `/territoires/${dep} (coverage and layer), p95`, value: p.p95, unit: 'ms', better: 'lower' });
    }
  } finally {
    await app.stop();
  }

  // 3. The search without and with counting it.
  console.log(`\n3. searchPlaces() on ${PLACES.toLocaleString('en-GB')} synthetic places, without and with the tally (random order, ${SEARCH_RUNS} pairs)`);
  await seedSyntheticPlaces(database.url, PLACES);
  const { searchPlaces } = await import('../lib/search');
  const { searchTally, flushDemand } = await import('../lib/demand');
  const rand = random(5);
  const towns = popularTowns(60);
  const needs = ['', '&besoin=AideAuxDemarchesAdministratives', '&besoin=MaitriseDesOutilsNumeriquesDuQuotidien&frais=Gratuit'];
  const off: number[] = [];
  const on: number[] = [];
  const tallyUs: number[] = [];
  for (let i = 0; i < SEARCH_RUNS; i++) {
    const { filters } = parseSearchParams(new URLSearchParams(`ou=${encodeURIComponent(towns[i % towns.length])}${needs[i % needs.length]}`));
    await searchPlaces(filters, { db }); // warm: both measured runs see the same caches
    const runs = rand() < 0.5 ? (['off', 'on'] as const) : (['on', 'off'] as const);
    for (const mode of runs) {
      const { ms } = await timed(async () => {
        const response = await searchPlaces(filters, { db });
        if (mode === 'on') {
          const t = performance.now();
          // A visitor of their own each time (one visitor's repeats are counted once a day: lib/demand/visitors.ts).
          await searchTally(filters, response)?.(new Headers({ [PEER_HEADER]: `198.51.${(i >> 8) & 255}.${i & 255}` }));
          tallyUs.push((performance.now() - t) * 1000);
        }
      });
      (mode === 'on' ? on : off).push(ms);
    }
  }
  await flushDemand();
  const [a, b, t] = [summarise(off), summarise(on), summarise(tallyUs)];
  console.log(`  without: p50 ${a.p50.toFixed(2)} ms, p95 ${a.p95.toFixed(2)} ms`);
  console.log(`  with:    p50 ${b.p50.toFixed(2)} ms, p95 ${b.p95.toFixed(2)} ms`);
  console.log(`  the tally alone: p50 ${t.p50.toFixed(1)} µs, p95 ${t.p95.toFixed(1)} µs`);
  figures.push(
    { key: 'search.off.p95', label: 'searchPlaces(), not counted, p95', value: a.p95, unit: 'ms', better: 'lower' },
    { key: 'search.on.p95', label: 'searchPlaces() and its tally, p95', value: b.p95, unit: 'ms', better: 'lower' },
    { key: 'search.off.p50', label: 'searchPlaces(), not counted, p50', value: a.p50, unit: 'ms', better: 'lower' },
    { key: 'search.on.p50', label: 'searchPlaces() and its tally, p50', value: b.p50, unit: 'ms', better: 'lower' },
    { key: 'tally.p95', label: 'the tally on the request path, p95', value: t.p95, unit: 'µs', better: 'lower', target: { op: '<', value: 1000 } },
  );
  raw.search = { off: a, on: b, tallyUs: t };

  await compareAndSave({
    name: 'demand',
    databaseUrl: database.url,
    scale: { searchesPerDay: PER_DAY, weeks: WEEKS, weeksWritten: filled.written, places: PLACES, searchPairs: SEARCH_RUNS },
    dataset: { communes: 'data/reference/communes.csv.gz', places: `${PLACES} synthetic` },
    figures,
    raw,
  });
  await db.$disconnect();
  await database.stop();
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
