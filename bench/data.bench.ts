// Open-data benchmark: import throughput and peak memory for a standard CSV of BENCH_ROWS diverse
// rows (bench/synthetic.ts: real schedules, services, publics, fees, names and streets of the
// shipped sources, every row distinct — no repeated row), then the real France Services file
// against those places, the same CSV again (nothing changes), and the export of every published
// place as the standard's CSV.
// Each import runs in a process of its own, as `npm run import` runs it: `node` with the heap flags of
// that script, read from package.json (bench/import-child.ts), holding the file and the importer only. Its peak RSS is that process's
// high-water mark. (Until 2026-12-06 the import ran inside this process, whose RSS also held the
// generator and the file, and `tsx`'s launcher dropped the heap limit: the 798 MB figure of the
// first run was a 4 GB heap's.)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPrismaClient } from '../lib/db/client';
import { dataPath } from '../lib/data/files';
import { exportStream } from '../lib/export/standard';
import { openBenchDatabase } from './database';
import { compareAndSave, cpuProbeMs, type Figure } from './results';
import { syntheticCsv } from './synthetic-csv';
import { releaseRealSources } from './real-sources';

const N = Number(process.env.BENCH_ROWS ?? 100_000);
/** Fresh imports of the file, each into an empty database: the figure is their median. */
const ROUNDS = Math.max(1, Number(process.env.BENCH_IMPORT_ROUNDS ?? 3));
const DATABASE_NAME = process.env.BENCH_DB_NAME ?? 'reperes_bench_data';
let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

type ChildImport = {
  rows: number;
  seconds: number;
  cpuSeconds: number;
  peakRssMB: number;
  bytes: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  duplicates: number;
  warnings: number;
  failedBatches: number;
  firstRejections: unknown[];
};

/** The node flags of `npm run import` (its 256 MB heap, its young generation), as package.json gives them. */
function importNodeFlags(): string[] {
  const script = (JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.import;
  const words = script.split(/\s+/);
  if (words[0] !== 'node' || !words.includes('--import')) throw new Error(`npm run import is no longer "node <flags> --import tsx …": ${script}`);
  return words.slice(1, words.indexOf('--import'));
}
const IMPORT_FLAGS = importNodeFlags();

/**
 * Before a timed import: the server's dirty pages written (CHECKPOINT) and the system's (sync), so
 * that a run does not pay for the writes of the one before it (back to back, each run was slower
 * than the last: 26, 29, 30 s). A run still pays for its own checkpoints.
 */
async function settle(db: ReturnType<typeof createPrismaClient>) {
  await db.$executeRawUnsafe('CHECKPOINT').catch((error: Error) => console.warn(`CHECKPOINT refused (${error.message}): runs may pay for each other's writes`));
  spawnSync('sync');
}

/** One import in a child process with the heap of `npm run import`. */
function importInChild(url: string, file: string, format: string, sourceName: string): ChildImport {
  const child = spawnSync(
    process.execPath,
    [...IMPORT_FLAGS, '--conditions=react-server', '--import', 'tsx', path.join(__dirname, 'import-child.ts'), url, file, format, sourceName],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, NODE_OPTIONS: '' },
    },
  );
  if (child.status !== 0) throw new Error(`the import of ${file} failed (status ${child.status})`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as ChildImport;
}

async function main() {
  let database = await openBenchDatabase(DATABASE_NAME);
  let db = createPrismaClient(database.url, { max: 4 });
  const figures: Figure[] = [];
  const raw: Record<string, unknown> = {};
  const file = path.join(os.tmpdir(), `reperes-bench-${process.pid}.csv`);
  try {
    const { stats, distinctRows } = syntheticCsv(N, file);
    const dataset = { ...stats.summary(), distinctRows };
    if (distinctRows !== N || dataset.distinctNames !== N)
      throw new Error(`the synthetic file repeats itself: ${distinctRows} distinct rows, ${dataset.distinctNames} distinct names for ${N}`);
    console.log(`${stats.line()}; ${distinctRows} distinct rows (id aside) of ${N}`);
    releaseRealSources();

    // The first import of the file, ROUNDS times, each into an empty database: one run on this
    // shared 2-core machine moves by ±10 %; the figure is the median run, every run is kept.
    const runs: Array<ChildImport & { cpuProbeMs: number }> = [];
    for (let round = 0; round < ROUNDS; round++) {
      if (round > 0) {
        await db.$disconnect();
        await database.stop();
        database = await openBenchDatabase(DATABASE_NAME);
        db = createPrismaClient(database.url, { max: 4 });
      }
      await settle(db);
      const probe = cpuProbeMs();
      const run = { ...importInChild(database.url, file, 'standard', 'synthetic'), cpuProbeMs: probe };
      console.log(
        `Diverse standard CSV, run ${round + 1}/${ROUNDS}: ${N} rows (${mb(run.bytes)} MB) in ${run.seconds.toFixed(1)} s → ${Math.round(N / run.seconds)} rows/s, ${run.cpuSeconds.toFixed(1)} s of the importer's CPU, peak RSS ${run.peakRssMB} MB (created ${run.created}, rejected ${run.rejected}, possible duplicates ${run.duplicates}, warnings ${run.warnings}); machine speed probe ${probe} ms`,
      );
      runs.push(run);
    }
    const diverse = [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor((runs.length - 1) / 2)];
    console.log(
      `Diverse standard CSV: median of ${ROUNDS} runs ${Math.round(N / diverse.seconds)} rows/s (runs: ${runs.map((r) => Math.round(N / r.seconds)).join(', ')} rows/s; the rest of this benchmark runs on the last run's database)`,
    );
    figures.push(
      {
        key: 'import.diverse.rowsPerSecond',
        label: 'import of diverse rows',
        value: Math.round(N / diverse.seconds),
        unit: 'rows/s',
        better: 'higher',
        target: { op: '≥', value: 4000 },
      },
      {
        key: 'import.diverse.peakRss',
        label: 'import of diverse rows, peak RSS (highest run)',
        value: Math.max(...runs.map((r) => r.peakRssMB)),
        unit: 'MB',
        better: 'lower',
        target: { op: '<', value: 400 },
      },
    );
    raw.import = {
      ...diverse,
      process: `child: node ${IMPORT_FLAGS.join(' ')} --import tsx bench/import-child.ts (as npm run import)`,
      median: `of ${ROUNDS} runs, each into an empty database`,
      runs,
    };

    const fsReport = importInChild(database.url, dataPath('franceServices'), 'france-services', 'france-services');
    console.log(
      `France Services file (then, against those ${N} places): ${fsReport.rows} rows in ${fsReport.seconds.toFixed(1)} s → ${Math.round(fsReport.rows / fsReport.seconds)} rows/s (created ${fsReport.created}, possible duplicates ${fsReport.duplicates}, rejected ${fsReport.rejected})`,
    );
    figures.push({
      key: 'import.franceServices.rowsPerSecond',
      label: 'import of the France Services file after them',
      value: Math.round(fsReport.rows / fsReport.seconds),
      unit: 'rows/s',
      better: 'higher',
    });
    raw.franceServices = fsReport;

    // The same file again: every row compared, nothing written.
    const again = importInChild(database.url, file, 'standard', 'synthetic');
    console.log(
      `Same file again: ${N} rows in ${again.seconds.toFixed(1)} s → ${Math.round(N / again.seconds)} rows/s (unchanged ${again.unchanged}), peak RSS ${again.peakRssMB} MB`,
    );
    figures.push({
      key: 'import.unchanged.rowsPerSecond',
      label: 'the same file again (nothing changes)',
      value: Math.round(N / again.seconds),
      unit: 'rows/s',
      better: 'higher',
    });
    raw.again = again;

    peak = 0;
    const before = process.memoryUsage().rss;
    const started = performance.now();
    let bytes = 0;
    const reader = exportStream(db, 'csv').getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
    }
    const seconds = (performance.now() - started) / 1000;
    const count = await db.place.count({ where: { status: 'PUBLISHED' } });
    console.log(`Export CSV of ${count} places: ${mb(bytes)} MB in ${seconds.toFixed(1)} s, RSS ${mb(before)} MB before → peak ${mb(peak)} MB`);
    figures.push({
      key: 'export.csv.seconds',
      label: `export of every published place as CSV`,
      value: Math.round(seconds * 100) / 100,
      unit: 's',
      better: 'lower',
    });
    raw.export = { places: count, bytes, seconds, rssBeforeMB: mb(before), peakRssMB: mb(peak) };

    await compareAndSave({
      name: 'data',
      databaseUrl: database.url,
      scale: { rows: N },
      dataset,
      settings: { heap: `${IMPORT_FLAGS.join(' ')} (as npm run import)`, importProcess: 'a child process per import' },
      figures,
      raw,
    });
  } finally {
    fs.rmSync(file, { force: true });
    clearInterval(sampler);
    await db.$disconnect();
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
