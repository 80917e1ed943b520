// In-process cache of rendered public pages. A route renders a page to an HTML string once, and
// the same string answers the same URL until the data or the minute changes:
//
// - only status 200 pages are kept; a page lives until the next minute boundary (opening states
//   such as "ouvert maintenant" change by the minute, in every time zone) and at most
//   PAGE_CACHE_TTL_SECONDS; memory is bounded (PAGE_CACHE_MAX_MB, least recently used first);
// - concurrent misses for one key share one render (single flight);
// - invalidation holds across instances: triggers on every table shown on public pages
//   (migration 20261201090000_public_data_notify) NOTIFY `reperes_public_data`; each process keeps
//   one dedicated connection to the primary LISTENing there, and any notification empties the
//   whole cache. While that connection is not established (starting, lost, reconnecting, or the
//   triggers are missing), the cache is bypassed: pages are rendered every time and never stored,
//   since a change could go unnoticed;
// - a render that started before an invalidation is never stored (it may have read old data);
// - disabled (renders every time) with PAGE_CACHE=off and outside production.
//
// Pages carry a CSP nonce per response: a cached render writes NONCE_TOKEN where the nonce goes,
// and the caller replaces it (`body.replaceAll(NONCE_TOKEN, nonce)`) for each response.
// Never call it for a signed-in request: the key must describe everything the page depends on.
//
// Two parts: the store (page-store.ts: LRU, shared renders, stale serving, background limit) and
// the invalidation listener (page-cache-listener.ts: LISTEN, trigger check, heartbeat, reconnection).
import 'server-only';
import { randomBytes } from 'node:crypto';
import { env } from '../config/env';
import { logger as appLogger } from '../observability/logger';
import { startInvalidationListener, type Log } from './page-cache-listener';
import { createPageStore, type CachedPage } from './page-store';

export { PUBLIC_DATA_CHANNEL, PUBLIC_DATA_TABLES, PUBLIC_DATA_TRIGGER } from './page-cache-listener';
export type { CachedPage } from './page-store';

export type PageCacheStats = { entries: number; bytes: number; hits: number; misses: number; listening: boolean };

/** With a read replica, renders are not stored for this long after a change, while the replica catches up. */
export const REPLICA_SETTLE_MS = 5_000;

export type PageCacheOptions = {
  /** Off: `cachedPage` renders every time and no listener is started. */
  enabled: boolean;
  /** The primary, for the listener. Without one the cache never listens, so it is always bypassed. */
  databaseUrl?: string;
  ttlSeconds?: number;
  /**
   * After an entry expires (TTL or minute boundary), it is still served for this long while one
   * request renders its replacement in the background, so that expiries never make visitors wait
   * (all popular pages expire together at each minute). A notification empties the cache all the
   * same: changed data is never served stale.
   */
  staleSeconds?: number;
  /**
   * At most this many of those background renders at once. Popular pages all expire at the same
   * minute boundary: rendering them all at once would hold up every other request for a while.
   * An expired page whose turn has not come is served as it is until its grace ends.
   */
  maxBackgroundRenders?: number;
  maxBytes?: number;
  /** The clock (ms since the epoch); tests inject one. */
  now?: () => number;
  /** After a notification, renders are not stored for this long (read replica lag). */
  settleMs?: number;
  /** How often the listener's connection is checked with a query, and how long it may take. */
  heartbeatMs?: number;
  heartbeatTimeoutMs?: number;
  /** Reconnection backoff: first delay, doubling up to the maximum (with jitter). */
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
  /** `application_name` of the listener's connection (visible in pg_stat_activity). */
  applicationName?: string;
  logger?: Log;
};

export type PageCache = {
  cachedPage(key: string, render: () => Promise<CachedPage>): Promise<CachedPage & { hit: boolean }>;
  /** The page kept for `key` if it is still fresh (not expired), counted as a hit; null otherwise. */
  freshPage(key: string): CachedPage | null;
  clear(): void;
  stats(): PageCacheStats;
  /** Resolves true once the listener is connected, false after `timeoutMs` (warm-up, tests). */
  whenListening(timeoutMs?: number): Promise<boolean>;
  /** Stops the listener and empties the cache; the cache is bypassed afterwards. */
  close(): Promise<void>;
};

export function createPageCache(options: PageCacheOptions): PageCache {
  const log: Log = options.logger ?? appLogger.child({ module: 'page-cache' });
  let listening = false;
  let closed = false;
  let waiters: Array<() => void> = [];
  const store = createPageStore({ ...options, logger: log }, () => options.enabled && listening);

  // Whatever happened while not listening went unnoticed: start from an empty cache both ways.
  function setListening(value: boolean) {
    store.invalidate();
    listening = value;
    if (value) {
      for (const wake of waiters) wake();
      waiters = [];
    }
  }

  const listener =
    options.enabled && options.databaseUrl
      ? startInvalidationListener({ ...options, databaseUrl: options.databaseUrl, logger: log, onListening: setListening, onChange: () => store.changed() })
      : null;
  if (options.enabled && !options.databaseUrl) log.warn({}, 'page cache bypassed: no DATABASE_URL to listen for changes');

  return {
    cachedPage: store.cachedPage,
    freshPage: store.freshPage,
    clear: store.invalidate,
    stats: () => ({ ...store.stats(), listening }),
    whenListening(timeoutMs = 10_000) {
      if (listening) return Promise.resolve(true);
      if (!options.enabled || closed) return Promise.resolve(false);
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w !== wake);
          resolve(false);
        }, timeoutMs);
        timer.unref();
        const wake = () => (clearTimeout(timer), resolve(true));
        waiters.push(wake);
      });
    },
    async close() {
      closed = true;
      for (const wake of waiters) wake();
      waiters = [];
      listening = false;
      store.invalidate();
      await listener?.close();
    },
  };
}

// ---- The process's cache ----------------------------------------------------------------------

// On globalThis: Next.js may load this module more than once in one process (route bundles),
// and every copy must share one cache, one listener and one nonce token.
const globalForCache = globalThis as unknown as { reperesPageCache?: PageCache; reperesNonceToken?: string };

/** Random per process; a render writes it where the CSP nonce goes, the caller replaces it per response. */
export const NONCE_TOKEN: string = (globalForCache.reperesNonceToken ??= `reperes-nonce-${randomBytes(16).toString('hex')}`);

function processCache(): PageCache {
  if (!globalForCache.reperesPageCache) {
    const config = env();
    const cache = createPageCache({
      enabled: config.NODE_ENV === 'production' && config.PAGE_CACHE !== 'off',
      databaseUrl: config.DATABASE_URL,
      ttlSeconds: config.PAGE_CACHE_TTL_SECONDS,
      maxBytes: config.PAGE_CACHE_MAX_MB * 1024 * 1024,
      settleMs: config.DATABASE_REPLICA_URL ? REPLICA_SETTLE_MS : 0,
    });
    globalForCache.reperesPageCache = cache;
    process.once('beforeExit', () => void cache.close());
  }
  return globalForCache.reperesPageCache;
}

/** Returns the cached page for `key` or renders it (concurrent misses for one key share one render). */
export function cachedPage(key: string, render: () => Promise<CachedPage>): Promise<CachedPage & { hit: boolean }> {
  return processCache().cachedPage(key, render);
}

/**
 * The fresh page kept for `key` in this process, or null (nothing kept, expired, or the cache not
 * started): the proxy answers such hits itself, before Next.js routes the request. It never
 * renders; the route handler does, through cachedPage().
 */
export function freshCachedPage(key: string): CachedPage | null {
  return globalForCache.reperesPageCache?.freshPage(key) ?? null;
}

export function clearPageCache(): void {
  globalForCache.reperesPageCache?.clear();
}

export function pageCacheStats(): PageCacheStats {
  return globalForCache.reperesPageCache?.stats() ?? { entries: 0, bytes: 0, hits: 0, misses: 0, listening: false };
}

/** The response header telling whether the page came from the cache (the load test counts them). */
export function pageCacheHeader(hit: boolean): { 'X-Page-Cache': 'hit' | 'miss' } {
  return { 'X-Page-Cache': hit ? 'hit' : 'miss' };
}
