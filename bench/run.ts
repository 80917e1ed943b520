// `npm run bench`: runs every bench/*.bench.ts (or those named: `npm run bench -- search`) one
// after another, each in its own process. Each prints its figures beside the last committed result
// of the same name and writes its raw results to bench/results/<name>-<YYYY-MM-DD>.json
// (bench/results.ts); the console output is also kept in bench-results/ (git-ignored).
// Benchmarks measure; they do not pass or fail.
//
// Sizes: --places=N (synthetic places, BENCH_PLACES), --rows=N (import rows, BENCH_ROWS),
// --runs=N (distinct queries or repetitions, BENCH_RUNS), --sessions=N (upcoming ateliers' sessions, BENCH_SESSIONS). --smoke is a small run that checks that
// everything works end to end (5,000 places and rows, few queries); its results go to
// bench-results/smoke/, never to bench/results/, since its figures say nothing about the product.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const dir = __dirname;
const env: Record<string, string | undefined> = { ...process.env };
const wanted: string[] = [];
for (const arg of process.argv.slice(2)) {
  const option = arg.match(/^--(places|rows|runs|sessions)=(\d+)$/);
  if (option) env[`BENCH_${option[1].toUpperCase()}`] = option[2];
  else if (arg === '--smoke') {
    Object.assign(
      env,
      {
        BENCH_PLACES: '5000',
        BENCH_ROWS: '5000',
        BENCH_SESSIONS: '10000',
        BENCH_RUNS: '40',
        BENCH_HTTP_RUNS: '40',
        BENCH_UNRESOLVED: '10',
        BENCH_POPULAR_RUNS: '60',
      },
      Object.fromEntries(Object.entries(env).filter(([k]) => /^BENCH_(PLACES|ROWS|RUNS|SESSIONS)$/.test(k))),
    );
    env.BENCH_RESULTS_DIR ??= path.join(dir, '..', 'bench-results', 'smoke');
  } else if (arg.startsWith('--')) {
    console.error(`Unknown option ${arg}: --places=N, --rows=N, --runs=N, --sessions=N, --smoke.`);
    process.exit(2);
  } else wanted.push(arg);
}

const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();

// Node.js flags per benchmark. Each runs as `node <flags> --import tsx <file>`: tsx's own launcher
// would start a second process without them (the data benchmark's heap limit was lost that way; it
// now starts each import in a child with the heap of `npm run import`, bench/import-child.ts).
const NODE_FLAGS: Record<string, string[]> = {};

const outDir = path.join(dir, '..', 'bench-results');
fs.mkdirSync(outDir, { recursive: true });
let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file}`);
  const started = Date.now();
  const result = spawnSync(process.execPath, [...(NODE_FLAGS[file] ?? []), '--import', 'tsx', path.join(dir, file)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    // Server modules import 'server-only', which resolves to nothing under the react-server condition.
    env: { ...env, NODE_ENV: 'production', NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --conditions=react-server`.trim() },
  });
  process.stdout.write(result.stdout);
  fs.writeFileSync(path.join(outDir, file.replace(/\.ts$/, '.txt')), result.stdout);
  console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (result.status !== 0) failed++;
}
if (failed) {
  console.error(`${failed} benchmark(s) did not complete.`);
  process.exit(1);
}
