// A fresh, migrated database for a benchmark: on the server named by BENCH_DATABASE_URL, or on
// an embedded PostgreSQL of its own (data in .data/bench-postgres). BENCH_DB_SUFFIX is added to
// every database name, so that several people can run benchmarks on one server.
import { createFreshDatabase } from '../lib/db/fresh';

export function openBenchDatabase(name: string) {
  return createFreshDatabase({ name: `${name}${process.env.BENCH_DB_SUFFIX ?? ''}`, serverUrl: process.env.BENCH_DATABASE_URL, embeddedDir: '.data/bench-postgres', port: Number(process.env.BENCH_PG_PORT ?? 54332) });
}

/** p50/p95/p99 of a list of durations in milliseconds. */
export function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), n: sorted.length };
}
