// A fresh, migrated database for a benchmark: on the server named by BENCH_DATABASE_URL, or on
// an embedded PostgreSQL of its own (data in .data/bench-postgres).
import { recreateDatabase, startEmbeddedPostgres } from '../lib/db/embedded';
import { migrateDeploy } from '../lib/db/migrate';

export async function openBenchDatabase(name: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const serverUrl = process.env.BENCH_DATABASE_URL;
  if (serverUrl) {
    const admin = new URL(serverUrl);
    admin.pathname = '/postgres';
    await recreateDatabase(admin.toString(), name);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    await migrateDeploy(url.toString());
    return { url: url.toString(), stop: async () => undefined };
  }
  const embedded = await startEmbeddedPostgres({ dir: '.data/bench-postgres', port: Number(process.env.BENCH_PG_PORT ?? 54332), database: 'postgres' });
  await recreateDatabase(embedded.adminUrl, name);
  const url = embedded.url.replace(/\/postgres$/, `/${name}`);
  await migrateDeploy(url);
  return { url, stop: embedded.stop };
}

/** p50/p95/p99 of a list of durations in milliseconds. */
export function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), n: sorted.length };
}
