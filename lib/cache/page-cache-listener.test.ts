// The page cache's invalidation listener (lib/cache/page-cache-listener.ts) against the real test
// database: changes are made through other connections, and connections are cut under it.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createPageCache, PUBLIC_DATA_CHANNEL, PUBLIC_DATA_TABLES } from './page-cache';
import { caches, connectionsNamed, counter, db, listeningCache, logger, logs, placeId, until, url, usePageCacheFixture } from '../../tests/helpers/page-cache';

describe('page cache', () => {
  usePageCacheFixture();

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
    const unreachable = createPageCache({
      enabled: true,
      databaseUrl: 'postgresql://postgres@127.0.0.1:1/none',
      logger,
      reconnectMinMs: 50,
      reconnectMaxMs: 100,
    });
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
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--conditions=react-server', '-e', script], {
      cwd: process.cwd(),
      encoding: 'utf8',
      timeout: 20_000,
      env: { ...process.env, NODE_ENV: 'production' },
    });
    expect(child.stdout.trim()).toBe('listening');
    expect(child.status).toBe(0);
    expect(Date.now() - started).toBeLessThan(12_000);
  });
});
