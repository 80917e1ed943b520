// `npm run loadtest`: the production build (`next start`) under load, on loopback only and
// bounded in time, against a database of 100,000 synthetic places spread over France. Phases at
// 50 concurrent connections, each reporting requests/s, p50/p99 latency, errors, and how many
// answers came from the page cache (the `X-Page-Cache: hit|miss` header of the public pages):
//
// - search page and place page, each twice: "distinct URLs", where no URL is ever requested twice
//   (every answer is a render: the cost of the long tail), then "popular URLs", a small realistic
//   set requested over and over (17 towns × 8 filter sets; a Zipf-like choice over 2,000 places);
// - the API (one place, a page of 50, a filtered radius query);
// - then (optionally) a soak on the mix, sampling the app's memory.
//
// A benchmark: it measures, never fails the build, and is not part of `npm test`.
//
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres NEXT_DIST_DIR=.next-ops npm run loadtest
//   Options (environment): LOADTEST_PLACES (100000), LOADTEST_CONNECTIONS (50), LOADTEST_SECONDS
//   per phase (20), LOADTEST_SOAK_MINUTES (0; the issue's soak is 10), LOADTEST_PORT (3400),
//   LOADTEST_INSTANCES (1; 2 runs two `next start` behind a round-robin loopback proxy in this
//   process, one per core), LOADTEST_PHASES (comma-separated names to run, e.g. `place`),
//   LOADTEST_REUSE=1 keeps an already seeded database. PAGE_CACHE=off measures without the cache.
//   APP_HEAP_MB (512) sets the app's V8 heap limit, as `npm start` does in production.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { createPrismaClient } from '../lib/db/client';
import { createFreshDatabase } from '../lib/db/fresh';
import { resolveCommune } from '../lib/geo/communes';
import { seedDemo } from '../prisma/seed';
import { seedSyntheticPlaces } from './synthetic';

const PLACES = Number(process.env.LOADTEST_PLACES ?? 100_000);
const CONNECTIONS = Number(process.env.LOADTEST_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.LOADTEST_SECONDS ?? 20);
const SOAK_MINUTES = Number(process.env.LOADTEST_SOAK_MINUTES ?? 0);
const PORT = Number(process.env.LOADTEST_PORT ?? 3400);
const INSTANCES = Math.max(1, Math.floor(Number(process.env.LOADTEST_INSTANCES ?? 1)));
const ONLY = (process.env.LOADTEST_PHASES ?? '').split(',').map((p) => p.trim()).filter(Boolean);
const NAME = process.env.LOADTEST_DB_NAME ?? 'reperes_loadtest';
// The heap `npm start` gives the production server (APP_HEAP_MB, lib/config/env.ts).
const HEAP_MB = Number(process.env.APP_HEAP_MB ?? 512);
const root = path.join(__dirname, '..');

// Towns the offline geocoder places (Paris, Lyon and Marseille are split into arrondissements in the
// reference list the synthetic places come from, so they hold no synthetic place and an unresolved
// town lists the whole country: a separate worst case, see bench/README.md).
const TOWNS = ['Angers', 'Saumur', 'Nantes', 'Lille', 'Rennes', 'Cholet', 'Brest', 'Dijon', 'Tours', 'Le Mans', 'Limoges', 'Pau', 'Toulouse', 'Bordeaux', 'Nice', 'Strasbourg', 'Montpellier'];
const FILTERS = ['', '&besoin=AideAuxDemarchesAdministratives', '&frais=Gratuit', '&ouvert=maintenant', '&rayon=30', '&type=france-services', '&besoin=MaitriseDesOutilsNumeriquesDuQuotidien&rayon=20', '&page=2'];
// For the distinct URLs: many towns × these filter sets × these radii, each URL used once.
const DISTINCT_FILTERS = [
  '', '&besoin=AideAuxDemarchesAdministratives', '&besoin=MaitriseDesOutilsNumeriquesDuQuotidien', '&besoin=AccesInternetEtMaterielInformatique',
  '&besoin=InsertionProfessionnelleViaLeNumerique', '&besoin=UtilisationSecuriseeDuNumerique&ouvert=samedi', '&frais=Gratuit', '&ouvert=maintenant',
  '&ouvert=samedi', '&type=france-services', '&type=epn', '&type=mediatheque', '&type=tiers-lieu', '&type=centre-social&frais=Gratuit',
  '&besoin=AideAuxDemarchesAdministratives&frais=Gratuit', '&page=2',
];
const DISTINCT_RADII = [2, 5, 10, 15, 20, 25, 30, 50];

const pick = <T,>(list: T[]) => list[Math.floor(Math.random() * list.length)];

function shuffle<T>(list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

/** Hands out the URLs of a list one after another, never twice (it says so if it runs out). */
function never<T>(list: T[], name: string) {
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

/** A Zipf-like choice (weight 1/rank): a few places get most visits, as in real traffic. */
function zipf<T>(list: T[]) {
  const cumulative: number[] = [];
  let total = 0;
  list.forEach((_, rank) => cumulative.push((total += 1 / (rank + 1))));
  return () => {
    const x = Math.random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return list[lo];
  };
}
// Each request from a different documentation address, as many visitors would (the per-address
// rate limits would otherwise answer 429 to this single machine).
const visitor = () => `198.18.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}`;

async function database(): Promise<string> {
  const serverUrl = process.env.BENCH_DATABASE_URL;
  if (process.env.LOADTEST_REUSE === '1' && serverUrl) {
    const url = new URL(serverUrl);
    url.pathname = `/${NAME}`;
    const client = new pg.Client({ connectionString: url.toString() });
    const count = await client.connect().then(() => client.query('SELECT count(*)::int AS n FROM "Place"').then((r) => r.rows[0].n as number), () => 0).catch(() => 0);
    await client.end().catch(() => undefined);
    if (count >= PLACES) {
      console.log(`Reusing ${NAME}: ${count} places.`);
      return url.toString();
    }
  }
  const fresh = await createFreshDatabase({ name: NAME, serverUrl, embeddedDir: '.data/bench-postgres', port: Number(process.env.BENCH_PG_PORT ?? 54332) });
  const prisma = createPrismaClient(fresh.url, { max: 2 });
  await seedDemo(prisma);
  await prisma.$disconnect();
  const started = Date.now();
  await seedSyntheticPlaces(fresh.url, PLACES);
  console.log(`Seeded ${PLACES} synthetic places in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  return fresh.url;
}

/** Resident memory of a process and its children, in MiB. */
function memoryOf(pid: number): number {
  const table = execFileSync('ps', ['-eo', 'pid=,ppid=,rss='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number));
  const tree = new Set([pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [child, parent] of table) {
      if (tree.has(parent) && !tree.has(child)) {
        tree.add(child);
        grew = true;
      }
    }
  }
  return table.filter(([p]) => tree.has(p)).reduce((sum, [, , rss]) => sum + rss, 0) / 1024;
}

type Phase = { name: string; path: () => string };

type CacheCount = { hit: number; miss: number; none: number };

const headerOf = (headers: Record<string, string | string[]>, name: string) => {
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return Array.isArray(value) ? value[0] : value;
  return undefined;
};

async function run(front: string, phase: Phase, seconds: number) {
  const cache: CacheCount = { hit: 0, miss: 0, none: 0 };
  const urls = new Set<string>();
  let asked = 0;
  const result = await autocannon({
    url: front,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        setupRequest: (request) => {
          const target = phase.path();
          urls.add(target);
          asked++;
          return { ...request, path: target, headers: { ...request.headers, 'x-forwarded-for': visitor(), 'accept-encoding': 'gzip' } };
        },
        onResponse: (_status, _body, _context, headers) => {
          const state = headerOf((headers ?? {}) as Record<string, string | string[]>, 'x-page-cache');
          if (state === 'hit') cache.hit++;
          else if (state === 'miss') cache.miss++;
          else cache.none++;
        },
      },
    ],
  });
  // autocannon's `errors` already counts the timeouts.
  const errors = result.errors + result.non2xx;
  return {
    phase: phase.name,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    urls: `${urls.size}/${asked}`,
    errors,
    errorRate: result.requests.total ? errors / result.requests.total : 0,
    statuses: { '2xx': result['2xx'], non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts },
    cache,
  };
}

/** "hits / answers (share)", or "no header" when the route does not report the page cache. */
function cacheColumn(cache: CacheCount): string {
  const told = cache.hit + cache.miss;
  if (told === 0) return 'no header';
  const share = `${((cache.hit / told) * 100).toFixed(0)} %`;
  return `${cache.hit}/${told} (${share})${cache.none ? ` +${cache.none} without` : ''}`;
}

/** The only request the harness proxies: round robin over the instances, keep-alive upstream. */
function roundRobinProxy(port: number, targets: number[]): Promise<http.Server> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS * 2 });
  let next = 0;
  const server = http.createServer((request, response) => {
    const target = targets[next++ % targets.length];
    const headers = { ...request.headers };
    delete headers.connection;
    delete headers['keep-alive'];
    const upstream = http.request({ host: '127.0.0.1', port: target, method: request.method, path: request.url, headers, agent }, (answer) => {
      const back = { ...answer.headers };
      delete back.connection;
      delete back['keep-alive'];
      response.writeHead(answer.statusCode ?? 502, back);
      answer.pipe(response);
    });
    upstream.on('error', () => (response.headersSent ? response.destroy() : response.writeHead(502).end()));
    request.pipe(upstream);
  });
  server.keepAliveTimeout = 30_000;
  server.on('close', () => agent.destroy());
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

const load = () => os.loadavg()[0].toFixed(1);

async function main() {
  const dist = process.env.NEXT_DIST_DIR || '.next';
  if (!fs.existsSync(path.join(root, dist, 'BUILD_ID'))) throw new Error(`No production build in ${dist}: run \`NEXT_DIST_DIR=${dist} npx next build\` first.`);
  const url = await database();

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // Every published place in random order: 2,000 popular ones, the others for the distinct URLs.
  const allSlugs = (await client.query<{ slug: string }>(`SELECT slug FROM "Place" WHERE status = 'published' ORDER BY random()`)).rows.map((r) => r.slug);
  const popularSlugs = allSlugs.slice(0, 2000);
  const distinctSlugs = allSlugs.slice(2000);
  const ids = (await client.query<{ id: string }>(`SELECT id::text FROM "Place" WHERE status = 'published' ORDER BY random() LIMIT 2000`)).rows.map((r) => r.id);
  const total = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Place"`)).rows[0].n;
  // Towns holding places that the offline geocoder places without doubt (name and postcode).
  const towns = (
    await client.query<{ commune: string; postcode: string }>(
      `SELECT commune, postcode FROM "Place" WHERE status = 'published' GROUP BY commune, postcode HAVING count(*) >= 2 ORDER BY random() LIMIT 600`,
    )
  ).rows
    .map((r) => ({ text: `${r.commune} ${r.postcode}`, found: resolveCommune(`${r.commune} ${r.postcode}`) }))
    .filter((t) => t.found && t.found.postcodes.length > 0)
    .slice(0, 300)
    .map((t) => t.text);
  await client.end();
  const distinctSearches = shuffle(towns.flatMap((town) => DISTINCT_RADII.flatMap((km) => DISTINCT_FILTERS.map((f) => `/recherche?ou=${encodeURIComponent(town)}&rayon=${km}${f}`))));

  const ports = INSTANCES === 1 ? [PORT] : Array.from({ length: INSTANCES }, (_, i) => PORT + 1 + i);
  const front = `http://127.0.0.1:${PORT}`;
  const apps: ChildProcess[] = ports.map((port) =>
    spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-H', '127.0.0.1', '-p', String(port)], {
      cwd: root,
      env: { ...process.env, NODE_OPTIONS: `--max-old-space-size=${HEAP_MB}`, DATABASE_URL: url, DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? '20', NODE_ENV: 'production', NEXTAUTH_URL: front, NEXTAUTH_SECRET: 'loadtest-secret-0123456789abcdef', E2E: '', REDIS_URL: '', LOG_LEVEL: 'warn', TRUSTED_PROXY_HOPS: '1' },
      stdio: ['ignore', 'ignore', 'inherit'],
    }),
  );
  const proxy = INSTANCES > 1 ? await roundRobinProxy(PORT, ports) : null;
  const memory = () => apps.reduce((sum, app) => sum + memoryOf(app.pid!), 0);
  const stop = () => {
    proxy?.close();
    for (const app of apps) if (app.exitCode === null) app.kill('SIGTERM');
  };
  process.on('SIGINT', () => (stop(), process.exit(130)));
  try {
    for (const port of ports) {
      for (let i = 0; i < 200; i++) {
        if (await fetch(`http://127.0.0.1:${port}/api/ready`).then((r) => r.ok, () => false)) break;
        await new Promise((r) => setTimeout(r, 300));
      }
    }
    const popularPlace = zipf(popularSlugs);
    const phases: Phase[] = [
      { name: 'search, distinct URLs', path: never(distinctSearches, 'search') },
      { name: 'search, popular URLs', path: () => `/recherche?ou=${encodeURIComponent(pick(TOWNS))}${pick(FILTERS)}` },
      { name: 'place, distinct URLs', path: never(distinctSlugs.map((slug) => `/lieux/${slug}`), 'place') },
      { name: 'place, popular URLs', path: () => `/lieux/${popularPlace()}` },
      { name: 'API', path: () => pick([`/api/v1/lieux/${pick(ids)}`, `/api/v1/lieux?limite=50&apres=${pick(ids)}`, `/api/v1/lieux?limite=20&besoin=AideAuxDemarchesAdministratives&lat=47.47&lng=-0.55&rayon=30`]) },
    ].filter((phase) => ONLY.length === 0 || ONLY.some((only) => phase.name.toLowerCase().startsWith(only.toLowerCase())));

    // Does the app say where its pages come from? (Only routes that use the page cache do.)
    for (const probe of ['/recherche?ou=Angers', `/lieux/${popularSlugs[0]}`]) {
      const answer = await fetch(`${front}${probe}`, { headers: { 'x-forwarded-for': visitor() } }).catch(() => null);
      const size = answer ? Buffer.byteLength(await answer.text()) : 0;
      console.log(`probe ${probe.slice(0, 40).padEnd(40)} ${answer?.status ?? 'no answer'}, ${size} bytes of HTML, X-Page-Cache: ${answer?.headers.get('x-page-cache') ?? '(absent)'}`);
    }
    console.log(
      `Load test: ${total} places, ${CONNECTIONS} connections, ${SECONDS} s per phase (after a 5 s warm-up), ${INSTANCES} instance(s)${INSTANCES > 1 ? ` behind a round-robin proxy on ${front}` : ` on ${front}`}, PAGE_CACHE=${process.env.PAGE_CACHE || 'on'}, ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`,
    );
    console.log(`Distinct URLs available: ${distinctSearches.length} searches (${towns.length} towns × ${DISTINCT_RADII.length} radii × ${DISTINCT_FILTERS.length} filter sets), ${distinctSlugs.length} places (+ 2,000 popular ones).`);
    const results = [];
    for (const phase of phases) {
      await run(front, phase, 5);
      const memoryBefore = memory();
      const result = await run(front, phase, SECONDS);
      results.push({ ...result, load: load(), memoryMiB: [Math.round(memoryBefore), Math.round(memory())] });
    }
    console.log('\nphase                   req/s    p50 ms   p99 ms   requests  distinct/asked URLs   errors   page cache hits            load   memory MiB (before → after)');
    for (const r of results) {
      console.log(
        `${r.phase.padEnd(22)} ${String(r.requestsPerSecond).padStart(6)} ${String(r.p50).padStart(8)} ${String(r.p99).padStart(8)} ${String(r.requests).padStart(10)} ${r.urls.padStart(19)} ${String(r.errors).padStart(8)}   ${cacheColumn(r.cache).padEnd(26)} ${r.load.padStart(5)}   ${r.memoryMiB[0]} → ${r.memoryMiB[1]}`,
      );
    }

    for (const r of results) if (r.errors) console.log(`${r.phase}: ${r.statuses.non2xx} non-2xx, ${r.statuses.errors - r.statuses.timeouts} connection errors, ${r.statuses.timeouts} timeouts (> 10 s)`);

    if (SOAK_MINUTES > 0) {
      console.log(`\nSoak: the phases mixed for ${SOAK_MINUTES} min, memory sampled every 30 s`);
      const mix: Phase = { name: 'mix', path: () => pick(phases).path() };
      const samples: number[] = [];
      const sampler = setInterval(() => samples.push(memory()), 30_000);
      const soak = await run(front, mix, SOAK_MINUTES * 60);
      clearInterval(sampler);
      samples.push(memory());
      const first = samples[1] ?? samples[0];
      const last = samples[samples.length - 1];
      console.log(`mix          ${soak.requestsPerSecond} req/s, p50 ${soak.p50} ms, p99 ${soak.p99} ms, ${soak.requests} requests, ${soak.errors} errors, page cache ${cacheColumn(soak.cache)}, load ${load()}`);
      console.log(`memory MiB every 30 s: ${samples.map((m) => Math.round(m)).join(' ')}`);
      console.log(`growth from the first minute to the end: ${(((last - first) / first) * 100).toFixed(1)} %`);
    }
  } finally {
    stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
