// `npm test`: typecheck, lint, unit + integration tests (vitest, real PostgreSQL), production
// build, end-to-end tests (Playwright, real Chromium). Stops at the first failing step.
// Options: --skip-e2e, --only-e2e. Skipped tests fail the run unless tests/skips-allowed.json
// gives their reason (scripts/lib/skips.ts).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chooseBrowser, RESOLVED_ENV, resolveChromium } from './browser';
import { describeSkips, judgeSkips, loadAllowList, playwrightSkips, vitestSkips, type SkippedTest } from './lib/skips';

const root = path.resolve(__dirname, '..');
const args = new Set(process.argv.slice(2));
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const totals = { passed: 0, failed: 0, skipped: 0 };
const skipped: SkippedTest[] = [];

function step(title: string, command: string, commandArgs: string[], env: Record<string, string> = {}) {
  const started = Date.now();
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`✖ ${title} a échoué (${seconds} s)`);
    summary();
    process.exit(result.status || 1);
  }
  console.log(`✔ ${title} (${seconds} s)`);
}

function countVitest(file: string) {
  if (!fs.existsSync(file)) return;
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as Parameters<typeof vitestSkips>[0] & {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  skipped.push(...vitestSkips(report, root));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
}

function countPlaywright(file: string) {
  if (!fs.existsSync(file)) return;
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as Parameters<typeof playwrightSkips>[0] & {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  skipped.push(...playwrightSkips(report, root));
  totals.passed += report.stats.expected + report.stats.flaky;
  totals.failed += report.stats.unexpected;
  totals.skipped += report.stats.skipped;
}

/** Prints the totals and the skipped tests with their reasons; true when a skip is not allowed. */
function summary(): boolean {
  countVitest(path.join(root, '.data', 'vitest-results.json'));
  countPlaywright(path.join(root, '.data', 'playwright-results.json'));
  console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  const { lines, failed } = describeSkips(judgeSkips(skipped, loadAllowList(path.join(root, 'tests', 'skips-allowed.json'))));
  for (const line of lines) (failed ? console.error : console.log)(line);
  return failed;
}

async function main() {
  fs.mkdirSync(path.join(root, '.data'), { recursive: true });
  for (const file of ['vitest-results.json', 'playwright-results.json']) fs.rmSync(path.join(root, '.data', file), { force: true });

  if (!args.has('--only-e2e')) {
    step('Vérification des types (tsc)', bin('tsc'), ['--noEmit', '-p', '.']);
    step('Lint (eslint)', bin('eslint'), ['.', '--max-warnings=0']);
    step('Format (prettier --check)', bin('prettier'), ['--check', '--log-level=warn', '**/*.{ts,tsx,js,mjs,cjs,css}']);
    step('Tests unitaires et d’intégration (vitest, PostgreSQL réel)', bin('vitest'), [
      'run',
      '--reporter=default',
      '--reporter=json',
      '--outputFile.json=.data/vitest-results.json',
    ]);
  }
  if (!args.has('--skip-e2e')) {
    step('Construction de production (next build)', process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], {
      NEXT_TELEMETRY_DISABLED: '1',
    });
    // The browser is chosen (and, the first time, unpacked) here, once, for Playwright and its workers.
    const started = Date.now();
    const browser = chooseBrowser();
    const executable = await resolveChromium();
    console.log(`\nNavigateur : ${browser.label}${executable ? ` — ${executable}` : ''} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    step('Tests de bout en bout (Playwright, Chromium)', bin('playwright'), ['test'], { [RESOLVED_ENV]: executable ?? '' });
  }
  const refusedSkips = summary();
  // A runner's exit code is not the only signal: any failed test, and any skip not in the
  // allow-list, fails the run.
  if (totals.failed > 0 || refusedSkips) process.exit(1);
}

main().catch((error: Error) => {
  console.error(`\n✖ ${error.message}`);
  process.exit(1);
});
