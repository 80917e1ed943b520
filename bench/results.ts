// Raw results of a benchmark, kept in bench/results/<name>-<YYYY-MM-DD>.json: the commit, the
// machine, the data set and every figure with its raw summary. Each figure is printed beside the
// last COMMITTED result of the same name (the newest such file in HEAD, read through git, never
// the file just written), so a change shows against what the repository last recorded.
// BENCH_RESULTS_DIR writes elsewhere (smoke runs: `npm run bench -- --smoke` writes to
// bench-results/smoke/, git-ignored, so small runs never pass for real ones).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export type Figure = {
  /** stable across runs: the comparison matches on it */
  key: string;
  label: string;
  value: number;
  unit: 'ms' | 'req/s' | 'rows/s' | 'MB' | 'MiB' | 'kB' | 's' | '%' | 'µs' | 'count';
  better: 'lower' | 'higher';
  /** the target, when the issue sets one (README's table) */
  target?: { op: '<' | '≥'; value: number };
};

export type BenchResult = {
  name: string;
  date: string;
  finishedAt: string;
  commit: string;
  dirty: boolean;
  machine: Awaited<ReturnType<typeof machine>>;
  /** the size of the run (places, rows, runs…): a comparison across sizes is flagged */
  scale: Record<string, number | string>;
  dataset: unknown;
  /** app settings the run used (page cache, rate limits raised by configuration…) */
  settings?: Record<string, string>;
  figures: Figure[];
  raw: unknown;
};

const root = path.join(__dirname, '..');
const COMMITTED_DIR = 'bench/results';

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

/**
 * The machine's speed at this moment: the CPU time of a fixed piece of work (hashing short texts
 * and writing JSON, as an import does), median of three, in ms. The host is shared and its speed
 * moves by a third from hour to hour: a figure is comparable with another only beside this.
 */
export function cpuProbeMs(): number {
  const times: number[] = [];
  let sink = 0;
  for (let round = 0; round < 3; round++) {
    const start = process.cpuUsage();
    for (let i = 0; i < 100_000; i++) sink += crypto.createHash('sha1').update(`valeur ${i}`).digest('hex').charCodeAt(3);
    sink += JSON.stringify(Array.from({ length: 100_000 }, (_, i) => ({ a: i, b: `x${i}` }))).length;
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  if (sink < 0) throw new Error('unreachable');
  return Math.round(times.sort((a, b) => a - b)[1]);
}

/** The machine a figure was measured on. */
export async function machine(databaseUrl?: string) {
  let postgres = 'unknown';
  if (databaseUrl) {
    const client = new pg.Client({ connectionString: databaseUrl });
    try {
      await client.connect();
      postgres = (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0].v;
    } catch {
      // the database is gone already: say so rather than fail the run
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  const cpus = os.cpus();
  return {
    hostname: os.hostname(),
    cores: cpus.length,
    cpu: cpus[0]?.model ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres,
    cpuProbeMs: cpuProbeMs(),
  };
}

/** `search-2026-12-06-0312.json` → "2026-12-06-0312"; `search-2026-12-06.json` → "2026-12-06-0000". */
const runKey = (file: string) => {
  const [, date, time] = /(\d{4}-\d{2}-\d{2})(?:-(\d{4}))?\.json$/.exec(file) ?? [];
  return `${date}-${time ?? '0000'}`;
};

/** The newest committed result of this benchmark (bench/results/<name>-<date>[-<HHMM>].json in HEAD). */
export function lastCommitted(name: string): BenchResult | null {
  const files = git(['ls-tree', '--name-only', 'HEAD', `${COMMITTED_DIR}/`])
    .split('\n')
    .filter((f) => new RegExp(`^${COMMITTED_DIR}/${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-\\d{4}-\\d{2}-\\d{2}(-\\d{4})?\\.json$`).test(f))
    // Oldest first: by date, then by time of day (files named before the time was added count as 00:00).
    .sort((a, b) => runKey(a).localeCompare(runKey(b)));
  const newest = files[files.length - 1];
  if (!newest) return null;
  try {
    return JSON.parse(git(['show', `HEAD:${newest}`])) as BenchResult;
  } catch {
    return null;
  }
}

const show = (value: number, unit: Figure['unit']) => {
  if (!Number.isFinite(value)) return 'n/a';
  const digits = Math.abs(value) >= 100 || unit === 'count' ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: 0 })} ${unit}`;
};

/** Prints every figure beside the last committed one and its target, then writes the raw results. */
export async function compareAndSave(
  result: Omit<BenchResult, 'date' | 'finishedAt' | 'commit' | 'dirty' | 'machine'> & { databaseUrl?: string; machine?: BenchResult['machine'] },
) {
  const now = new Date();
  const { databaseUrl, ...rest } = result;
  const full: BenchResult = {
    ...rest,
    date: now.toISOString().slice(0, 10),
    finishedAt: now.toISOString(),
    commit: git(['rev-parse', 'HEAD']) || 'unknown',
    dirty: git(['status', '--porcelain', '--untracked-files=no']) !== '',
    machine: result.machine ?? (await machine(databaseUrl)),
  };
  const previous = lastCommitted(full.name);
  const before = new Map((previous?.figures ?? []).map((f) => [f.key, f]));
  console.log(
    `\n${full.name}: figures beside the last committed result (${previous ? `${previous.date}, commit ${previous.commit.slice(0, 8)}, ${previous.machine.cores} cores` : 'none committed yet'})`,
  );
  console.log(
    `  the machine's speed (bench/results.ts cpuProbeMs, lower is faster): ${full.machine.cpuProbeMs} ms now, ${previous?.machine.cpuProbeMs ?? 'not measured'}${previous?.machine.cpuProbeMs ? ' ms' : ''} then`,
  );
  if (previous && JSON.stringify(previous.scale) !== JSON.stringify(full.scale)) {
    console.log(`  (sizes differ: now ${JSON.stringify(full.scale)}, then ${JSON.stringify(previous.scale)} — not comparable)`);
  }
  const width = Math.max(...full.figures.map((f) => f.label.length), 10);
  for (const f of full.figures) {
    const old = before.get(f.key);
    const change =
      old && Number.isFinite(old.value) && old.value !== 0
        ? ` (${f.value >= old.value ? '+' : ''}${(((f.value - old.value) / old.value) * 100).toFixed(0)} %)`
        : '';
    const target = f.target
      ? `  target ${f.target.op} ${show(f.target.value, f.unit)}: ${(f.target.op === '<' ? f.value < f.target.value : f.value >= f.target.value) ? 'met' : 'NOT met'}`
      : '';
    console.log(
      `  ${f.label.padEnd(width)}  ${show(f.value, f.unit).padStart(12)}   last committed: ${(old ? show(old.value, old.unit) : '—').padStart(12)}${change}${target}`,
    );
  }
  const dir = process.env.BENCH_RESULTS_DIR ? path.resolve(process.env.BENCH_RESULTS_DIR) : path.join(root, COMMITTED_DIR);
  fs.mkdirSync(dir, { recursive: true });
  // Several runs a day keep their own files: the date and the time (UTC) of the end of the run.
  const file = path.join(dir, `${full.name}-${full.date}-${full.finishedAt.slice(11, 13)}${full.finishedAt.slice(14, 16)}.json`);
  fs.writeFileSync(file, `${JSON.stringify(full, null, 2)}\n`);
  console.log(`  raw results: ${path.relative(root, file)}`);
  return full;
}
