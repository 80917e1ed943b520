// `npm run bench`: runs every bench/*.bench.ts (or those named: `npm run bench -- search`) one
// after another, each in its own process, and keeps their reports in bench-results/.
// Benchmarks measure; they do not pass or fail.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const dir = __dirname;
const wanted = process.argv.slice(2);
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();

// The data benchmark runs the importer with the heap limit of `npm run import`.
const NODE_FLAGS: Record<string, string[]> = { 'data.bench.ts': ['--max-old-space-size=256'] };

const outDir = path.join(dir, '..', 'bench-results');
fs.mkdirSync(outDir, { recursive: true });
let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file}`);
  const started = Date.now();
  const result = spawnSync(process.execPath, [...(NODE_FLAGS[file] ?? []), path.join(dir, '..', 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(dir, file)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    // Server modules import 'server-only', which resolves to nothing under the react-server condition.
    env: { ...process.env, NODE_ENV: 'production', NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --conditions=react-server`.trim() },
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
