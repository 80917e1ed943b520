// Search benchmark: 100,000 synthetic places over France; p50/p95 of the search function (the
// database layer) for typical queries, then of the full server render of /recherche and of a
// place page through the production build, and the JavaScript shipped for /recherche.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createPrismaClient } from '../lib/db/client';
import { parseSearchParams } from '../lib/search/filters';
import { instantAt } from '../lib/hours';
import { openBenchDatabase, percentiles } from './database';
import { seedSyntheticPlaces } from './synthetic';

const N = Number(process.env.BENCH_PLACES ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const root = path.join(__dirname, '..');

async function time(fn: () => Promise<unknown>, runs = RUNS) {
  for (let i = 0; i < 3; i++) await fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return percentiles(samples);
}

const fmt = (p: { p50: number; p95: number }) => `p50 ${p.p50.toFixed(1)} ms, p95 ${p.p95.toFixed(1)} ms`;

async function main() {
  const database = await openBenchDatabase('reperes_bench_search');
  let started = Date.now();
  await seedSyntheticPlaces(database.url, N);
  console.log(`seeded ${N} places in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  process.env.DATABASE_URL = database.url;
  const { searchPlaces } = await import('../lib/search');
  const db = createPrismaClient(database.url, { max: 4 });
  const now = instantAt('Europe/Paris', 2026, 3, 10, 10, 30);
  const queries: Record<string, Record<string, string | string[]>> = {
    'town + 10 km': { ou: 'Angers', rayon: '10' },
    'town + 10 km + 2 filters': { ou: 'Lyon', rayon: '10', besoin: 'AideAuxDemarchesAdministratives', frais: 'Gratuit' },
    'town + 10 km + open now': { ou: 'Toulouse', rayon: '10', ouvert: 'maintenant' },
    'national text search': { q: 'Espace numérique 4242' },
    'national, 2 filters, no place': { besoin: 'MaterielInformatiqueAPrixSolidaire', frais: 'Payant' },
  };
  console.log(`\nsearchPlaces() on ${N} places (database layer, ${RUNS} runs each):`);
  for (const [label, params] of Object.entries(queries)) {
    const { filters } = parseSearchParams(params);
    const result = await searchPlaces(filters, { db, now });
    const p = await time(() => searchPlaces(filters, { db, now }));
    console.log(`  ${label.padEnd(32)} ${fmt(p)}  (${result.total} results)`);
  }
  await db.$disconnect();

  // Full server render through the production build.
  const dist = process.env.NEXT_DIST_DIR || '.next';
  if (!fs.existsSync(path.join(root, dist, 'BUILD_ID'))) {
    spawnSync(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], { cwd: root, stdio: 'inherit' });
  }
  const port = String(3900 + Math.floor(Math.random() * 50));
  const app = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', port], {
    cwd: root,
    // Every request a real render: the page cache (measured by the load test) is off here.
    env: { ...process.env, NODE_OPTIONS: '', PAGE_CACHE: 'off', SEARCH_RATE_LIMIT: '1000000', DATABASE_URL: database.url, NODE_ENV: 'production', NEXTAUTH_URL: `http://localhost:${port}`, NEXTAUTH_SECRET: 'bench-secret-0123456789abcdef' },
    stdio: 'ignore',
  });
  try {
    for (let i = 0; i < 100; i++) {
      if (await fetch(`http://localhost:${port}/api/health`).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 300));
    }
    const page = async (url: string) => {
      const response = await fetch(`http://localhost:${port}${url}`);
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      await response.text();
    };
    console.log(`\nServer render through next start (${RUNS} sequential requests):`);
    for (const url of ['/recherche?ou=Angers&rayon=10', '/recherche?ou=Lyon&besoin=AideAuxDemarchesAdministratives&frais=Gratuit', '/lieux/lieu-synthetique-4242']) {
      console.log(`  ${url.padEnd(70)} ${fmt(await time(() => page(url)))}`);
    }

    // JavaScript shipped for /recherche: every script of the page and every module it imports,
    // at once (static imports) or later (the map, a dynamic import), compressed.
    const html = await (await fetch(`http://localhost:${port}/recherche?ou=Angers`)).text();
    const entries = [...html.matchAll(/<script[^>]+src="([^"]+)"[^>]*>/g)].map((m) => m[1]);
    const sizes = new Map<string, { gzip: number; lazy: boolean }>();
    const visit = async (src: string, lazy: boolean) => {
      const known = sizes.get(src);
      if (known && (lazy || !known.lazy)) return;
      const body = Buffer.from(await (await fetch(`http://localhost:${port}${src}`)).arrayBuffer());
      sizes.set(src, { gzip: zlib.gzipSync(body).length, lazy });
      const code = body.toString('utf8');
      const resolve = (spec: string) => new URL(spec, `http://x${src}`).pathname;
      for (const m of code.matchAll(/import\(\s*["'](\.{1,2}\/[^"']+\.js)["']\s*\)/g)) await visit(resolve(m[1]), true);
      for (const m of code.matchAll(/(?:from|import)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) await visit(resolve(m[1]), lazy);
    };
    for (const src of entries) await visit(src, false);
    const sum = (lazy: boolean) => [...sizes.values()].filter((s) => s.lazy === lazy).reduce((total, s) => total + s.gzip, 0);
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
    console.log(
      `\nJavaScript for /recherche: ${kb(sum(false))} gzip at load (${entries.length} script${entries.length > 1 ? 's' : ''}) + ${kb(sum(true))} gzip for the map (Leaflet, clusters), loaded after → ${kb(sum(false) + sum(true))} in all; Next.js runtime scripts: ${[...sizes.keys()].filter((src) => src.startsWith('/_next/')).length}`,
    );
    console.log(`HTML of /recherche?ou=Angers: ${kb(Buffer.byteLength(html))}, ${kb(zlib.gzipSync(html).length)} gzip`);
  } finally {
    app.kill('SIGTERM');
    await database.stop();
  }
  started = 0;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
