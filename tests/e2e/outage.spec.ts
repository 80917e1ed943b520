// Faults and operations, against servers of this spec's own (each with an embedded PostgreSQL it
// can stop): the database goes away during a run — a clear French page, 503 from the API and
// readiness, liveness still fine — and comes back: the app recovers without a restart. Then
// `npm start` shuts down gracefully on SIGTERM (app first, then PostgreSQL, exit code 0).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { expect, test } from './fixtures';

const root = path.resolve(__dirname, '..', '..');
const basePort = Number(process.env.E2E_PORT ?? 3100);
const basePgPort = Number(process.env.E2E_PG_PORT ?? 54331);
const dbName = `${process.env.E2E_DB_NAME ?? 'reperes_e2e'}_outage`;
const appPort = basePort + 5;
const controlPort = basePort + 6;
const startPort = basePort + 7;
const PLACE = 'espace-numerique-des-violettes-fictif-saumur';

test.describe.configure({ mode: 'serial', timeout: 240_000 });

function launch(script: string, env: Record<string, string | undefined>): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: root,
    env: { ...process.env, ...env } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

async function waitFor(url: string, status: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const answer = await fetch(url).then(
      (r) => r.status,
      () => 0,
    );
    if (answer === status) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer ${status} within ${timeoutMs} ms`);
}

function exited(child: ChildProcess, timeoutMs: number): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the process did not exit in time')), timeoutMs);
    child.once('exit', (code) => (clearTimeout(timer), resolve(code)));
  });
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

test.describe('the database goes away and comes back', () => {
  let server: ReturnType<typeof launch>;
  const base = `http://localhost:${appPort}`;
  const control = (action: 'stop' | 'start') => fetch(`http://127.0.0.1:${controlPort}/database/${action}`, { method: 'POST' });

  test.beforeAll(async () => {
    for (const port of [appPort, controlPort]) expect(await portOpen(port), `port ${port} is already taken (a server left over?)`).toBe(false);
    server = launch('scripts/e2e-server.ts', {
      E2E_PORT: String(appPort),
      E2E_DB_NAME: dbName,
      E2E_PG_PORT: String(basePgPort + 4),
      E2E_EMBEDDED: '1',
      E2E_CONTROL: '1',
      E2E_CONTROL_PORT: String(controlPort),
    });
    await waitFor(`${base}/api/ready`, 200, 150_000).catch((error) => {
      throw new Error(`${error.message}\n${server.output()}`);
    });
  });

  test.afterAll(async () => {
    if (!server) return;
    await control('start').catch(() => undefined);
    server.child.kill('SIGTERM');
    await exited(server.child, 30_000).catch(() => server.child.kill('SIGKILL'));
  });

  test('a clear French page while it is down, and recovery without a restart', async ({ page, request }) => {
    await page.goto(`${base}/lieux/${PLACE}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Espace numérique des Violettes (fictif)');

    expect((await control('stop')).status).toBe(204);

    // Liveness still answers; readiness says why not.
    expect((await request.get(`${base}/api/health`)).status()).toBe(200);
    const ready = await request.get(`${base}/api/ready`);
    expect(ready.status()).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'unavailable', ready: false, reason: 'database_unreachable' });

    // Pages: the French error page, with no technical detail.
    const response = await page.goto(`${base}/recherche?ou=Angers`);
    expect(response!.status()).toBeGreaterThanOrEqual(500);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Le service est momentanément indisponible');
    await expect(page.getByRole('button', { name: 'Réessayer' })).toBeVisible();
    const html = await page.content();
    for (const leak of [/prisma/i, /ECONNREFUSED/, /SELECT /, /at \S+ \(/, /node_modules/, /\.ts:\d+/]) expect(html).not.toMatch(leak);

    await page.goto(`${base}/lieux/${PLACE}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Le service est momentanément indisponible');

    // The API: a JSON problem, 503, nothing technical.
    const api = await request.get(`${base}/api/v1/lieux`);
    expect(api.status()).toBe(503);
    const problem = await api.json();
    expect(problem).toMatchObject({ status: 503, detail: expect.stringContaining('momentanément indisponible') });
    expect(problem.requestId).toBe(api.headers()['x-request-id']);
    expect(JSON.stringify(problem)).not.toMatch(/prisma|ECONNREFUSED|stack/i);

    // The database returns: the same running app serves again, by itself.
    expect((await control('start')).status).toBe(204);
    await waitFor(`${base}/api/ready`, 200, 30_000);
    await page.getByRole('button', { name: 'Réessayer' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Espace numérique des Violettes (fictif)');
    await page.goto(`${base}/recherche?ou=Angers`);
    await expect(page.locator('.result-card').first()).toBeVisible();
    expect((await request.get(`${base}/api/v1/lieux`)).status()).toBe(200);

    // Every failure was logged as one JSON line with its request id, without the client address.
    const lines = server
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const failures = lines.filter((l) => l.level === 'error');
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.some((l) => l.requestId === problem.requestId)).toBe(true);
    for (const failure of failures) expect(failure.requestId).toBeTruthy();
    expect(server.output()).not.toContain('203.0.113.');
  });
});

test.describe('npm start', () => {
  test('shuts down gracefully on SIGTERM: app first, then the embedded PostgreSQL', async () => {
    const dataDir = `.data/${dbName}-start-postgres`;
    const pgPort = basePgPort + 6;
    const started = launch('scripts/start.ts', {
      PORT: String(startPort),
      EMBEDDED_PG_PORT: String(pgPort),
      EMBEDDED_PG_DIR: dataDir,
      DATABASE_URL: undefined,
      NODE_ENV: undefined,
    });
    expect(await portOpen(startPort), `port ${startPort} is already taken`).toBe(false);
    try {
      await waitFor(`http://localhost:${startPort}/api/ready`, 200, 150_000);
    } catch (error) {
      started.child.kill('SIGKILL');
      throw new Error(`${(error as Error).message}\n${started.output()}`);
    }
    expect(await portOpen(pgPort)).toBe(true);
    // A request in flight while the signal arrives still gets its full answer.
    const inFlight = fetch(`http://localhost:${startPort}/donnees/export/json`).then(async (r) => ({ status: r.status, body: await r.text() }));
    await new Promise((r) => setTimeout(r, 20));
    started.child.kill('SIGTERM');
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).length).toBeGreaterThan(10);
    expect(await exited(started.child, 30_000)).toBe(0);
    expect(await portOpen(startPort)).toBe(false);
    expect(await portOpen(pgPort)).toBe(false);
    expect(fs.existsSync(path.join(root, dataDir, 'postmaster.pid'))).toBe(false);
  });
});
