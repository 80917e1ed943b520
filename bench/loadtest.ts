// `npm run loadtest`: the production build (`next start`) under load, on loopback only and
// bounded in time, against a database of 100,000 synthetic places spread over France. Three
// phases at 50 concurrent connections — the search page, place pages, the API — each reporting
// requests/s, p50/p99 latency and errors, then (optionally) a soak on the mix, sampling the app's
// memory. A benchmark: it measures, never fails the build, and is not part of `npm test`.
//
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres NEXT_DIST_DIR=.next-ops npm run loadtest
//   Options (environment): LOADTEST_PLACES (100000), LOADTEST_CONNECTIONS (50), LOADTEST_SECONDS
//   per phase (20), LOADTEST_SOAK_MINUTES (0; the soak is 10), LOADTEST_PORT (3400),
//   LOADTEST_REUSE=1 keeps an already seeded database.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { createPrismaClient } from '../lib/db/client';
import { createFreshDatabase } from '../lib/db/fresh';
import { seedDemo } from '../prisma/seed';
import { seedSyntheticPlaces } from './synthetic';

const PLACES = Number(process.env.LOADTEST_PLACES ?? 100_000);
const CONNECTIONS = Number(process.env.LOADTEST_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.LOADTEST_SECONDS ?? 20);
const SOAK_MINUTES = Number(process.env.LOADTEST_SOAK_MINUTES ?? 0);
const PORT = Number(process.env.LOADTEST_PORT ?? 3400);
const NAME = process.env.LOADTEST_DB_NAME ?? 'reperes_loadtest';
const root = path.join(__dirname, '..');
const base = `http://127.0.0.1:${PORT}`;

// Towns the offline geocoder places (Paris, Lyon and Marseille are split into arrondissements in the
// reference list the synthetic places come from, so they hold no synthetic place and an unresolved
// town lists the whole country: a separate worst case, see bench/README.md).
const TOWNS = ['Angers', 'Saumur', 'Nantes', 'Lille', 'Rennes', 'Cholet', 'Brest', 'Dijon', 'Tours', 'Le Mans', 'Limoges', 'Pau', 'Toulouse', 'Bordeaux', 'Nice', 'Strasbourg', 'Montpellier'];
const FILTERS = ['', '&besoin=AideAuxDemarchesAdministratives', '&frais=Gratuit', '&ouvert=maintenant', '&rayon=30', '&type=france-services', '&besoin=MaitriseDesOutilsNumeriques&rayon=20', '&page=2'];

const pick = <T,>(list: T[]) => list[Math.floor(Math.random() * list.length)];
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

async function run(phase: Phase, seconds: number) {
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 10,
    requests: [{ setupRequest: (request) => ({ ...request, path: phase.path(), headers: { ...request.headers, 'x-forwarded-for': visitor(), 'accept-encoding': 'gzip' } }) }],
  });
  const errors = result.errors + result.timeouts + result.non2xx;
  return {
    phase: phase.name,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors,
    errorRate: result.requests.total ? errors / result.requests.total : 0,
    statuses: { '2xx': result['2xx'], non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts },
  };
}

async function main() {
  const dist = process.env.NEXT_DIST_DIR || '.next';
  if (!fs.existsSync(path.join(root, dist, 'BUILD_ID'))) throw new Error(`No production build in ${dist}: run \`NEXT_DIST_DIR=${dist} npx next build\` first.`);
  const url = await database();

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const slugs = (await client.query<{ slug: string }>(`SELECT slug FROM "Place" WHERE status = 'published' ORDER BY random() LIMIT 5000`)).rows.map((r) => r.slug);
  const ids = (await client.query<{ id: string }>(`SELECT id::text FROM "Place" WHERE status = 'published' ORDER BY random() LIMIT 2000`)).rows.map((r) => r.id);
  const total = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Place"`)).rows[0].n;
  await client.end();

  const app = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-H', '127.0.0.1', '-p', String(PORT)], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: url, DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? '20', NODE_ENV: 'production', NEXTAUTH_URL: base, NEXTAUTH_SECRET: 'loadtest-secret-0123456789abcdef', E2E: '', REDIS_URL: '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = () => app.exitCode === null && app.kill('SIGTERM');
  process.on('SIGINT', () => (stop(), process.exit(130)));
  try {
    for (let i = 0; i < 200; i++) {
      if (await fetch(`${base}/api/ready`).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 300));
    }
    const phases: Phase[] = [
      { name: 'search page', path: () => `/recherche?ou=${encodeURIComponent(pick(TOWNS))}${pick(FILTERS)}` },
      { name: 'place page', path: () => `/lieux/${pick(slugs)}` },
      { name: 'API', path: () => pick([`/api/v1/lieux/${pick(ids)}`, `/api/v1/lieux?limite=50&apres=${pick(ids)}`, `/api/v1/lieux?limite=20&besoin=AideAuxDemarchesAdministratives&lat=47.47&lng=-0.55&rayon=30`]) },
    ];
    console.log(`Load test: ${total} places, ${CONNECTIONS} connections, ${SECONDS} s per phase (after a 5 s warm-up), loopback ${base}`);
    const results = [];
    for (const phase of phases) {
      await run(phase, 5);
      const memoryBefore = memoryOf(app.pid!);
      const result = await run(phase, SECONDS);
      results.push({ ...result, memoryMiB: [Math.round(memoryBefore), Math.round(memoryOf(app.pid!))] });
    }
    console.log('\nphase         req/s    p50 ms   p99 ms   requests   errors   memory MiB (before → after)');
    for (const r of results) {
      console.log(`${r.phase.padEnd(12)} ${String(r.requestsPerSecond).padStart(6)} ${String(r.p50).padStart(8)} ${String(r.p99).padStart(8)} ${String(r.requests).padStart(10)} ${String(r.errors).padStart(8)}   ${r.memoryMiB[0]} → ${r.memoryMiB[1]}`);
    }

    if (SOAK_MINUTES > 0) {
      console.log(`\nSoak: the three pages mixed for ${SOAK_MINUTES} min, memory sampled every 30 s`);
      const mix: Phase = { name: 'mix', path: () => pick(phases).path() };
      const samples: number[] = [];
      const sampler = setInterval(() => samples.push(memoryOf(app.pid!)), 30_000);
      const soak = await run(mix, SOAK_MINUTES * 60);
      clearInterval(sampler);
      samples.push(memoryOf(app.pid!));
      const first = samples[1] ?? samples[0];
      const last = samples[samples.length - 1];
      console.log(`mix          ${soak.requestsPerSecond} req/s, p50 ${soak.p50} ms, p99 ${soak.p99} ms, ${soak.requests} requests, ${soak.errors} errors`);
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
