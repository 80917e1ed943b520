// Place page benchmark: server render time of /lieux/<slug> through the production build
// (`next start`, a fresh process: cold caches, page cache off), on the demo places plus synthetic
// places drawn from the real sources (bench/synthetic.ts), so the nearby-places query runs against
// a realistic table. Every place page is asked once: sequentially, then with a few concurrent
// clients (other places); "now" spread over four weeks through the test clock (E2E=1,
// ?maintenant=); p50/p95/p99 and the page weight.
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres NEXT_DIST_DIR=.next-place npm run bench -- place-page
import zlib from 'node:zlib';
import { createPrismaClient } from '../lib/db/client';
import { seedDemo } from '../prisma/seed';
import { describeSettings, startApp } from './app';
import { openBenchDatabase } from './database';
import { compareAndSave, type Figure } from './results';
import { summarise, timed } from './timing';
import { random, seedSyntheticPlaces } from './synthetic';

const SYNTHETIC = Number(process.env.BENCH_PLACES ?? 100_000);
const REQUESTS = Number(process.env.BENCH_RUNS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const PORT = Number(process.env.BENCH_PORT ?? 3203);

const fmt = (p: { p50: number; p95: number; p99: number; n: number }) =>
  `p50 ${p.p50.toFixed(1)} ms, p95 ${p.p95.toFixed(1)} ms, p99 ${p.p99.toFixed(1)} ms (${p.n} distinct places)`;

async function main() {
  const database = await openBenchDatabase('reperes_bench_place');
  const prisma = createPrismaClient(database.url, { max: 2 });
  await seedDemo(prisma, { testFixture: true });
  const dataset = SYNTHETIC > 0 ? await seedSyntheticPlaces(database.url, SYNTHETIC) : null;
  // Every place asked once: 2 × REQUESTS + 1 (a route warm-up) distinct places in a fixed random order.
  const slugs = (
    await prisma.$queryRaw<Array<{ slug: string }>>`SELECT slug FROM "Place" WHERE status = 'published' ORDER BY md5(slug) LIMIT ${REQUESTS * 2 + 1}`
  ).map((p) => p.slug);
  const total = await prisma.place.count();
  await prisma.$disconnect();
  console.log(
    `${total} places (${dataset ? `${dataset.distinctSchedules} distinct weekly schedules, ${dataset.distinctServiceSets} service sets` : 'demo only'}); ${slugs.length - 1} distinct place pages asked`,
  );

  const app = await startApp({ port: PORT, databaseUrl: database.url, settings: { PAGE_CACHE: 'off', E2E: '1' } });
  const figures: Figure[] = [];
  const raw: Record<string, unknown> = {};
  try {
    const rand = random(9);
    let bytes = 0;
    let errors = 0;
    const render = async (slug: string) => {
      const now = new Date(Date.UTC(2026, 2, 30) + Math.floor(rand() * 28 * 86_400_000)).toISOString();
      const {
        ms: elapsed,
        value: { response, html },
      } = await timed(async () => {
        const response = await fetch(`${app.url}/lieux/${slug}?maintenant=${encodeURIComponent(now)}`, { headers: { 'accept-encoding': 'gzip' } });
        return { response, html: await response.text() };
      });
      if (response.status !== 200) errors++;
      bytes = Math.max(bytes, html.length);
      return elapsed;
    };
    await render(slugs[slugs.length - 1]); // loads the route's modules; not measured
    console.log(`next start: ${describeSettings(app.settings)} (page cache off, test clock on)`);

    const sequential: number[] = [];
    for (const slug of slugs.slice(0, REQUESTS)) sequential.push(await render(slug));
    const seq = summarise(sequential);
    console.log(`\nServer render of a place page, sequential: ${fmt(seq)}`);

    const concurrent: number[] = [];
    const queue = slugs.slice(REQUESTS, REQUESTS * 2);
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let slug = queue.shift(); slug; slug = queue.shift()) concurrent.push(await render(slug));
      }),
    );
    const con = summarise(concurrent);
    console.log(`Server render of a place page, ${CONCURRENCY} concurrent clients: ${fmt(con)}; ${errors} non-200 answers`);

    const html = await (await fetch(`${app.url}/lieux/${slugs[0]}`)).text();
    const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]);
    let js = 0;
    for (const src of scripts) js += zlib.gzipSync(Buffer.from(await (await fetch(`${app.url}${src}`)).arrayBuffer())).length;
    console.log(
      `Page weight: HTML up to ${(bytes / 1024).toFixed(1)} kB (${(zlib.gzipSync(html).length / 1024).toFixed(1)} kB gzip); JavaScript at load ${(js / 1024).toFixed(1)} kB gzip (${scripts.length} scripts)`,
    );
    figures.push(
      { key: 'place.sequential.p50', label: 'place page, distinct places, sequential, p50', value: seq.p50, unit: 'ms', better: 'lower' },
      { key: 'place.sequential.p95', label: 'place page, distinct places, sequential, p95', value: seq.p95, unit: 'ms', better: 'lower' },
      { key: 'place.concurrent.p95', label: `place page, distinct places, ${CONCURRENCY} clients, p95`, value: con.p95, unit: 'ms', better: 'lower' },
      { key: 'place.html.maxKB', label: 'place page HTML, largest', value: Math.round((bytes / 1024) * 10) / 10, unit: 'kB', better: 'lower' },
    );
    raw.sequential = seq;
    raw.concurrent = { ...con, clients: CONCURRENCY };
    raw.errors = errors;
    raw.javascriptGzipBytes = js;
    await compareAndSave({
      name: 'place-page',
      databaseUrl: database.url,
      scale: { places: SYNTHETIC, requests: REQUESTS },
      dataset,
      settings: { app: describeSettings(app.settings) },
      figures,
      raw,
    });
  } finally {
    await app.stop();
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
