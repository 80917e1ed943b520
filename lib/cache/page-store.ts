// The store of the page cache (lib/cache/page-cache.ts): rendered pages by key, least recently
// used first out, with one shared render per key, an expired page served a few seconds more while
// it is replaced in the background, and at most a few of those background renders at once. It
// knows nothing of PostgreSQL: the invalidation listener (page-cache-listener.ts) tells it when to
// empty itself, and `active()` whether it may answer at all (only while the listener listens).

/** `tally`: called by the caller once per response it serves from this page, with the request's headers (a search counted for unmet demand, lib/demand); the cache only keeps it. */
export type Tally = (headers: Pick<Headers, 'get'>) => void | Promise<void>;
export type CachedPage = { status: number; body: string; headers?: Record<string, string>; tally?: Tally };

type Log = { warn(obj: object, msg: string): void };

export type PageStoreOptions = {
  ttlSeconds?: number;
  staleSeconds?: number;
  maxBackgroundRenders?: number;
  maxBytes?: number;
  now?: () => number;
  settleMs?: number;
  logger: Log;
};

export type PageStore = {
  cachedPage(key: string, render: () => Promise<CachedPage>): Promise<CachedPage & { hit: boolean }>;
  freshPage(key: string): CachedPage | null;
  /** Empties the store; renders in flight are neither shared with later requests nor stored. */
  invalidate(): void;
  /** After a change: empties the store, and stores nothing for `settleMs` (read replica lag). */
  changed(): void;
  stats(): { entries: number; bytes: number; hits: number; misses: number };
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

export const copyPage = (page: CachedPage, hit: boolean): CachedPage & { hit: boolean } => ({
  status: page.status,
  body: page.body,
  ...(page.headers ? { headers: { ...page.headers } } : {}),
  ...(page.tally ? { tally: page.tally } : {}),
  hit,
});

/**
 * `active()`: whether the store may answer and keep pages (false: every call renders, nothing is kept).
 * One closure of about 120 lines: its short inner functions share the entries, the renders in
 * flight, the byte count and the generation, which must change together.
 */
// eslint-disable-next-line max-lines-per-function -- one closure: its inner functions share state that must change together (see above)
export function createPageStore(options: PageStoreOptions, active: () => boolean): PageStore {
  const now = options.now ?? Date.now;
  const ttlMs = (options.ttlSeconds ?? 60) * 1000;
  const staleMs = (options.staleSeconds ?? 10) * 1000;
  const maxBackgroundRenders = options.maxBackgroundRenders ?? 2;
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const settleMs = options.settleMs ?? 0;
  const log = options.logger;

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

  function remove(key: string) {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.bytes;
  }

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
    if (!active()) {
      misses++;
      return copyPage(await render(), false);
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
      return copyPage(entry.page, true);
    }
    if (entry) remove(key);
    misses++;
    const shared = inflight.get(key);
    if (shared) return copyPage(await shared, false);
    return copyPage(await renderAndStore(key, render, startedAt), false);
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
      if (page.status === 200 && active() && generation === renderedIn && t >= noStoreUntil && expiresAt > t) store(key, page, expiresAt);
      return page;
    } finally {
      if (inflight.get(key) === rendering) inflight.delete(key);
    }
  }

  function freshPage(key: string): CachedPage | null {
    if (!active()) return null;
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
    invalidate,
    changed() {
      invalidate();
      if (settleMs > 0) noStoreUntil = now() + settleMs;
    },
    stats: () => ({ entries: entries.size, bytes, hits, misses }),
  };
}
