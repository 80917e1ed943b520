// A fresh, migrated database for a benchmark: on the server named by BENCH_DATABASE_URL, or on
// an embedded PostgreSQL of its own (data in .data/bench-postgres). BENCH_DB_SUFFIX is added to
// every database name, so that several people can run benchmarks on one server.
import { createFreshDatabase } from '../lib/db/fresh';

export function openBenchDatabase(name: string) {
  return createFreshDatabase({
    name: `${name}${process.env.BENCH_DB_SUFFIX ?? ''}`,
    serverUrl: process.env.BENCH_DATABASE_URL,
    embeddedDir: '.data/bench-postgres',
    port: Number(process.env.BENCH_PG_PORT ?? 54332),
  });
}

/** The URL of a benchmark's database on BENCH_DATABASE_URL's server, without recreating it (BENCH_REUSE). */
export function benchDatabaseUrl(name: string): string {
  if (!process.env.BENCH_DATABASE_URL) throw new Error('BENCH_REUSE needs BENCH_DATABASE_URL (a server that keeps the database between runs).');
  const url = new URL(process.env.BENCH_DATABASE_URL);
  url.pathname = `/${name}${process.env.BENCH_DB_SUFFIX ?? ''}`;
  return url.toString();
}
