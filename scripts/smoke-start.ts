// Smoke test of `npm start` as a newcomer runs it: starts it (embedded PostgreSQL, migrations,
// seed, build if needed), waits for the home page, checks three public pages, then stops it with
// Ctrl-C (SIGINT to its process group, as a terminal does) and checks that the embedded
// PostgreSQL stopped with it. Prints how long the first page took.
//
//   npm run smoke:start
//
// PORT and EMBEDDED_PG_PORT: free ports are picked when unset. SMOKE_TIMEOUT_S: how long to wait
// for the first page (default 1200 s: a first start builds the app). SMOKE_REAL_DATA: the checks
// that need the real data seeded by `npm start` (home, brest, coverage) — unset or 1: all,
// 0: none, or a comma-separated list of those to run (e.g. "home,coverage").
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const REAL_CHECKS = ['home', 'brest', 'coverage'] as const;
type RealCheck = (typeof REAL_CHECKS)[number];

/** Which real-data checks SMOKE_REAL_DATA turns on. */
export function realDataChecks(value: string | undefined): Set<RealCheck> {
  const setting = (value ?? '1').trim();
  if (setting === '' || setting === '1') return new Set(REAL_CHECKS);
  if (setting === '0') return new Set();
  const names = setting.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(REAL_CHECKS as readonly string[]).includes(name));
  if (unknown.length) throw new Error(`SMOKE_REAL_DATA: unknown check ${unknown.join(', ')} (known: ${REAL_CHECKS.join(', ')}, or 0 / 1).`);
  return new Set(names as RealCheck[]);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function get(url: string): Promise<{ status: number; html: string }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(60_000), redirect: 'manual' });
  return { status: response.status, html: await response.text() };
}

/** True once no process is left in the group (kill -0 answers ESRCH). */
async function groupGone(pgid: number, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      process.kill(-pgid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** Waits for the first served page; throws when npm start stopped first or the time ran out. */
async function firstPage(base: string, started: number, timeoutMs: number, exitCode: () => number | null) {
  for (;;) {
    const code = exitCode();
    if (code !== null) throw new Error(`npm start stopped (code ${code}) before serving a page.`);
    if (Date.now() - started > timeoutMs) throw new Error(`No page after ${timeoutMs / 1000} s.`);
    const status = await get(`${base}/`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** The pages a first start must serve, and, when asked, that they show the real data. */
async function checkPages(base: string, checks: Set<string>, check: (ok: boolean, what: string) => void) {
  const home = await get(`${base}/`);
  check(home.status === 200 && home.html.includes('Trouver de l’aide pour le numérique'), '/ answers 200 with the home page');
  if (checks.has('home')) {
    // The home département's directory (Maine-et-Loire): real places in at least 15 communes; and
    // the list of départements reaches the national France Services (Finistère has no demo place).
    const directory = home.html.slice(home.html.indexOf('id="annuaire-titre"'), home.html.indexOf('id="departements-titre"'));
    const communes = new Set([...directory.matchAll(/<h3 class="directory__title">([^<]+)<\/h3>/g)].map((m) => m[1]));
    check(communes.size >= 15, `/ lists places in ${communes.size} communes of Maine-et-Loire (at least 15)`);
    check(/Finistère \(29\)/.test(home.html.replaceAll('<!-- -->', '')), '/ lists the départements of the national data (Finistère)');
  }

  const brest = await get(`${base}/recherche?ou=Brest`);
  check(brest.status === 200 && brest.html.includes('Brest'), '/recherche?ou=Brest answers 200 and searches around Brest');
  if (checks.has('brest')) {
    // A real France Services of Finistère (postcode 29…), not the nearest fictional place.
    const cards = brest.html.match(/<article class="result-card"[\s\S]*?<\/article>/g) ?? [];
    const near = cards.filter((card) => card.includes('France Services') && /\b29\d{3}\b/.test(card));
    check(near.length > 0, `/recherche?ou=Brest lists a France Services in Finistère (${near.length} of ${cards.length} results on the page)`);
  }

  const coverage = await get(`${base}/territoires/49`);
  check(coverage.status === 200 && coverage.html.includes('Maine-et-Loire'), '/territoires/49 answers 200');
  if (checks.has('coverage')) check(coverage.html.includes('<table'), '/territoires/49 shows the coverage table');
}

async function main() {
  const checks = realDataChecks(process.env.SMOKE_REAL_DATA);
  const port = Number(process.env.PORT) || (await freePort());
  const pgPort = Number(process.env.EMBEDDED_PG_PORT) || (await freePort());
  const timeoutMs = Number(process.env.SMOKE_TIMEOUT_S ?? 1200) * 1000;
  const base = `http://127.0.0.1:${port}`;
  const failures: string[] = [];
  const check = (ok: boolean, what: string) => {
    console.log(`${ok ? '✔' : '✖'} ${what}`);
    if (!ok) failures.push(what);
  };

  console.log(`▶ npm start (PORT=${port}, EMBEDDED_PG_PORT=${pgPort}; real-data checks: ${[...checks].join(', ') || 'none'})`);
  const started = Date.now();
  // Its own process group, so that SIGINT reaches npm, tsx, the app and PostgreSQL like a Ctrl-C.
  const app = spawn('npm', ['start'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, PORT: String(port), EMBEDDED_PG_PORT: String(pgPort), NEXT_TELEMETRY_DISABLED: '1' },
  });
  let exitCode: number | null = null;
  let exitSignal: NodeJS.Signals | null = null;
  const exited = new Promise<void>((resolve) =>
    app.once('exit', (code, signal) => {
      exitCode = code ?? -1;
      exitSignal = signal;
      resolve();
    }),
  );
  const stop = () => {
    try {
      process.kill(-app.pid!, 'SIGINT');
    } catch {
      // already gone
    }
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  try {
    await firstPage(base, started, timeoutMs, () => exitCode);
    console.log(`⏱ first start to served page: ${seconds(started)}`);

    await checkPages(base, checks, check);
  } catch (error) {
    failures.push((error as Error).message);
    console.error(`✖ ${(error as Error).message}`);
  }

  // Ctrl-C: the app, then the embedded PostgreSQL, must stop, and npm start exit cleanly.
  const stopping = Date.now();
  const wasRunning = exitCode === null;
  if (wasRunning) stop();
  await exited;
  // npm itself may end at once on SIGINT: wait for every process of the group (tsx, the app,
  // PostgreSQL), as a terminal's next prompt would not.
  const allGone = await groupGone(app.pid!, 60_000);
  if (!allGone) process.kill(-app.pid!, 'SIGKILL');
  console.log(`⏱ stopped in ${seconds(stopping)} (npm start: ${exitSignal ? `ended by ${exitSignal}` : `exit code ${exitCode}`})`);
  check(wasRunning && (exitCode === 0 || exitCode === 130 || exitSignal === 'SIGINT'), 'npm start ends on Ctrl-C, and only then');
  check(allGone, 'every process of npm start ended within 60 s of Ctrl-C');
  check(!(await portAnswers(port)), `nothing listens on the app port ${port} any more`);
  check(!(await portAnswers(pgPort)), `the embedded PostgreSQL (port ${pgPort}) stopped`);
  const pidFile = path.join(root, process.env.EMBEDDED_PG_DIR ?? '.data/postgres', 'postmaster.pid');
  check(!fs.existsSync(pidFile), 'the embedded PostgreSQL left no postmaster.pid');

  console.log(`⏱ smoke total: ${seconds(started)}`);
  if (failures.length) {
    console.error(`\n✖ smoke of npm start: ${failures.length} failure(s)`);
    process.exit(1);
  }
  console.log('\n✔ smoke of npm start passed');
}

if (require.main === module) {
  main().catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
