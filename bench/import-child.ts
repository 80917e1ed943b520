// One import in a process of its own, as `npm run import` runs it (the data benchmark starts it with
// the node flags of that script): the process holds the importer and the file, nothing of the benchmark's
// generator, so its peak RSS (the kernel's high-water mark, not a sampler) is the import's.
// Prints one JSON line: seconds, CPU seconds, peak RSS and the report's counts.
// `tsx bench/import-child.ts <database url> <file> <format> <source name>`; BENCH_QUERY_LOG=1 adds
// the count, total time and backends' CPU time of each kind of SQL statement (a profile, slower);
// BENCH_BATCH_SIZE and BENCH_CONCURRENCY change the batches (500 rows, two at a time by default).
import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { PrismaClient } from '@prisma/client';
import pg from 'pg';
import { createPrismaClient } from '../lib/db/client';
import { streamSource } from '../lib/import/readers';
import { runImport } from '../lib/import/run';

/**
 * The CPU time of the PostgreSQL backends serving this database, when the server runs on this
 * machine: the other half of an import's cost. Sampled from /proc while they live (a backend's
 * time is lost when it exits between two samples: at most 200 ms of it).
 */
function databaseCpu(database: string) {
  const ticks = new Map<string, number>();
  // Processes seen not to serve this database are not read again: on a busy machine, reading every
  // process's command line five times a second cost the importer's process seconds of CPU.
  const others = new Set<string>();
  const sample = () => {
    for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name) && !others.has(name))) {
      try {
        const title = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8'); // "postgres: [cluster: ]user database host(port) state"
        if (!title.startsWith('postgres: ') || !title.includes(` ${database} `)) {
          // A new backend shows the server's command line until it names its database: read again.
          if (title && !title.includes('postgres')) others.add(pid);
          continue;
        }
        const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
        ticks.set(pid, Number(fields[11]) + Number(fields[12]));
      } catch {
        // gone meanwhile
      }
    }
  };
  const timer = fs.existsSync('/proc') ? setInterval(sample, 200) : null;
  return () => {
    if (timer) clearInterval(timer);
    sample();
    return [...ticks.values()].reduce((a, b) => a + b, 0) / 100;
  };
}

/**
 * Every statement sent through node-postgres (the import's batches and Prisma's, which uses it too), timed,
 * with the CPU time its backend spent meanwhile when the server runs on this machine (/proc; 10 ms ticks,
 * exact once summed over many statements): wall times on a busy machine mostly say how long it waited.
 */
function logQueries(queries: Map<string, { n: number; ms: number; cpuMs: number }>) {
  const backendTicks = (pid: number | undefined) => {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return Number(fields[11]) + Number(fields[12]);
    } catch {
      return NaN;
    }
  };
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const text = typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string })?.text ?? '?');
    const key = text.replace(/\s+/g, ' ').trim().slice(0, 90);
    const pid = (this as unknown as { processID?: number }).processID;
    const ticks = backendTicks(pid);
    const started = performance.now();
    const result = query.apply(this, args);
    if (result instanceof Promise) {
      void result
        .finally(() => {
          const entry = queries.get(key) ?? { n: 0, ms: 0, cpuMs: 0 };
          entry.n++;
          entry.ms += performance.now() - started;
          entry.cpuMs += (backendTicks(pid) - ticks) * 10 || 0;
          queries.set(key, entry);
        })
        .catch(() => undefined);
    }
    return result;
  } as typeof pg.Client.prototype.query;
}

async function main() {
  const [url, file, format, sourceName] = process.argv.slice(2);
  const queries = new Map<string, { n: number; ms: number; cpuMs: number }>();
  if (process.env.BENCH_QUERY_LOG) logQueries(queries);
  const db: PrismaClient = createPrismaClient(url, { max: 2 });
  // As scripts/import.ts reads a local file: from disk, as it is parsed.
  const bytes = fs.statSync(file).size;
  const stopDatabaseCpu = databaseCpu(new URL(url).pathname.slice(1));
  // How long the importer's event loop stays blocked (parsing, building a batch's JSON): while it
  // is, the answers of the batches being written wait, and PostgreSQL with them.
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const report = await runImport(db, streamSource(format, { path: file }), {
    sourceName,
    batchSize: Number(process.env.BENCH_BATCH_SIZE ?? 500),
    concurrency: Number(process.env.BENCH_CONCURRENCY ?? 2),
  });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  loopDelay.disable();
  await db.$disconnect();
  const databaseCpuSeconds = stopDatabaseCpu();
  const out = {
    rows: report.total,
    seconds,
    cpuSeconds: (used.user + used.system) / 1e6,
    databaseCpuSeconds,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    eventLoopDelayMs: { p50: loopDelay.percentile(50) / 1e6, p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 },
    bytes,
    created: report.created,
    updated: report.updated,
    unchanged: report.unchanged,
    rejected: report.rejected.length,
    duplicates: report.duplicates.length,
    warnings: report.warningCount,
    failedBatches: report.failedBatches.length,
    ...(report.failedBatches.length ? { failedBatchReasons: report.failedBatches.slice(0, 5).map((b) => b.reason) } : {}),
    firstRejections: report.rejected.slice(0, 5),
    ...(queries.size
      ? {
          queries: [...queries]
            .sort((a, b) => b[1].cpuMs - a[1].cpuMs || b[1].ms - a[1].ms)
            .map(([q, s]) => ({ q, n: s.n, ms: Math.round(s.ms), cpuMs: s.cpuMs })),
        }
      : {}),
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
