// One fresh import of the data benchmark's file, RUNS times, each into an empty database, printed
// one line a run (rows/s, the importer's and PostgreSQL's CPU, peak RSS, event-loop delays) and
// written as JSON lines to IMPORT_ONCE_OUT when set. Made for A/B runs: check out the other commit
// in a worktree (`git worktree add ../ab <commit>`, its own `node_modules` and `node
// scripts/postinstall.js`), copy this file there if it lacks it, and alternate the two, each
// beside a machine speed probe (bench/results.ts): this shared host's speed moves by a third
// from hour to hour, so only alternated runs compare.
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npx tsx bench/import-once.ts
// The file is bench/synthetic-csv.ts's 100,000 diverse rows, written once to IMPORT_ONCE_FILE
// (/tmp/reperes-import-once.csv by default) and kept for the next runs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openBenchDatabase } from './database';
import { syntheticCsv } from './synthetic-csv';

const FILE = process.env.IMPORT_ONCE_FILE ?? '/tmp/reperes-import-once.csv';
const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);

async function main() {
  if (!fs.existsSync(FILE)) syntheticCsv(ROWS, FILE);
  const script = (JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.import.split(
    /\s+/,
  );
  const flags = script.slice(1, script.indexOf('--import'));
  for (let run = 0; run < Number(process.env.RUNS ?? 1); run++) {
    const database = await openBenchDatabase('reperes_import_once');
    spawnSync('sync');
    // Read at run time: an older commit's results.ts may not have the probe yet.
    const probe = ((await import('./results')) as { cpuProbeMs?: () => number }).cpuProbeMs?.() ?? Number.NaN;
    const child = spawnSync(
      process.execPath,
      [...flags, '--conditions=react-server', '--import', 'tsx', path.join(__dirname, 'import-child.ts'), database.url, FILE, 'standard', 'synthetic'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NODE_OPTIONS: '' } },
    );
    await database.stop();
    if (child.status !== 0) throw new Error(`the import failed (status ${child.status})`);
    const out = JSON.parse(child.stdout.trim().split('\n').pop()!) as Record<string, number> & { eventLoopDelayMs: unknown };
    const line = { commit: git(), probeMs: probe, rowsPerSecond: Math.round(out.rows / out.seconds), ...out };
    console.log(
      `${line.commit.slice(0, 8)} probe ${probe} ms: ${line.rowsPerSecond} rows/s, ${out.seconds.toFixed(1)} s, importer ${out.cpuSeconds.toFixed(1)} s, PostgreSQL ${out.databaseCpuSeconds.toFixed(1)} s of CPU, peak RSS ${out.peakRssMB} MB, created ${out.created}`,
    );
    if (process.env.IMPORT_ONCE_OUT) fs.appendFileSync(process.env.IMPORT_ONCE_OUT, `${JSON.stringify(line)}\n`);
  }
}

function git(): string {
  return spawnSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).stdout.trim() || 'unknown';
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
