// Page cache benchmark (lib/cache/page-cache.ts): what a hit costs, with what the caller adds to
// every response (the nonce put back, gzip), and how long a change takes to empty the caches of
// other processes (an UPDATE through one connection, a listening cache on another).
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench -- page-cache
import zlib from 'node:zlib';
import pg from 'pg';
import { createPageCache, NONCE_TOKEN } from '../lib/cache/page-cache';
import { openBenchDatabase } from './database';
import { percentiles } from './timing';
import { compareAndSave, type Figure } from './results';

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

/** A page of about `kb` kB: varied French text (so that gzip has real work), the nonce in five places. */
function page(kb: number): string {
  let seed = kb;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const words = [
    'Espace',
    'numérique',
    'l’Atelier',
    'médiathèque',
    'France',
    'Services',
    'centre',
    'social',
    'des',
    'Tilleuls',
    'Saint-Martin',
    'aide',
    'démarches',
    'gratuit',
    'rendez-vous',
    'ouvert',
    'fermé',
    'samedi',
    'matin',
  ];
  const rows: string[] = [];
  let size = 0;
  while (size < kb * 1024) {
    const name = Array.from({ length: 4 }, () => words[Math.floor(random() * words.length)]).join(' ');
    const row = `<li class="result"><a href="/lieux/lieu-${Math.floor(random() * 1e6)}">${name}</a> — ${(random() * 30).toFixed(1)} km, ${Math.floor(random() * 99999)} ${name.slice(0, 12)}</li>\n`;
    rows.push(row);
    size += row.length;
  }
  const scripts = Array.from({ length: 5 }, (_, i) => `<script nonce="${NONCE_TOKEN}" src="/_next/static/chunks/${i}.js"></script>`).join('');
  return `<!doctype html><html lang="fr"><head>${scripts}</head><body><ul>${rows.join('')}</ul></body></html>`;
}

function timePerOp(run: () => void, ms = 1000): number {
  for (let i = 0; i < 50; i++) run();
  let n = 0;
  const started = process.hrtime.bigint();
  const until = started + BigInt(ms) * 1_000_000n;
  while (process.hrtime.bigint() < until) {
    run();
    n++;
  }
  return Number(process.hrtime.bigint() - started) / 1e3 / n; // µs
}

async function main() {
  const database = await openBenchDatabase(process.env.BENCH_DB_NAME ?? 'reperes_bench_page_cache');
  const cache = createPageCache({ enabled: true, databaseUrl: database.url, logger: quiet });
  if (!(await cache.whenListening(10_000))) throw new Error('The page cache did not start listening.');

  const figures: Figure[] = [];
  const raw: Record<string, unknown> = {};
  for (const kb of [40, 150]) {
    const body = page(kb);
    await cache.cachedPage(`/p/${kb}`, async () => ({ status: 200, body }));
    // cachedPage is async: measure batches of awaited hits.
    const batch = 1000;
    const started = process.hrtime.bigint();
    for (let i = 0; i < 20; i++) await Promise.all(Array.from({ length: batch }, () => cache.cachedPage(`/p/${kb}`, async () => ({ status: 200, body }))));
    const hitUs = Number(process.hrtime.bigint() - started) / 1e3 / (20 * batch);
    const nonceUs = timePerOp(() => body.replaceAll(NONCE_TOKEN, 'bm9uY2Utb2YtdGhlLXJlcXVlc3Q='));
    const replaced = body.replaceAll(NONCE_TOKEN, 'bm9uY2Utb2YtdGhlLXJlcXVlc3Q=');
    const gzipUs = timePerOp(() => zlib.gzipSync(replaced), 2000);
    const gzipped = zlib.gzipSync(replaced).length;
    console.log(
      `${kb} kB page (${Buffer.byteLength(body)} bytes, ${gzipped} gzipped): hit ${hitUs.toFixed(1)} µs, nonce replaced ${nonceUs.toFixed(0)} µs, gzip ${(gzipUs / 1000).toFixed(2)} ms per response`,
    );
    figures.push(
      { key: `hit.${kb}kB`, label: `${kb} kB page, hit`, value: Math.round(hitUs * 100) / 100, unit: 'µs', better: 'lower' },
      { key: `gzip.${kb}kB`, label: `${kb} kB page, gzip per response`, value: Math.round(gzipUs) / 1000, unit: 'ms', better: 'lower' },
    );
    raw[`${kb}kB`] = { bytes: Buffer.byteLength(body), gzipped, hitUs, nonceUs, gzipUs };
  }
  console.log(`cache: ${JSON.stringify(cache.stats())}`);

  // Invalidation across processes: from sending a change (one autocommitted UPDATE) through one
  // connection to an empty cache on the listening one.
  const writer = new pg.Client({ connectionString: database.url });
  await writer.connect();
  const samples: number[] = [];
  for (let i = 0; i < 50; i++) {
    await cache.cachedPage('/lieux/x', async () => ({ status: 200, body: 'x' }));
    const sent = performance.now();
    await writer.query(`UPDATE "Commune" SET name = name WHERE false`);
    while (cache.stats().entries > 0) await new Promise((r) => setImmediate(r));
    samples.push(performance.now() - sent);
  }
  const p = percentiles(samples);
  console.log(`invalidation, from the UPDATE sent to an empty cache: p50 ${p.p50.toFixed(2)} ms, p99 ${p.p99.toFixed(2)} ms (${p.n} changes)`);
  figures.push({ key: 'invalidation.p99', label: 'invalidation across processes, p99', value: Math.round(p.p99 * 100) / 100, unit: 'ms', better: 'lower' });
  raw.invalidation = p;
  await compareAndSave({
    name: 'page-cache',
    databaseUrl: database.url,
    scale: { changes: 50 },
    dataset: 'synthetic pages of varied French text, 40 and 150 kB',
    figures,
    raw,
  });
  await writer.end();
  await cache.close();
  await database.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
