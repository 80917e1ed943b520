// Shared by the page cache's tests (lib/cache/page-store.test.ts, page-cache-listener.test.ts):
// caches that LISTEN on the test database through their own connection, as each app process does,
// renders that count their calls, and a place to change through other connections.
import { afterAll, beforeAll, expect } from 'vitest';
import { createPageCache, type CachedPage, type PageCache, type PageCacheOptions } from '../../lib/cache/page-cache';
import { testDb } from './db';

export const db = testDb();
export const url = () => process.env.DATABASE_URL!;
export const logs: Array<{ level: string; obj: object; msg: string }> = [];
export const logger = {
  debug: (obj: object, msg: string) => logs.push({ level: 'debug', obj, msg }),
  info: (obj: object, msg: string) => logs.push({ level: 'info', obj, msg }),
  warn: (obj: object, msg: string) => logs.push({ level: 'warn', obj, msg }),
  error: (obj: object, msg: string) => logs.push({ level: 'error', obj, msg }),
};
export const caches: PageCache[] = [];
let instances = 0;

/** A cache listening on the test database, with a connection name of its own. */
export async function listeningCache(options: Partial<PageCacheOptions> = {}, wait = true): Promise<PageCache & { name: string }> {
  const name = `reperes-page-cache-test-${process.pid}-${++instances}`;
  const cache = createPageCache({ enabled: true, databaseUrl: url(), logger, applicationName: name, reconnectMinMs: 100, reconnectMaxMs: 400, ...options });
  caches.push(cache);
  if (wait) expect(await cache.whenListening(10_000)).toBe(true);
  return Object.assign(cache, { name });
}

export function counter(body = 'page', status = 200) {
  const render = async (): Promise<CachedPage> => {
    render.calls++;
    return { status, body: `${body} #${render.calls}`, headers: { 'Content-Type': 'text/html; charset=utf-8' } };
  };
  render.calls = 0;
  return render;
}

export function deferred() {
  let resolve!: (page: CachedPage) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<CachedPage>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

export async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return Date.now() - started;
}

export async function connectionsNamed(name: string): Promise<number> {
  const rows = await db.$queryRawUnsafe<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1`, name);
  return rows[0].n;
}

/** The test place (changed through other connections to make the triggers notify), created before the file's tests. */
export let placeId: string;

/** Creates the test place before the file's tests; closes every cache and removes the place after them. */
export function usePageCacheFixture(): void {
  beforeAll(async () => {
    const place = await db.place.create({
      data: {
        slug: `cache-test-${process.pid}`,
        name: 'Espace numérique du test de cache',
        street: '1 rue du Cache',
        postcode: '49000',
        commune: 'Angers',
        dateMaj: new Date('2026-11-01'),
        status: 'PUBLISHED',
      },
    });
    placeId = place.id;
  });

  afterAll(async () => {
    await Promise.all(caches.map((cache) => cache.close()));
    await db.place.deleteMany({ where: { id: placeId } });
    // Nothing logged carries the connection string (its user, host, password).
    expect(JSON.stringify(logs)).not.toContain(url());
  });
}
