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
import 'server-only';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { env } from '../config/env';
import { logger as appLogger } from '../observability/logger';

export type CachedPage = { status: number; body: string; headers?: Record<string, string> };

export type PageCacheStats = { entries: number; bytes: number; hits: number; misses: number; listening: boolean };

/** The channel the triggers notify, with the changed table's name as payload. */
export const PUBLIC_DATA_CHANNEL = 'reperes_public_data';
/** The name of the trigger on each table (the listener checks they are all there). */
export const PUBLIC_DATA_TRIGGER = 'reperes_public_data_notify';
/** Tables whose content shows on public pages: each carries the trigger. */
export const PUBLIC_DATA_TABLES = ['Place', 'PlaceStop', 'PlaceOpeningSlot', 'PlaceSlugRedirect', 'Network', 'NetworkMembership', 'Commune'] as const;

/** With a read replica, renders are not stored for this long after a change, while the replica catches up. */
export const REPLICA_SETTLE_MS = 5_000;

type Log = { debug(obj: object, msg: string): void; info(obj: object, msg: string): void; warn(obj: object, msg: string): void; error(obj: object, msg: string): void };

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

type Entry = { page: CachedPage; expiresAt: number; staleUntil: number; bytes: number };

const MINUTE = 60_000;
const ENTRY_OVERHEAD = 256;

/** An upper bound of the memory a page takes: V8 strings hold at most two bytes per UTF-16 unit. */
function sizeOf(key: string, page: CachedPage): number {
  let bytes = ENTRY_OVERHEAD + 2 * (key.length + page.body.length);
  for (const [name, value] of Object.entries(page.headers ?? {})) bytes += 2 * (name.length + value.length) + 32;
  return bytes;
}

const copy = (page: CachedPage, hit: boolean): CachedPage & { hit: boolean } => ({
  status: page.status,
  body: page.body,
  ...(page.headers ? { headers: { ...page.headers } } : {}),
  hit,
});

const errorCode = (error: unknown) => (error && typeof error === 'object' && 'code' in error ? String((error as { code: unknown }).code) : undefined);

class MissingTriggers extends Error {}

export function createPageCache(options: PageCacheOptions): PageCache {
  const now = options.now ?? Date.now;
  const ttlMs = (options.ttlSeconds ?? 60) * 1000;
  const staleMs = (options.staleSeconds ?? 10) * 1000;
  const maxBackgroundRenders = options.maxBackgroundRenders ?? 2;
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const settleMs = options.settleMs ?? 0;
  const heartbeatMs = options.heartbeatMs ?? 10_000;
  const heartbeatTimeoutMs = options.heartbeatTimeoutMs ?? 5_000;
  const reconnectMinMs = options.reconnectMinMs ?? 500;
  const reconnectMaxMs = options.reconnectMaxMs ?? 30_000;
  const log: Log = options.logger ?? appLogger.child({ module: 'page-cache' });

  // Map order is recency order: a hit moves its entry to the end, eviction takes from the front.
  const entries = new Map<string, Entry>();
  const inflight = new Map<string, Promise<CachedPage>>();
  let bytes = 0;
  let hits = 0;
  let misses = 0;
  let generation = 0;
  let noStoreUntil = 0;
  let nextSweepAt = Infinity;
  let backgroundRenders = 0;

  let listening = false;
  let closed = false;
  let client: pg.Client | null = null;
  let attempt = 0;
  let retryTimer: NodeJS.Timeout | null = null;
  let heartbeatTimer: NodeJS.Timeout | null = null;
  let waiters: Array<() => void> = [];

  function remove(key: string) {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.bytes;
  }

  /** Empties the cache; renders in flight are neither shared with later requests nor stored. */
  function invalidate() {
    generation++;
    entries.clear();
    inflight.clear();
    bytes = 0;
    nextSweepAt = Infinity;
  }

  function sweep(t: number) {
    if (t < nextSweepAt) return;
    nextSweepAt = Infinity;
    for (const [key, entry] of entries) {
      if (entry.staleUntil <= t) remove(key);
      else nextSweepAt = Math.min(nextSweepAt, entry.staleUntil);
    }
  }

  function store(key: string, page: CachedPage, expiresAt: number) {
    const size = sizeOf(key, page);
    if (size > maxBytes) return;
    remove(key);
    while (bytes + size > maxBytes) {
      const oldest = entries.keys().next();
      if (oldest.done) break;
      remove(oldest.value);
    }
    const staleUntil = expiresAt + staleMs;
    entries.set(key, { page: { ...page, ...(page.headers ? { headers: { ...page.headers } } : {}) }, expiresAt, staleUntil, bytes: size });
    bytes += size;
    nextSweepAt = Math.min(nextSweepAt, staleUntil);
  }

  async function cachedPage(key: string, render: () => Promise<CachedPage>): Promise<CachedPage & { hit: boolean }> {
    if (!options.enabled || !listening) {
      misses++;
      return copy(await render(), false);
    }
    const startedAt = now();
    sweep(startedAt);
    const entry = entries.get(key);
    if (entry && entry.staleUntil > startedAt) {
      entries.delete(key);
      entries.set(key, entry);
      hits++;
      // Expired but within its grace: served as it is, one background render replaces it.
      if (entry.expiresAt <= startedAt && !inflight.has(key) && backgroundRenders < maxBackgroundRenders) {
        backgroundRenders++;
        renderAndStore(key, render, startedAt)
          .catch((error: unknown) => log.warn({ err: error }, 'page cache: background render failed'))
          .finally(() => backgroundRenders--);
      }
      return copy(entry.page, true);
    }
    if (entry) remove(key);
    misses++;
    const shared = inflight.get(key);
    if (shared) return copy(await shared, false);
    return copy(await renderAndStore(key, render, startedAt), false);
  }

  async function renderAndStore(key: string, render: () => Promise<CachedPage>, startedAt: number): Promise<CachedPage> {
    const renderedIn = generation;
    // Kept until the minute changes, and no longer than the TTL, counted from the render's start.
    const expiresAt = Math.min(startedAt + ttlMs, Math.floor(startedAt / MINUTE) * MINUTE + MINUTE);
    const rendering = render();
    inflight.set(key, rendering);
    try {
      const page = await rendering;
      const t = now();
      if (page.status === 200 && listening && generation === renderedIn && t >= noStoreUntil && expiresAt > t) store(key, page, expiresAt);
      return page;
    } finally {
      if (inflight.get(key) === rendering) inflight.delete(key);
    }
  }

  // ---- The listener -------------------------------------------------------------------------

  function setListening(value: boolean) {
    // Whatever happened while not listening went unnoticed: start from an empty cache both ways.
    invalidate();
    listening = value;
    if (value) {
      for (const wake of waiters) wake();
      waiters = [];
    }
  }

  function scheduleReconnect() {
    if (closed || retryTimer) return;
    const base = Math.min(reconnectMaxMs, reconnectMinMs * 2 ** Math.min(attempt, 20));
    const delay = Math.round(base * (0.5 + Math.random() * 0.5));
    attempt++;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void connect();
    }, delay);
    retryTimer.unref();
  }

  async function connect() {
    if (closed || !options.databaseUrl) return;
    const connection = new pg.Client({
      connectionString: options.databaseUrl,
      application_name: options.applicationName ?? 'reperes-page-cache',
      connectionTimeoutMillis: 5_000,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    // The listener must not keep the process alive (pg's Client has unref(), missing from its types).
    (connection as unknown as { unref(): void }).unref();
    client = connection;
    let lost = false;

    const drop = (reason: string, error?: unknown) => {
      if (lost) return;
      lost = true;
      if (client === connection) client = null;
      if (heartbeatTimer) clearInterval(heartbeatTimer);
      heartbeatTimer = null;
      const was = listening;
      setListening(false);
      connection.end().catch(() => undefined);
      // A connection that stopped answering may never end by itself.
      if (reason === 'heartbeat') (connection as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
      if (closed) return;
      const fields = { reason, code: errorCode(error), attempt, err: error instanceof MissingTriggers ? undefined : error };
      if (error instanceof MissingTriggers) log.error({ ...fields, detail: error.message }, 'page cache bypassed: the notification triggers are missing (migrations pending?)');
      else if (was) log.warn(fields, 'page cache listener lost: cache bypassed until it reconnects');
      else log.warn(fields, 'page cache listener cannot connect: cache bypassed');
      scheduleReconnect();
    };

    connection.on('error', (error) => drop('error', error));
    connection.on('end', () => drop('end'));
    connection.on('notification', (message) => {
      if (message.channel !== PUBLIC_DATA_CHANNEL) return;
      log.debug({ table: message.payload }, 'public data changed: page cache emptied');
      invalidate();
      if (settleMs > 0) noStoreUntil = now() + settleMs;
    });

    try {
      await connection.connect();
      await connection.query(`LISTEN ${PUBLIC_DATA_CHANNEL}`);
      const { rows } = await connection.query<{ tables: string[] }>(
        `SELECT coalesce(array_agg(c.relname::text), '{}') AS tables FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace WHERE t.tgname = $1 AND NOT t.tgisinternal AND t.tgenabled <> 'D' AND n.nspname = current_schema()`,
        [PUBLIC_DATA_TRIGGER],
      );
      const missing = PUBLIC_DATA_TABLES.filter((table) => !rows[0].tables.includes(table));
      if (missing.length) throw new MissingTriggers(`no ${PUBLIC_DATA_TRIGGER} trigger on ${missing.join(', ')}`);
    } catch (error) {
      drop('connect', error);
      return;
    }
    if (lost) return;
    if (closed) {
      drop('closed');
      return;
    }
    attempt = 0;
    setListening(true);
    log.info({ channel: PUBLIC_DATA_CHANNEL }, 'page cache listening');

    heartbeatTimer = setInterval(() => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${heartbeatTimeoutMs} ms`)), heartbeatTimeoutMs);
        timer.unref();
      });
      Promise.race([connection.query('SELECT 1'), timeout]).then(
        () => clearTimeout(timer),
        (error) => (clearTimeout(timer), drop('heartbeat', error)),
      );
    }, heartbeatMs);
    heartbeatTimer.unref();
  }

  if (options.enabled && options.databaseUrl) void connect();
  else if (options.enabled) log.warn({}, 'page cache bypassed: no DATABASE_URL to listen for changes');

  function freshPage(key: string): CachedPage | null {
    if (!options.enabled || !listening) return null;
    const entry = entries.get(key);
    if (!entry || entry.expiresAt <= now()) return null;
    entries.delete(key);
    entries.set(key, entry);
    hits++;
    return entry.page;
  }

  return {
    cachedPage,
    freshPage,
    clear: invalidate,
    stats: () => ({ entries: entries.size, bytes, hits, misses, listening }),
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
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      if (heartbeatTimer) clearInterval(heartbeatTimer);
      heartbeatTimer = null;
      for (const wake of waiters) wake();
      waiters = [];
      listening = false;
      invalidate();
      const open = client;
      client = null;
      if (open) await open.end().catch(() => undefined);
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
