// Place page benchmark: server render time of /lieux/<slug> through the production build
// (`next start`), on the demo places plus synthetic places over France (so the nearby-places
// query runs against a realistic table). A bounded loop of sequential requests, then a short run
// with a few concurrent clients; p50/p95/p99 and the page weight.
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres NEXT_DIST_DIR=.next-place npm run bench -- place-page
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createPrismaClient } from '../lib/db/client';
import { seedDemo } from '../prisma/seed';
import { openBenchDatabase, percentiles } from './database';
import { seedSyntheticPlaces } from './synthetic';

const SYNTHETIC = Number(process.env.BENCH_PLACES ?? 20_000);
const REQUESTS = Number(process.env.BENCH_RUNS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const PORT = process.env.BENCH_PORT ?? '3203';
const root = path.join(__dirname, '..');

const fmt = (p: { p50: number; p95: number; p99: number; n: number }) => `p50 ${p.p50.toFixed(1)} ms, p95 ${p.p95.toFixed(1)} ms, p99 ${p.p99.toFixed(1)} ms (${p.n} requests)`;

async function main() {
  const dist = process.env.NEXT_DIST_DIR || '.next';
  if (!fs.existsSync(path.join(root, dist, 'BUILD_ID'))) throw new Error(`No production build in ${dist}: run \`NEXT_DIST_DIR=${dist} npx next build\` first.`);

  const database = await openBenchDatabase('reperes_bench_place');
  const prisma = createPrismaClient(database.url, { max: 2 });
  await seedDemo(prisma, { testFixture: true });
  const demo = await prisma.place.findMany({ where: { status: 'PUBLISHED' }, select: { slug: true }, orderBy: { slug: 'asc' } });
  if (SYNTHETIC > 0) await seedSyntheticPlaces(database.url, SYNTHETIC);
  const synthetic = await prisma.$queryRaw<Array<{ slug: string }>>`SELECT slug FROM "Place" WHERE status = 'published' AND slug LIKE 'lieu-synthetique-%' ORDER BY random() LIMIT 40`;
  await prisma.$disconnect();
  const slugs = [...demo.map((p) => p.slug), ...synthetic.map((p) => p.slug)];
  console.log(`${slugs.length} place pages in the loop (${demo.length} demo, ${synthetic.length} synthetic); table of ${SYNTHETIC + demo.length} places`);

  const app = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', PORT], {
    cwd: root,
    // Every request a real render: the page cache (measured by the load test) is off here.
    env: { ...process.env, NODE_OPTIONS: '', PAGE_CACHE: 'off', SEARCH_RATE_LIMIT: '1000000', DATABASE_URL: database.url, NODE_ENV: 'production', NEXTAUTH_URL: `http://localhost:${PORT}`, NEXTAUTH_SECRET: 'bench-secret-0123456789abcdef', E2E: '' },
    stdio: 'ignore',
  });
  try {
    let up = false;
    for (let i = 0; i < 100 && !up; i++) {
      up = await fetch(`http://localhost:${PORT}/api/health`).then((r) => r.ok, () => false);
      if (!up) await new Promise((r) => setTimeout(r, 300));
    }
    if (!up) throw new Error(`next start did not answer on port ${PORT}`);

    let bytes = 0;
    const render = async (slug: string) => {
      const started = performance.now();
      const response = await fetch(`http://localhost:${PORT}/lieux/${slug}`);
      const html = await response.text();
      const elapsed = performance.now() - started;
      if (response.status !== 200) throw new Error(`/lieux/${slug}: ${response.status}`);
      bytes = Math.max(bytes, html.length);
      return elapsed;
    };

    for (const slug of slugs) await render(slug); // warm-up: every page once

    const sequential: number[] = [];
    for (let i = 0; i < REQUESTS; i++) sequential.push(await render(slugs[i % slugs.length]));
    console.log(`\nServer render of a place page, sequential: ${fmt(percentiles(sequential))}`);

    const concurrent: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < REQUESTS) concurrent.push(await render(slugs[next++ % slugs.length]));
      }),
    );
    console.log(`Server render of a place page, ${CONCURRENCY} concurrent clients: ${fmt(percentiles(concurrent))}`);

    const html = await (await fetch(`http://localhost:${PORT}/lieux/${demo[0].slug}`)).text();
    const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]);
    let js = 0;
    for (const src of scripts) js += zlib.gzipSync(Buffer.from(await (await fetch(`http://localhost:${PORT}${src}`)).arrayBuffer())).length;
    console.log(
      `Page weight: HTML up to ${(bytes / 1024).toFixed(1)} kB (${(zlib.gzipSync(html).length / 1024).toFixed(1)} kB gzip); JavaScript at load ${(js / 1024).toFixed(1)} kB gzip (${scripts.length} scripts)`,
    );
    console.log(`Target: p95 < 80 ms (sequential).`);
  } finally {
    app.kill('SIGTERM');
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
