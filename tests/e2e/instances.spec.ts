// Several stateless app instances behind a load balancer: two `next start` on two ports, one
// database, one Redis. A client's rate limit holds across them (counted in Redis), and a change
// made through one is seen at once by the other: each instance's page cache is emptied by
// PostgreSQL's notification (lib/cache/page-cache.ts), and the API's ETag changes with the data.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import IORedis from 'ioredis';
import { createPrismaClient } from '../../lib/db/client';
import { e2eDatabaseUrl } from './e2e-database';
import { expect, test } from './fixtures';

const root = path.resolve(__dirname, '..', '..');
const basePort = Number(process.env.E2E_PORT ?? 3100);
const ports = [basePort + 8, basePort + 9];
const redisUrl = process.env.E2E_REDIS_URL ?? 'redis://127.0.0.1:6379/5';
const SLUG = 'espace-numerique-des-violettes-fictif-saumur';
// lib/export/api.ts API_RATE (a server-only module).
const API_RATE = { limit: 120 };

test.describe.configure({ mode: 'serial', timeout: 180_000 });

const apps: ChildProcess[] = [];

test.beforeAll(async () => {
  const probe = new IORedis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0 });
  const available = await probe.connect().then(
    () => true,
    () => false,
  );
  probe.disconnect();
  // CI starts Redis and sets REPERES_REQUIRE_REDIS=1: there, this case must run.
  if (!available && process.env.REPERES_REQUIRE_REDIS === '1') throw new Error(`REPERES_REQUIRE_REDIS=1 but Redis does not answer at ${redisUrl}.`);
  test.skip(!available, `Redis does not answer at ${redisUrl}: the shared-limit case cannot run.`);
  for (const port of ports) {
    apps.push(
      spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port)], {
        cwd: root,
        stdio: 'ignore',
        env: {
          ...process.env,
          NODE_ENV: 'production',
          DATABASE_URL: e2eDatabaseUrl(),
          REDIS_URL: redisUrl,
          SEARCH_RATE_LIMIT: '6',
          TRUSTED_PROXY_HOPS: '1',
          NEXTAUTH_URL: `http://localhost:${port}`,
          NEXTAUTH_SECRET: 'e2e-secret-not-for-production-0123456789',
        },
      }),
    );
  }
  for (const port of ports) {
    const deadline = Date.now() + 60_000;
    while (
      (await fetch(`http://localhost:${port}/api/health`).then(
        (r) => r.status,
        () => 0,
      )) !== 200
    ) {
      if (Date.now() > deadline) throw new Error(`instance on ${port} did not start`);
      await new Promise((r) => setTimeout(r, 300));
    }
  }
});

test.afterAll(async () => {
  await Promise.all(apps.map((app) => new Promise((resolve) => (app.exitCode !== null ? resolve(null) : (app.once('exit', resolve), app.kill('SIGTERM'))))));
});

test('a rate limit holds across two instances (shared in Redis)', async () => {
  // A client address of its own for this run, so earlier runs do not count.
  const client = `198.51.100.${Math.floor(Math.random() * 200) + 20}, 10.0.0.${Date.now() % 250}`;
  const statuses: number[] = [];
  for (let i = 0; i < API_RATE.limit; i++) {
    const port = ports[i % 2];
    const response = await fetch(`http://localhost:${port}/api/v1/lieux?limite=1&n=${i}`, { headers: { 'x-forwarded-for': client } });
    statuses.push(response.status);
  }
  // Each instance saw only half the limit, yet both refuse the next request.
  expect(statuses.filter((s) => s === 200)).toHaveLength(API_RATE.limit);
  for (const port of ports) {
    const refused = await fetch(`http://localhost:${port}/api/v1/lieux?limite=1`, { headers: { 'x-forwarded-for': client } });
    expect(refused.status, `instance ${port}`).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  }
  // Another client is not affected.
  expect((await fetch(`http://localhost:${ports[1]}/api/v1/lieux?limite=1`, { headers: { 'x-forwarded-for': '192.0.2.200' } })).status).toBe(200);
});

test('the search page’s limit holds across instances too, with a French 429 page', async () => {
  const client = `203.0.113.${Math.floor(Math.random() * 200) + 20}`;
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++)
    statuses.push((await fetch(`http://localhost:${ports[i % 2]}/recherche?ou=Saumur&n=${i}`, { headers: { 'x-forwarded-for': client } })).status);
  expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
  for (const port of ports) {
    const refused = await fetch(`http://localhost:${port}/recherche?ou=Angers`, { headers: { 'x-forwarded-for': client } });
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain('Trop de recherches');
    expect(refused.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  }
});

test('a change saved through one instance is what the other serves next', async ({ browser }) => {
  const prisma = createPrismaClient(e2eDatabaseUrl(), { max: 1 });
  const place = await prisma.place.findUniqueOrThrow({ where: { slug: SLUG } });
  const headers = { 'x-forwarded-for': '192.0.2.201' };
  try {
    const before = await fetch(`http://localhost:${ports[0]}/api/v1/lieux/${place.id}`, { headers });
    const etag = before.headers.get('etag')!;
    expect(before.headers.get('cache-control')).toMatch(/stale-while-revalidate/);
    // The same place, unchanged, on the other instance: same ETag, 304.
    expect((await fetch(`http://localhost:${ports[1]}/api/v1/lieux/${place.id}`, { headers: { ...headers, 'if-none-match': etag } })).status).toBe(304);

    // Each instance keeps the rendered page: the second visit is served from its page cache, the
    // same page as the render but for the nonce, compressed by Next.js for a client that accepts
    // it and plain for one that does not.
    const visit = (port: number) => fetch(`http://localhost:${port}/lieux/${SLUG}`, { headers });
    const withoutNonce = (html: string) => html.replace(/nonce="[^"]+"/g, 'nonce=""');
    for (const port of ports) {
      const rendered = await (await visit(port)).text();
      const again = await visit(port);
      expect(again.headers.get('x-page-cache'), `instance ${port}`).toBe('hit');
      expect(again.headers.get('content-encoding')).toBe('gzip');
      const html = await again.text();
      expect(html).toContain(`<h1>${place.name}</h1>`);
      expect(withoutNonce(html)).toBe(withoutNonce(rendered));
      expect(html.match(/nonce="([^"]+)"/)![1]).not.toBe(rendered.match(/nonce="([^"]+)"/)![1]);
      const plain = await new Promise<{ encoding: string | undefined; body: string }>((resolve, reject) => {
        http
          .get({ host: 'localhost', port, path: `/lieux/${SLUG}`, headers }, (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => resolve({ encoding: response.headers['content-encoding'], body: Buffer.concat(chunks).toString('utf8') }));
          })
          .on('error', reject);
      });
      expect(plain.encoding).toBeUndefined();
      expect(withoutNonce(plain.body)).toBe(withoutNonce(rendered));
    }

    // A save (here straight in the shared database, as instance A's back-office would do).
    await prisma.place.update({ where: { id: place.id }, data: { name: `${place.name} — modifié`, version: { increment: 1 } } });

    // Both caches are emptied (PostgreSQL notifies every instance): the next visit is a fresh render.
    for (const port of ports) {
      await expect.poll(async () => (await visit(port)).text(), { timeout: 2000, intervals: [20, 50, 100] }).toContain(`<h1>${place.name} — modifié</h1>`);
    }

    const after = await fetch(`http://localhost:${ports[1]}/api/v1/lieux/${place.id}`, { headers: { ...headers, 'if-none-match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(((await after.json()) as { nom: string }).nom).toBe(`${place.name} — modifié`);
    const page = await browser.newPage();
    const response = await page.goto(`http://localhost:${ports[1]}/lieux/${SLUG}`);
    expect(response!.headers()['cache-control']).toMatch(/^public, max-age=0, s-maxage=60, stale-while-revalidate=300$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${place.name} — modifié`);
    await page.close();
  } finally {
    await prisma.place.update({ where: { id: place.id }, data: { name: place.name } });
    await prisma.$disconnect();
  }
});
