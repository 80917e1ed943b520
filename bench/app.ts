// The production build (`next start`) for a benchmark, in a fresh process each time, so that its
// in-process caches (geocoder, parsed hours, opening states, page cache) start cold.
//
// Rate limits are raised by configuration, never dodged: the only per-address limit on the public
// pages, the search's, reads SEARCH_RATE_LIMIT (proxy.ts). The open-data API's limit (120 a minute,
// lib/export/api.ts) has no setting, so benchmarks do not load the API from one address.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { APP_SEMI_SPACE_MB } from '../lib/config/env';

const root = path.join(__dirname, '..');

/** The app settings every benchmark states in its output and results. */
export const RAISED_LIMITS = { SEARCH_RATE_LIMIT: '1000000000' };

export function distDir(): string {
  const dist = process.env.NEXT_DIST_DIR || '.next';
  if (!fs.existsSync(path.join(root, dist, 'BUILD_ID'))) throw new Error(`No production build in ${dist}: run \`NEXT_DIST_DIR=${dist} npx next build\` first.`);
  return dist;
}

export type App = { url: string; process: ChildProcess; settings: Record<string, string>; startedAt: number; stop: () => Promise<void> };

/**
 * Starts `next start` on 127.0.0.1:port with the given database and settings (PAGE_CACHE, E2E for
 * the test clock…), waits for /api/ready, and returns it.
 */
export async function startApp({
  port,
  databaseUrl,
  settings,
  heapMb,
}: {
  port: number;
  databaseUrl: string;
  settings: Record<string, string>;
  heapMb?: number;
}): Promise<App> {
  distDir();
  const url = `http://127.0.0.1:${port}`;
  const all = { ...RAISED_LIMITS, ...settings };
  // LOADTEST_CPU_PROF=<dir>: a V8 CPU profile of the app, written there when it stops (bench/profile-summary.ts reads it).
  const profile = process.env.LOADTEST_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.LOADTEST_CPU_PROF)}`] : [];
  const startedAt = performance.now();
  const child = spawn(process.execPath, [...profile, path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: root,
    env: {
      ...process.env,
      ...all,
      // As `npm start` runs it (scripts/start.ts).
      NODE_OPTIONS: heapMb ? `--max-old-space-size=${heapMb} --max-semi-space-size=${APP_SEMI_SPACE_MB}` : '',
      DATABASE_URL: databaseUrl,
      NODE_ENV: 'production',
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET: 'bench-secret-0123456789abcdef',
      REDIS_URL: '',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let up = false;
  for (let i = 0; i < 200 && !up && child.exitCode === null; i++) {
    up = await fetch(`${url}/api/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (!up) await new Promise((r) => setTimeout(r, 300));
  }
  if (!up) {
    child.kill('SIGTERM');
    throw new Error(`next start did not answer on ${url}`);
  }
  return {
    url,
    process: child,
    settings: all,
    startedAt,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => (child.kill('SIGKILL'), resolve()), 10_000).unref();
      }),
  };
}

/** Says which settings the app ran with (printed by each benchmark). */
export function describeSettings(settings: Record<string, string>): string {
  return Object.entries(settings)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
}
