// The page cache's store (lib/cache/page-store.ts) through createPageCache, against the real test
// database: every instance here LISTENs through its own connection, as each app process does.
import { describe, expect, it } from 'vitest';
import { cachedPage, clearPageCache, createPageCache, NONCE_TOKEN, pageCacheHeader, pageCacheStats, type CachedPage } from './page-cache';
import { caches, connectionsNamed, counter, db, deferred, listeningCache, logger, url, usePageCacheFixture } from '../../tests/helpers/page-cache';

describe('page cache', () => {
  usePageCacheFixture();

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
      return n === 1
        ? Promise.resolve({ status: 200, body: 'page #1' })
        : new Promise<CachedPage>((resolve) => (release = () => resolve({ status: 200, body: `page #${n}` })));
    };
    await cache.cachedPage('/recherche?ou=Angers', slow);
    clock = Date.parse('2026-12-01T10:01:02.000Z'); // past the minute, within the grace
    // Everyone gets the expired page at once; a single render starts.
    const answers = await Promise.all([1, 2, 3].map(() => cache.cachedPage('/recherche?ou=Angers', slow)));
    expect(answers.map((a) => [a.body, a.hit])).toEqual([
      ['page #1', true],
      ['page #1', true],
      ['page #1', true],
    ]);
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
      version === 1
        ? Promise.resolve({ status: 200, body: 'v1' })
        : new Promise<CachedPage>((resolve) => pending.push(() => resolve({ status: 200, body: 'v2' })));
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
});
