// The client address behind the per-address limits, on a real `next start` with the default
// settings (TRUSTED_PROXY_HOPS unset = 0: no proxy is trusted). A client rotating
// X-Forwarded-For, or forging the header the server records the TCP peer in, stays one client;
// another peer (127.0.0.2, on the loopback too) is another client. lib/security/client-address.ts.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { e2eDatabaseUrl } from './e2e-database';
import { expect, test } from './fixtures';

const root = path.resolve(__dirname, '..', '..');
const port = Number(process.env.E2E_PORT ?? 3100) + 4;
// proxy.ts SEARCH_RATE (the default of SEARCH_RATE_LIMIT).
const SEARCH_LIMIT = 300;

test.describe.configure({ mode: 'serial', timeout: 180_000 });

let app: ChildProcess | undefined;

/** A GET from a chosen local address, with chosen headers. */
function get(pathname: string, headers: Record<string, string>, localAddress = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path: pathname, headers, localAddress, agent: false }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
  });
}

test.beforeAll(async () => {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: e2eDatabaseUrl(),
    REDIS_URL: '',
    NEXTAUTH_URL: `http://localhost:${port}`,
    NEXTAUTH_SECRET: 'e2e-secret-not-for-production-0123456789',
  };
  delete env.TRUSTED_PROXY_HOPS;
  delete env.SEARCH_RATE_LIMIT;
  app = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port)], { cwd: root, stdio: 'ignore', env });
  const deadline = Date.now() + 60_000;
  while ((await get('/api/health', {}).catch(() => 0)) !== 200) {
    if (Date.now() > deadline) throw new Error(`next start on ${port} did not answer`);
    await new Promise((r) => setTimeout(r, 300));
  }
});

test.afterAll(async () => {
  if (app && app.exitCode === null) await new Promise((resolve) => (app!.once('exit', resolve), app!.kill('SIGTERM')));
});

test('330 searches with a rotating X-Forwarded-For from one address hit the limit of 300', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < SEARCH_LIMIT + 30; i++) {
    statuses.push(
      await get('/recherche?ou=Saumur', {
        'x-forwarded-for': `203.0.${i % 250}.${i % 200}, 198.51.100.${i % 250}`,
        'x-real-ip': `192.0.2.${i % 250}`,
        // Forging the header the server writes the peer into changes nothing either.
        'x-reperes-peer': `2001:db8:${i.toString(16)}::1`,
      }),
    );
  }
  expect(statuses.slice(0, SEARCH_LIMIT).every((s) => s === 200)).toBe(true);
  expect(statuses.slice(SEARCH_LIMIT)).toEqual(Array(30).fill(429));
  // Another peer is another client.
  expect(await get('/recherche?ou=Saumur', {}, '127.0.0.2')).toBe(200);
});
