// `npm run loadtest`: the production build (`next start`) under load, on loopback only and
// bounded in time, against LOADTEST_PLACES synthetic places drawn from the real sources
// (bench/synthetic.ts). 50 concurrent connections per phase, each reporting requests/s, p50/p99,
// errors, and where the answers came from (the `X-Page-Cache: hit|miss` header).
//
// Distinct URLs first, the figures that matter: no URL is ever requested twice (warm-up included),
// on a fresh app process with the page cache OFF and the test clock on (E2E=1, ?maintenant=, so
// "now" spreads over four weeks) — searches from bench/queries.ts (towns drawn by population,
// radii, filter sets), then place pages of every place in random order. Then the popular URLs,
// on a fresh process with the page cache ON as in production and the real clock: the biggest towns
// × the commonest filters and 2,000 places, drawn Zipf-like; these lines state their hit rate.
//
// Every request comes from this machine's one address: the per-address search limit is raised by
// configuration (SEARCH_RATE_LIMIT, bench/app.ts), never dodged with invented X-Forwarded-For
// addresses. The open-data API's limit (120 a minute per address, lib/export/api.ts) has no setting,
// so the API phase runs only when asked (LOADTEST_PHASES=api) and counts its 429 answers apart.
//
// A benchmark: it measures, never fails the build, and is not part of `npm test`.
//
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres NEXT_DIST_DIR=.next-ops npm run loadtest
//   Options (environment): LOADTEST_PLACES (100000), LOADTEST_CONNECTIONS (50), LOADTEST_SECONDS
//   per phase (20, after a 5 s warm-up on other URLs), LOADTEST_SOAK_MINUTES (0; the issue's soak is
//   10), LOADTEST_PORT (3400), LOADTEST_INSTANCES (1; 2 runs two `next start` behind a round-robin
//   loopback proxy in this process), LOADTEST_PHASES (comma-separated name prefixes, e.g.
//   `search,place`; `api` adds the API phase), LOADTEST_REUSE=1 keeps an already seeded database,
//   PAGE_CACHE=off also measures the popular phases without the cache. APP_HEAP_MB (512) sets the
//   app's V8 heap limit, as `npm start` does in production. LOADTEST_CPU_PROF=<dir> writes a V8 CPU
//   profile of each app process (read it with bench/profile-summary.ts and the window each phase prints).
// Each phase also prints the CPU milliseconds a request of the app, of PostgreSQL and of this harness
// (bench/cpu.ts), which still compare when the machine is shared and requests/s do not.
import os from 'node:os';
import pg from 'pg';
import { createPrismaClient } from '../lib/db/client';
import { createFreshDatabase } from '../lib/db/fresh';
import { seedDemo } from '../prisma/seed';
import { describeSettings, distDir, RAISED_LIMITS } from './app';
import { startApps } from './loadtest-apps';
import { cacheColumn, printTable, runPhase, type Phase, type PhaseResult } from './loadtest-phase';
import { distinctSearches, POPULAR_FILTERS, popularTowns, searchUrl, zipf } from './queries';
import { cpuMeter } from './cpu';
import { machine, compareAndSave, type Figure } from './results';
import { random, seedSyntheticPlaces, type SyntheticSummary } from './synthetic';

const PLACES = Number(process.env.LOADTEST_PLACES ?? process.env.BENCH_PLACES ?? 100_000);
const CONNECTIONS = Number(process.env.LOADTEST_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.LOADTEST_SECONDS ?? 20);
const WARMUP = Number(process.env.LOADTEST_WARMUP_SECONDS ?? 5);
const SOAK_MINUTES = Number(process.env.LOADTEST_SOAK_MINUTES ?? 0);
const PORT = Number(process.env.LOADTEST_PORT ?? 3400);
const INSTANCES = Math.max(1, Math.floor(Number(process.env.LOADTEST_INSTANCES ?? 1)));
const ONLY = (process.env.LOADTEST_PHASES ?? '')
  .split(',')
  .map((p) => p.trim().toLowerCase())
  .filter(Boolean);
const NAME = `${process.env.LOADTEST_DB_NAME ?? 'reperes_loadtest'}${process.env.BENCH_DB_SUFFIX ?? ''}`;
// The heap `npm start` gives the production server (APP_HEAP_MB, lib/config/env.ts).
const HEAP_MB = Number(process.env.APP_HEAP_MB ?? 512);
const POPULAR_PLACES = 2000;
const CORES = os.cpus().length;

const wants = (name: string, byDefault = true) => (ONLY.length === 0 ? byDefault : ONLY.some((only) => name.toLowerCase().startsWith(only)));

function shuffle<T>(list: T[], rand: () => number): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

/** Hands out the URLs of a list one after another, never twice (it says so if it runs out). */
function eachOnce<T>(list: T[], name: string) {
  let next = 0;
  let warned = false;
  return () => {
    if (next >= list.length && !warned) {
      warned = true;
      console.warn(`  (the ${list.length} distinct URLs of "${name}" ran out: URLs repeat from here)`);
    }
    return list[next++ % list.length];
  };
}

async function database(): Promise<{ url: string; dataset: SyntheticSummary | string }> {
  const serverUrl = process.env.BENCH_DATABASE_URL;
  if (process.env.LOADTEST_REUSE === '1' && serverUrl) {
    const url = new URL(serverUrl);
    url.pathname = `/${NAME}`;
    const client = new pg.Client({ connectionString: url.toString() });
    const count = await client
      .connect()
      .then(
        () => client.query('SELECT count(*)::int AS n FROM "Place" WHERE "sourceName" = \'synthetic\'').then((r) => r.rows[0].n as number),
        () => 0,
      )
      .catch(() => 0);
    await client.end().catch(() => undefined);
    if (count === PLACES) {
      console.log(`Reusing ${NAME}: ${count} synthetic places.`);
      return { url: url.toString(), dataset: `reused database ${NAME} (${count} synthetic places, seeded by bench/synthetic.ts)` };
    }
  }
  const fresh = await createFreshDatabase({ name: NAME, serverUrl, embeddedDir: '.data/bench-postgres', port: Number(process.env.BENCH_PG_PORT ?? 54332) });
  const prisma = createPrismaClient(fresh.url, { max: 2 });
  await seedDemo(prisma, { testFixture: true });
  await prisma.$disconnect();
  const started = Date.now();
  const dataset = await seedSyntheticPlaces(fresh.url, PLACES);
  console.log(
    `Seeded ${PLACES} synthetic places in ${((Date.now() - started) / 1000).toFixed(0)} s: ${dataset.distinctSchedules} distinct weekly schedules, ${dataset.distinctServiceSets} service sets, ${dataset.distinctPublicSets} public sets, ${dataset.distinctFeeSets} fee sets, ${dataset.communes} communes.`,
  );
  return { url: fresh.url, dataset };
}

const load = () => os.loadavg()[0].toFixed(1);

/** The URLs to ask: searches and places never asked twice, then the popular ones, from the seeded places. */
async function phasesOf(url: string, clock: () => number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const rand = random(17);
  // Every published place in a fixed random order: 2,000 popular ones, the others for the distinct URLs.
  const allSlugs = shuffle(
    (await client.query<{ slug: string }>(`SELECT slug FROM "Place" WHERE status = 'published' ORDER BY slug`)).rows.map((r) => r.slug),
    rand,
  );
  const popularSlugs = allSlugs.slice(0, POPULAR_PLACES);
  const distinctSlugs = allSlugs.slice(POPULAR_PLACES);
  const ids = (await client.query<{ id: string }>(`SELECT id::text FROM "Place" WHERE status = 'published' ORDER BY md5(id::text) LIMIT 2000`)).rows.map(
    (r) => r.id,
  );
  const names = (await client.query<{ name: string }>(`SELECT name FROM "Place" WHERE status = 'published' ORDER BY md5(id::text) LIMIT 3000`)).rows.map(
    (r) => r.name,
  );
  const total = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Place"`)).rows[0].n;
  await client.end();

  const searches = distinctSearches({ seed: 21, names });
  const popularTown = zipf(popularTowns(20), random(22));
  const popularFilter = zipf(POPULAR_FILTERS, random(23));
  const popularPlace = zipf(popularSlugs, random(24));
  const distinctPlace = eachOnce(
    distinctSlugs.map((slug) => `/lieux/${slug}`),
    'place',
  );
  const placeNow = () => new Date(Date.UTC(2026, 2, 30) + Math.floor(clock() * 28 * 86_400_000)).toISOString();

  const distinct: Phase[] = [
    { name: 'search, distinct URLs', key: 'search.distinct', path: () => searchUrl(searches.next(), true) },
    { name: 'place, distinct URLs', key: 'place.distinct', path: () => `${distinctPlace()}?maintenant=${encodeURIComponent(placeNow())}` },
  ].filter((p) => wants(p.name));
  const popular: Phase[] = [
    { name: 'search, popular URLs', key: 'search.popular', path: () => `/recherche?ou=${encodeURIComponent(popularTown())}${popularFilter()}` },
    { name: 'place, popular URLs', key: 'place.popular', path: () => `/lieux/${popularPlace()}` },
    // Only when asked: one address meets the API's fixed limit (120 a minute) at once; 429s are counted apart.
    ...(wants('api', false)
      ? [
          {
            name: 'API',
            key: 'api',
            path: () =>
              [
                `/api/v1/lieux/${ids[Math.floor(clock() * ids.length)]}`,
                `/api/v1/lieux?limite=50&apres=${ids[Math.floor(clock() * ids.length)]}`,
                `/api/v1/lieux?limite=20&besoin=AideAuxDemarchesAdministratives&lat=47.47&lng=-0.55&rayon=30`,
              ][Math.floor(clock() * 3)],
          },
        ]
      : []),
  ].filter((p) => wants(p.name) || p.key === 'api');
  return { total, distinct, popular };
}

type Apps = Awaited<ReturnType<typeof startApps>>;

/** Distinct and popular URLs mixed for SOAK_MINUTES on the popular-phase process, memory sampled every 30 s. */
async function soak(apps: Apps, phases: Phase[], clock: () => number): Promise<Record<string, unknown>> {
  console.log(`\nSoak: distinct and popular URLs mixed for ${SOAK_MINUTES} min on the popular-phase process, memory sampled every 30 s`);
  const mix: Phase = { name: 'mix', key: 'soak', path: () => phases[Math.floor(clock() * phases.length)].path() };
  const samples: number[] = [];
  const sampler = setInterval(() => samples.push(apps.memory()), 30_000);
  const r = await runPhase(apps.front, mix, SOAK_MINUTES * 60, CONNECTIONS);
  clearInterval(sampler);
  samples.push(apps.memory());
  const first = samples[1] ?? samples[0];
  const end = samples[samples.length - 1];
  console.log(
    `mix          ${r.requestsPerSecond} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.requests} requests, ${r.errors} errors, page cache ${cacheColumn(r.cache)}, load ${load()}`,
  );
  console.log(`memory MiB every 30 s: ${samples.map((m) => Math.round(m)).join(' ')}`);
  console.log(`growth from the first minute to the end: ${(((end - first) / first) * 100).toFixed(1)} %`);
  return { ...r, memoryMiB: samples.map(Math.round), growthPercent: ((end - first) / first) * 100 };
}

/** The figures compared with the last committed run, with the issue's targets. */
function figuresOf(results: PhaseResult[]): Figure[] {
  const figures: Figure[] = [];
  const targets: Record<string, { rps?: number; p99?: number }> = { 'search.distinct': { rps: 150, p99: 1000 }, 'place.distinct': { rps: 250 } };
  for (const r of results) {
    const t = targets[r.key] ?? {};
    figures.push(
      {
        key: `${r.key}.rps`,
        label: `${r.phase}, ${CONNECTIONS} connections, req/s`,
        value: r.requestsPerSecond,
        unit: 'req/s',
        better: 'higher',
        ...(t.rps ? { target: { op: '≥' as const, value: t.rps } } : {}),
      },
      { key: `${r.key}.p50`, label: `${r.phase}, p50`, value: r.p50, unit: 'ms', better: 'lower' },
      {
        key: `${r.key}.p99`,
        label: `${r.phase}, p99`,
        value: r.p99,
        unit: 'ms',
        better: 'lower',
        ...(t.p99 ? { target: { op: '<' as const, value: t.p99 } } : {}),
      },
      { key: `${r.key}.errors`, label: `${r.phase}, errors`, value: r.errors, unit: 'count', better: 'lower' },
    );
    if (r.cpuMsPerRequest)
      figures.push(
        { key: `${r.key}.cpu.app`, label: `${r.phase}, app CPU a request`, value: r.cpuMsPerRequest.app, unit: 'ms', better: 'lower' },
        { key: `${r.key}.cpu.postgres`, label: `${r.phase}, PostgreSQL CPU a request`, value: r.cpuMsPerRequest.postgres, unit: 'ms', better: 'lower' },
        { key: `${r.key}.cpu.harness`, label: `${r.phase}, load generator CPU a request`, value: r.cpuMsPerRequest.harness, unit: 'ms', better: 'lower' },
      );
    if (r.cache.hit + r.cache.miss > 0 && r.group === 'popular URLs')
      figures.push({
        key: `${r.key}.hitRate`,
        label: `${r.phase}, page cache hit rate`,
        value: Math.round((r.cache.hit / (r.cache.hit + r.cache.miss)) * 1000) / 10,
        unit: '%',
        better: 'higher',
      });
  }
  return figures;
}

async function main() {
  distDir();
  const { url, dataset } = await database();
  const clock = random(25);
  const { total, distinct, popular } = await phasesOf(url, clock);

  const host = await machine(url);
  console.log(
    `Load test: ${total} places, ${CONNECTIONS} connections from this machine's one address, ${SECONDS} s per phase after a ${WARMUP} s warm-up on other URLs, ${INSTANCES} instance(s), ${host.cores} cores, ${host.memoryGiB} GiB, PostgreSQL ${host.postgres}, Node ${host.node}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    `Rate limits raised by configuration, not dodged: ${describeSettings(RAISED_LIMITS)} (proxy.ts); no X-Forwarded-For is sent. The API's limit has no setting: its phase runs only with LOADTEST_PHASES=api.`,
  );

  const results: PhaseResult[] = [];
  const settingsUsed: Record<string, string> = {};
  const measure = async (group: string, phases: Phase[], settings: Record<string, string>) => {
    if (phases.length === 0) return null;
    const apps = await startApps(url, settings, { port: PORT, instances: INSTANCES, heapMb: HEAP_MB, connections: CONNECTIONS });
    settingsUsed[group] = describeSettings(apps.settings);
    console.log(`\n${group}: fresh app process(es), ${describeSettings(apps.settings)}`);
    const meter = await cpuMeter(url, apps.pids);
    for (const phase of phases) {
      await runPhase(apps.front, phase, WARMUP, CONNECTIONS);
      const before = apps.memory();
      const cpuBefore = await meter.sample();
      const window = [apps.age()];
      const result = await runPhase(apps.front, phase, SECONDS, CONNECTIONS);
      window.push(apps.age());
      const cpu = meter.perRequest(cpuBefore, await meter.sample(), result.requests);
      results.push({ ...result, group, load: load(), memoryMiB: [Math.round(before), Math.round(apps.memory())], cpuMsPerRequest: cpu });
      console.log(
        `  ${phase.name}: ${result.requestsPerSecond} req/s, p99 ${result.p99} ms, ${result.requests} requests, ${result.errors} errors${process.env.LOADTEST_CPU_PROF ? ` (CPU profile: --window=${window.map((s) => s.toFixed(1)).join('-')} --per=${result.requests})` : ''}`,
      );
      console.log(
        `    CPU ms a request: app ${cpu.app}, PostgreSQL ${cpu.postgres} (this database's backends; whole server ${cpu.postgresServer}), harness ${cpu.harness}, machine ${cpu.machine} (${CORES} cores × ${(cpu.wallMs / 1000).toFixed(1)} s / requests = ${((CORES * cpu.wallMs) / Math.max(1, result.requests)).toFixed(2)})`,
      );
    }
    await meter.end();
    return apps;
  };

  let last = await measure('distinct URLs', distinct, { PAGE_CACHE: 'off', E2E: '1' });
  await last?.stop();
  last = await measure('popular URLs', popular, { PAGE_CACHE: process.env.PAGE_CACHE || 'on' });
  try {
    printTable(
      'Distinct URLs (every answer a render; page cache off, test clock on):',
      results.filter((r) => r.group === 'distinct URLs'),
    );
    printTable(
      `Popular URLs (page cache ${process.env.PAGE_CACHE || 'on'}, as in production; the hit rate says how much of it the cache answered):`,
      results.filter((r) => r.group === 'popular URLs'),
    );
    const soaked = SOAK_MINUTES > 0 && last ? await soak(last, [...distinct, ...popular.filter((p) => p.key !== 'api')], clock) : null;
    await compareAndSave({
      name: 'loadtest',
      machine: host,
      scale: { places: PLACES, connections: CONNECTIONS, seconds: SECONDS, instances: INSTANCES, soakMinutes: SOAK_MINUTES },
      dataset,
      settings: {
        ...settingsUsed,
        heap: `--max-old-space-size=${HEAP_MB}`,
        rateLimits: `${describeSettings(RAISED_LIMITS)} (raised by configuration; no X-Forwarded-For sent)`,
      },
      figures: figuresOf(results),
      raw: { phases: results, soak: soaked },
    });
  } finally {
    await last?.stop();
  }
}

process.on('SIGINT', () => process.exit(130));
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
