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
