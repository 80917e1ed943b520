// The page cache against the real test database: every instance here LISTENs through its own
// connection, as each app process does, and changes are made through other connections.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../tests/helpers/db';
import {
  cachedPage,
  clearPageCache,
  createPageCache,
  NONCE_TOKEN,
  pageCacheHeader,
  pageCacheStats,
  PUBLIC_DATA_CHANNEL,
  PUBLIC_DATA_TABLES,
  type CachedPage,
  type PageCache,
  type PageCacheOptions,
} from './page-cache';

const db = testDb();
const url = () => process.env.DATABASE_URL!;
const logs: Array<{ level: string; obj: object; msg: string }> = [];
const logger = {
  debug: (obj: object, msg: string) => logs.push({ level: 'debug', obj, msg }),
  info: (obj: object, msg: string) => logs.push({ level: 'info', obj, msg }),
  warn: (obj: object, msg: string) => logs.push({ level: 'warn', obj, msg }),
  error: (obj: object, msg: string) => logs.push({ level: 'error', obj, msg }),
};
const caches: PageCache[] = [];
let instances = 0;

/** A cache listening on the test database, with a connection name of its own. */
async function listeningCache(options: Partial<PageCacheOptions> = {}, wait = true): Promise<PageCache & { name: string }> {
  const name = `reperes-page-cache-test-${process.pid}-${++instances}`;
  const cache = createPageCache({ enabled: true, databaseUrl: url(), logger, applicationName: name, reconnectMinMs: 100, reconnectMaxMs: 400, ...options });
  caches.push(cache);
  if (wait) expect(await cache.whenListening(10_000)).toBe(true);
  return Object.assign(cache, { name });
}

function counter(body = 'page', status = 200) {
  const render = async (): Promise<CachedPage> => {
    render.calls++;
    return { status, body: `${body} #${render.calls}`, headers: { 'Content-Type': 'text/html; charset=utf-8' } };
  };
  render.calls = 0;
  return render;
}

function deferred() {
  let resolve!: (page: CachedPage) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<CachedPage>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return Date.now() - started;
}

async function connectionsNamed(name: string): Promise<number> {
  const rows = await db.$queryRawUnsafe<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1`, name);
  return rows[0].n;
}

let placeId: string;

describe('page cache', () => {
  beforeAll(async () => {
    const place = await db.place.create({
      data: { slug: `cache-test-${process.pid}`, name: 'Espace numérique du test de cache', street: '1 rue du Cache', postcode: '49000', commune: 'Angers', dateMaj: new Date('2026-11-01'), status: 'PUBLISHED' },
    });
    placeId = place.id;
  });

  afterAll(async () => {
    await Promise.all(caches.map((cache) => cache.close()));
    await db.place.deleteMany({ where: { id: placeId } });
    // Nothing logged carries the connection string (its user, host, password).
    expect(JSON.stringify(logs)).not.toContain(url());
  });

  it('renders on a miss, answers the same page on a hit, and counts both', async () => {
    const cache = await listeningCache();
    const render = counter();
    const first = await cache.cachedPage('/lieux/a', render);
    const second = await cache.cachedPage('/lieux/a', render);
    expect(first).toEqual({ status: 200, body: 'page #1', headers: { 'Content-Type': 'text/html; charset=utf-8' }, hit: false });
    expect(second).toEqual({ ...first, hit: true });
    expect(render.calls).toBe(1);
    expect(await cache.cachedPage('/lieux/b', render)).toMatchObject({ body: 'page #2', hit: false });
    const stats = cache.stats();
    expect(stats).toMatchObject({ entries: 2, hits: 1, misses: 2, listening: true });
    expect(stats.bytes).toBeGreaterThan(2 * 'page #1'.length);
    // A caller changing its copy does not change the cached page.
    second.headers!['X-Other'] = 'x';
    expect((await cache.cachedPage('/lieux/a', render)).headers).toEqual({ 'Content-Type': 'text/html; charset=utf-8' });
    cache.clear();
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0 });
    expect(await cache.cachedPage('/lieux/a', render)).toMatchObject({ body: 'page #3', hit: false });
  });

  it('shares one render between concurrent misses for one key', async () => {
    const cache = await listeningCache();
    const pending = deferred();
    let calls = 0;
    const render = () => (calls++, pending.promise);
    const answers = Promise.all(Array.from({ length: 20 }, () => cache.cachedPage('/recherche?ou=Angers', render)));
    const other = cache.cachedPage('/recherche?ou=Saumur', async () => ({ status: 200, body: 'Saumur' }));
    pending.resolve({ status: 200, body: 'Angers' });
    const pages = await answers;
    expect(calls).toBe(1);
    expect(new Set(pages.map((p) => p.body))).toEqual(new Set(['Angers']));
    expect(pages.every((p) => !p.hit)).toBe(true);
    expect((await other).body).toBe('Saumur');
    expect(await cache.cachedPage('/recherche?ou=Angers', render)).toMatchObject({ body: 'Angers', hit: true });
    expect(calls).toBe(1);

    // A failed render fails every request that waited for it, and nothing is kept.
    const failing = deferred();
    const waiting = Promise.allSettled([cache.cachedPage('/x', () => failing.promise), cache.cachedPage('/x', () => failing.promise)]);
    failing.reject(new Error('database away'));
    expect((await waiting).map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await cache.cachedPage('/x', async () => ({ status: 200, body: 'back' }))).toMatchObject({ body: 'back', hit: false });
  });

  it('keeps a page until the next minute boundary, and never longer than the TTL', async () => {
    let clock = Date.parse('2026-12-01T10:00:30.000Z');
    const cache = await listeningCache({ now: () => clock, ttlSeconds: 60, staleSeconds: 0 });
    const render = counter();
    await cache.cachedPage('/lieux/a', render);
    clock = Date.parse('2026-12-01T10:00:59.999Z');
    expect(await cache.cachedPage('/lieux/a', render)).toMatchObject({ body: 'page #1', hit: true });
    clock = Date.parse('2026-12-01T10:01:00.000Z'); // "ouvert maintenant" may have changed
    expect(await cache.cachedPage('/lieux/a', render)).toMatchObject({ body: 'page #2', hit: false });
    expect(cache.stats().entries).toBe(1);

    const short = await listeningCache({ now: () => clock, ttlSeconds: 10, staleSeconds: 0 });
    clock = Date.parse('2026-12-01T10:02:05.000Z');
    await short.cachedPage('/lieux/a', render);
    clock = Date.parse('2026-12-01T10:02:14.999Z');
    expect(await short.cachedPage('/lieux/a', render)).toMatchObject({ hit: true });
    clock = Date.parse('2026-12-01T10:02:15.000Z');
    expect(await short.cachedPage('/lieux/a', render)).toMatchObject({ hit: false });

    // A render that started in one minute and ended in the next is not kept (it showed the old minute).
    clock = Date.parse('2026-12-01T10:03:59.900Z');
    const slow = async () => ((clock = Date.parse('2026-12-01T10:04:00.100Z')), { status: 200, body: 'slow' });
    expect(await cache.cachedPage('/slow', slow)).toMatchObject({ body: 'slow', hit: false });
    expect(await cache.cachedPage('/slow', async () => ({ status: 200, body: 'again' }))).toMatchObject({ body: 'again', hit: false });

    // Expired pages leave memory even when nobody asks for them again.
    clock = Date.parse('2026-12-01T10:05:00.000Z');
    await cache.cachedPage('/other', render);
    expect(cache.stats().entries).toBe(1);
  });

  it('serves an expired page a few seconds more while one background render replaces it, but never after a change', async () => {
    let clock = Date.parse('2026-12-01T10:00:30.000Z');
    const cache = await listeningCache({ now: () => clock, staleSeconds: 10 });
    let renders = 0;
    let release: () => void = () => undefined;
    const slow = () => {
      renders++;
      const n = renders;
      return n === 1 ? Promise.resolve({ status: 200, body: 'page #1' }) : new Promise<CachedPage>((resolve) => (release = () => resolve({ status: 200, body: `page #${n}` })));
    };
    await cache.cachedPage('/recherche?ou=Angers', slow);
    clock = Date.parse('2026-12-01T10:01:02.000Z'); // past the minute, within the grace
    // Everyone gets the expired page at once; a single render starts.
    const answers = await Promise.all([1, 2, 3].map(() => cache.cachedPage('/recherche?ou=Angers', slow)));
    expect(answers.map((a) => [a.body, a.hit])).toEqual([['page #1', true], ['page #1', true], ['page #1', true]]);
    expect(renders).toBe(2);
    release();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await cache.cachedPage('/recherche?ou=Angers', slow)).toMatchObject({ body: 'page #2', hit: true });

    // Past the grace: a plain miss.
    clock = Date.parse('2026-12-01T10:02:10.000Z');
    const late = cache.cachedPage('/recherche?ou=Angers', slow);
    release();
    expect(await late).toMatchObject({ body: 'page #3', hit: false });

    // A change empties the cache: nothing stale is served after it.
    clock = Date.parse('2026-12-01T10:03:01.000Z');
    await db.$executeRawUnsafe(`UPDATE "Place" SET name = name WHERE false`);
    await expect.poll(() => cache.stats().entries, { timeout: 1000 }).toBe(0);
    const fresh = cache.cachedPage('/recherche?ou=Angers', slow);
    release();
    expect(await fresh).toMatchObject({ body: 'page #4', hit: false });
  });

  it('renders at most two expired pages at once in the background, serving the others as they are meanwhile', async () => {
    let clock = Date.parse('2026-12-01T10:00:30.000Z');
    const cache = await listeningCache({ now: () => clock, staleSeconds: 10, maxBackgroundRenders: 2 });
    const keys = ['a', 'b', 'c', 'd'].map((k) => `/recherche?ou=${k}`);
    const pending: Array<() => void> = [];
    let version = 1;
    const render = () =>
      version === 1 ? Promise.resolve({ status: 200, body: 'v1' }) : new Promise<CachedPage>((resolve) => pending.push(() => resolve({ status: 200, body: 'v2' })));
    for (const key of keys) await cache.cachedPage(key, render);
    version = 2;
    clock = Date.parse('2026-12-01T10:01:01.000Z'); // all four expired together, at the minute
    const first = await Promise.all(keys.map((key) => cache.cachedPage(key, render)));
    expect(first.map((a) => [a.body, a.hit])).toEqual(keys.map(() => ['v1', true]));
    expect(pending).toHaveLength(2);
    // Once those two are done, the next requests start the remaining two.
    pending.splice(0).forEach((done) => done());
    await new Promise((resolve) => setTimeout(resolve, 10));
    const second = await Promise.all(keys.map((key) => cache.cachedPage(key, render)));
    expect(second.map((a) => a.body)).toEqual(['v2', 'v2', 'v1', 'v1']);
    expect(pending).toHaveLength(2);
    pending.splice(0).forEach((done) => done());
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect((await Promise.all(keys.map((key) => cache.cachedPage(key, render)))).map((a) => a.body)).toEqual(['v2', 'v2', 'v2', 'v2']);
  });

  it('gives the proxy a fresh page only, counted as a hit, never an expired one', async () => {
    let clock = Date.parse('2026-12-01T10:00:30.000Z');
    const cache = await listeningCache({ now: () => clock });
    expect(cache.freshPage('/lieux/a')).toBeNull();
    await cache.cachedPage('/lieux/a', counter());
    expect(cache.freshPage('/lieux/a')).toMatchObject({ status: 200, body: 'page #1' });
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1 });
    clock = Date.parse('2026-12-01T10:01:00.000Z'); // expired, in its grace: left to the route, which replaces it
    expect(cache.freshPage('/lieux/a')).toBeNull();
    const off = createPageCache({ enabled: false, databaseUrl: url(), logger });
    expect(off.freshPage('/lieux/a')).toBeNull();
  });

  it('bounds memory, evicting the least recently used pages first', async () => {
    const body = 'é'.repeat(1000);
    const one = 256 + 2 * ('/p/0'.length + body.length);
    const cache = await listeningCache({ maxBytes: 3 * one });
    const render = async () => ({ status: 200, body });
    for (const key of ['/p/0', '/p/1', '/p/2']) await cache.cachedPage(key, render);
    expect(cache.stats()).toMatchObject({ entries: 3, bytes: 3 * one });
    await cache.cachedPage('/p/0', render); // now the most recently used
    await cache.cachedPage('/p/3', render); // evicts /p/1
    expect(cache.stats()).toMatchObject({ entries: 3, bytes: 3 * one });
    expect((await cache.cachedPage('/p/0', render)).hit).toBe(true);
    expect((await cache.cachedPage('/p/2', render)).hit).toBe(true);
    expect((await cache.cachedPage('/p/3', render)).hit).toBe(true);
    expect((await cache.cachedPage('/p/1', render)).hit).toBe(false);
    // A page bigger than the whole bound is served, not kept, and evicts nothing.
    const huge = await cache.cachedPage('/huge', async () => ({ status: 200, body: 'x'.repeat(4 * one) }));
    expect(huge.hit).toBe(false);
    expect(cache.stats().entries).toBe(3);
    expect((await cache.cachedPage('/huge', async () => ({ status: 200, body: 'x' }))).hit).toBe(false);
    expect(cache.stats().bytes).toBeLessThanOrEqual(3 * one);
  });

  it('keeps only status 200 pages', async () => {
    const cache = await listeningCache();
    for (const status of [404, 410, 500, 503, 301]) {
      const render = counter('answer', status);
      expect(await cache.cachedPage(`/status/${status}`, render)).toMatchObject({ status, hit: false });
      expect(await cache.cachedPage(`/status/${status}`, render)).toMatchObject({ status, hit: false });
      expect(render.calls).toBe(2);
    }
    expect(cache.stats().entries).toBe(0);
  });

  it('never keeps a render that started before an invalidation, nor shares it with later requests', async () => {
    const cache = await listeningCache();
    const before = deferred();
    const early = cache.cachedPage('/lieux/a', () => before.promise);
    cache.clear(); // a change arrives while the page renders
    const later = cache.cachedPage('/lieux/a', async () => ({ status: 200, body: 'new' }));
    before.resolve({ status: 200, body: 'old' });
    expect((await early).body).toBe('old');
    expect((await later).body).toBe('new');
    expect(await cache.cachedPage('/lieux/a', async () => ({ status: 200, body: 'newer' }))).toMatchObject({ body: 'new', hit: true });
  });

  it('when disabled, renders every time and opens no connection', async () => {
    const name = `reperes-page-cache-off-${process.pid}`;
    const cache = createPageCache({ enabled: false, databaseUrl: url(), logger, applicationName: name });
    caches.push(cache);
    const render = counter();
    expect(await cache.cachedPage('/a', render)).toMatchObject({ hit: false, body: 'page #1' });
    expect(await cache.cachedPage('/a', render)).toMatchObject({ hit: false, body: 'page #2' });
    expect(cache.stats()).toMatchObject({ entries: 0, listening: false });
    expect(await cache.whenListening(100)).toBe(false);
    expect(await connectionsNamed(name)).toBe(0);

    // The process's cache: off outside production (vitest runs with NODE_ENV=test).
    expect(process.env.NODE_ENV).not.toBe('production');
    const processRender = counter();
    expect(await cachedPage('/a', processRender)).toMatchObject({ hit: false });
    expect(await cachedPage('/a', processRender)).toMatchObject({ hit: false });
    expect(processRender.calls).toBe(2);
    expect(pageCacheStats()).toMatchObject({ entries: 0, listening: false });
    clearPageCache();
    expect(pageCacheHeader(true)).toEqual({ 'X-Page-Cache': 'hit' });
    expect(pageCacheHeader(false)).toEqual({ 'X-Page-Cache': 'miss' });
    // The nonce token survives HTML escaping untouched, and is not guessable.
    expect(NONCE_TOKEN).toMatch(/^reperes-nonce-[0-9a-f]{32}$/);
  });

  it('every public table notifies on insert, update, delete and truncate, once per statement, only on commit', async () => {
    const listener = new pg.Client({ connectionString: url() });
    await listener.connect();
    const received: string[] = [];
    listener.on('notification', (message) => message.channel === PUBLIC_DATA_CHANNEL && received.push(message.payload ?? ''));
    await listener.query(`LISTEN ${PUBLIC_DATA_CHANNEL}`);
    try {
      for (const table of PUBLIC_DATA_TABLES) await db.$executeRawUnsafe(`DELETE FROM "${table}" WHERE false`);
      await until(() => received.length >= PUBLIC_DATA_TABLES.length, 2000);
      expect(received).toEqual([...PUBLIC_DATA_TABLES]);

      received.length = 0;
      await db.place.update({ where: { id: placeId }, data: { summary: 'Mis à jour' } });
      await db.placeSlugRedirect.create({ data: { slug: `cache-old-${process.pid}`, placeId } });
      await db.$executeRawUnsafe(`TRUNCATE "PlaceSlugRedirect"`);
      // A rolled-back change says nothing; the geocoder's cache (written by searches) neither.
      await expect(
        db.$transaction(async (tx) => {
          await tx.place.update({ where: { id: placeId }, data: { summary: 'Annulé' } });
          throw new Error('rollback');
        }),
      ).rejects.toThrow('rollback');
      await db.geocodeCache.upsert({ where: { query: 'cache-test' }, create: { query: 'cache-test', result: {} }, update: {} });
      await db.place.update({ where: { id: placeId }, data: { summary: null } });
      await until(() => received.length >= 4, 2000);
      await new Promise((r) => setTimeout(r, 200));
      expect(received).toEqual(['Place', 'PlaceSlugRedirect', 'PlaceSlugRedirect', 'Place']);
    } finally {
      await db.geocodeCache.deleteMany({ where: { query: 'cache-test' } });
      await listener.end();
    }
  });

  it('two instances, each with its own listener, are both emptied within a second of a change made elsewhere', async () => {
    const a = await listeningCache();
    const b = await listeningCache();
    expect(await connectionsNamed(a.name)).toBe(1);
    expect(await connectionsNamed(b.name)).toBe(1);
    for (const cache of [a, b]) {
      await cache.cachedPage('/lieux/cache-test', counter('before'));
      expect((await cache.cachedPage('/lieux/cache-test', counter('before'))).hit).toBe(true);
    }
    const changed = Date.now();
    await db.place.update({ where: { id: placeId }, data: { name: 'Espace numérique renommé' } });
    await until(() => a.stats().entries === 0 && b.stats().entries === 0, 1000);
    const elapsed = Date.now() - changed;
    expect(elapsed).toBeLessThan(1000);
    for (const cache of [a, b]) expect(await cache.cachedPage('/lieux/cache-test', counter('after'))).toMatchObject({ body: 'after #1', hit: false });
    expect(a.stats().listening && b.stats().listening).toBe(true);
  });

  it('after a change, with a read replica, does not keep renders until the replica has caught up', async () => {
    const cache = await listeningCache({ settleMs: 400 });
    await cache.cachedPage('/r', counter());
    await db.place.update({ where: { id: placeId }, data: { summary: 'Réplique' } });
    await until(() => cache.stats().entries === 0, 1000);
    const notified = Date.now();
    const render = counter();
    await until(async () => (await cache.cachedPage('/r', render)).hit, 3000);
    // Renders inside the window were served, not kept.
    expect(Date.now() - notified).toBeGreaterThanOrEqual(350);
    expect(render.calls).toBeGreaterThanOrEqual(2);
  });

  it('is bypassed while its listener is down, empties itself, and resumes once reconnected', async () => {
    const cache = await listeningCache();
    await cache.cachedPage('/lieux/a', counter());
    expect(cache.stats().entries).toBe(1);
    // The listener's connection dies (server restart, failover, network).
    await db.$queryRawUnsafe(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`, cache.name);
    await until(() => !cache.stats().listening, 2000);
    expect(cache.stats().entries).toBe(0);
    expect(logs.some((l) => l.level === 'warn' && l.msg.startsWith('page cache listener lost'))).toBe(true);
    // Meanwhile, every request renders, nothing is kept.
    const render = counter();
    let duringOutage = 0;
    while (!cache.stats().listening) {
      expect(await cache.cachedPage('/lieux/a', render)).toMatchObject({ hit: false });
      expect(cache.stats().entries).toBe(0);
      duringOutage++;
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(duringOutage).toBeGreaterThan(0);
    expect(await cache.whenListening(5000)).toBe(true);
    expect(await connectionsNamed(cache.name)).toBe(1);
    await cache.cachedPage('/lieux/a', render);
    expect(await cache.cachedPage('/lieux/a', render)).toMatchObject({ hit: true });
  });

  it('is bypassed when it cannot connect at all, or when the triggers are missing', async () => {
    const unreachable = createPageCache({ enabled: true, databaseUrl: 'postgresql://postgres@127.0.0.1:1/none', logger, reconnectMinMs: 50, reconnectMaxMs: 100 });
    caches.push(unreachable);
    const render = counter();
    for (let i = 0; i < 3; i++) expect(await unreachable.cachedPage('/a', render)).toMatchObject({ hit: false });
    expect(render.calls).toBe(3);
    expect(await unreachable.whenListening(300)).toBe(false);
    expect(unreachable.stats()).toMatchObject({ entries: 0, listening: false });

    // A database whose triggers are missing or disabled (a migration not applied yet, a restore
    // without them) would never notify: the cache stays bypassed until they are back.
    await db.$executeRawUnsafe(`ALTER TABLE "Commune" DISABLE TRIGGER reperes_public_data_notify`);
    try {
      const blind = await listeningCache({}, false);
      expect(await blind.whenListening(500)).toBe(false);
      expect(logs.some((l) => l.level === 'error' && l.msg.includes('triggers are missing'))).toBe(true);
      await blind.cachedPage('/a', render);
      expect((await blind.cachedPage('/a', render)).hit).toBe(false);
      await db.$executeRawUnsafe(`ALTER TABLE "Commune" ENABLE TRIGGER reperes_public_data_notify`);
      expect(await blind.whenListening(5000)).toBe(true);
      await blind.cachedPage('/a', render);
      expect((await blind.cachedPage('/a', render)).hit).toBe(true);
    } finally {
      await db.$executeRawUnsafe(`ALTER TABLE "Commune" ENABLE TRIGGER reperes_public_data_notify`);
    }
  });

  it('closes its connection and does not keep the process alive', async () => {
    const cache = await listeningCache();
    await cache.close();
    await until(async () => (await connectionsNamed(cache.name)) === 0, 2000);
    expect(cache.stats().listening).toBe(false);
    expect((await cache.cachedPage('/a', counter())).hit).toBe(false);
    // In a process doing nothing else, a listening cache lets it exit by itself.
    const { spawnSync } = await import('node:child_process');
    const script = `
      const { createPageCache } = require('./lib/cache/page-cache.ts');
      const cache = createPageCache({ enabled: true, databaseUrl: process.env.DATABASE_URL, logger: { debug() {}, info() {}, warn() {}, error() {} } });
      const busy = setTimeout(() => console.log('kept alive'), 15000); // the rest of an app's work
      cache.whenListening(10000).then((ok) => (console.log(ok ? 'listening' : 'not listening'), clearTimeout(busy)));`;
    const started = Date.now();
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--conditions=react-server', '-e', script], { cwd: process.cwd(), encoding: 'utf8', timeout: 20_000, env: { ...process.env, NODE_ENV: 'production' } });
    expect(child.stdout.trim()).toBe('listening');
    expect(child.status).toBe(0);
    expect(Date.now() - started).toBeLessThan(12_000);
  });
});
