// Unmet demand without personal data (issue #22): what a public search resolved to a commune
// leaves behind, and nothing else. `searchTally` turns a search into a function that counts it —
// the page's route calls it once per answer, from the page cache or not — into this process's
// buffer; a timer writes the buffer every few seconds off the request path (lib/demand/flush.ts).
// A visitor counts once per key and day (lib/demand/visitors.ts: a salted token of the client's
// address, in memory or Redis, forgotten with the day; never in the tables).
// What is kept, and why: lib/demand/key.ts, docs/security.md, /mentions-legales.
import 'server-only';
import { db } from '@/lib/db';
import { logger } from '@/lib/observability/logger';
import type { SearchFilters } from '@/lib/search/filters';
import type { SearchResponse } from '@/lib/search';
import { clientIp } from '@/lib/security/client-address';
import { sharedRedis } from '@/lib/security/rate-limit';
import { createDemandBuffer, FLUSH_MS, keyString, type DemandBuffer } from './buffer';
import { purgeDemand, writeDemand } from './flush';
import { demandKey, reachOf } from './key';
import { createVisitorGate, type VisitorGate } from './visitors';

type Recorder = { buffer: DemandBuffer; visitors: VisitorGate; timer: NodeJS.Timeout | null; writing: Promise<void> | null; purgedAt: number };

// On globalThis: Next.js may load this module once per route bundle; one buffer per process.
const globalForDemand = globalThis as unknown as { reperesDemand?: Recorder };

function recorder(): Recorder {
  if (globalForDemand.reperesDemand) return globalForDemand.reperesDemand;
  const state: Recorder = {
    buffer: createDemandBuffer({ onFull: () => void flushDemand() }),
    visitors: visitorGate(),
    timer: null,
    writing: null,
    purgedAt: 0,
  };
  state.timer = setInterval(() => void flushDemand(), FLUSH_MS);
  state.timer.unref();
  // Next.js drains its requests on these signals, then exits: write what is held at once.
  // Alone (a script, not Next.js), the signal is sent again once written, so that the process still ends as it would have.
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    process.once(signal, () => void flushDemand().finally(() => process.listenerCount(signal) === 0 && process.kill(process.pid, signal)));
  process.once('beforeExit', () => void flushDemand());
  return (globalForDemand.reperesDemand = state);
}

function visitorGate(): VisitorGate {
  return createVisitorGate({
    redis: sharedRedis,
    onFull: () => logger.warn({}, 'search demand: the day’s visitor tokens are full, new visitors are not counted until tomorrow'),
  });
}

/** Writes what the buffer holds (one write at a time; a failure is logged and those counts dropped). */
export async function flushDemand(): Promise<void> {
  const state = recorder();
  if (state.writing) await state.writing;
  const entries = state.buffer.take();
  if (!entries.length) return;
  state.writing = (async () => {
    try {
      await writeDemand(db, entries);
      if (Date.now() - state.purgedAt > 3600_000) {
        state.purgedAt = Date.now();
        await purgeDemand(db);
      }
    } catch (error) {
      logger.warn({ err: error, keys: entries.length }, 'search demand not written');
    } finally {
      state.writing = null;
    }
  })();
  await state.writing;
}

/**
 * The function that counts one answer to this search for the client of `headers`, or null when the
 * search is not counted (lib/demand/key.ts: no commune, a name, a network, a later page). The week
 * is read when it is called, so a page kept in the cache counts in the week it is served; a client
 * who already made this search today is not counted again (lib/demand/visitors.ts).
 */
export function searchTally(
  filters: SearchFilters,
  response: Pick<SearchResponse, 'origin' | 'within'>,
): ((headers: Pick<Headers, 'get'>) => Promise<void>) | null {
  const origin = response.origin;
  // A position (« autour de moi ») names no commune; a commune placed at its département's centre measures nothing of it.
  if (!origin || origin.fromPosition || origin.precision === 'departement' || !response.within) return null;
  if (!demandKey(filters, origin.inseeCode, new Date())) return null;
  const reach = reachOf(response.within, filters.rayon);
  const inseeCode = origin.inseeCode;
  return async (headers) => {
    try {
      const key = demandKey(filters, inseeCode, new Date());
      if (!key) return;
      const state = recorder();
      if (await state.visitors.first(clientIp(headers), keyString(key))) state.buffer.record(key, reach);
    } catch (error) {
      // Called without being awaited (lib/render/public-page.ts): never a rejection, never the search.
      logger.warn({ err: error }, 'search demand not counted');
    }
  };
}

/** For tests: forget today's visitors (a new salt, an empty set; Redis's set is left to expire). */
export function forgetDemandVisitors(): void {
  recorder().visitors = visitorGate();
}

/** The number of keys waiting to be written (tests, bench). */
export function pendingDemandKeys(): number {
  return recorder().buffer.size();
}
