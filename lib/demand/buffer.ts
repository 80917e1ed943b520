// The searches' aggregates in memory, between two writes (issue #22). Recording a search is a map
// lookup and a few additions, on the request path; writing is not: every FLUSH_MS (and when the
// buffer holds MAX_KEYS keys, and at once on SIGTERM/SIGINT while Next.js drains its requests) the
// whole buffer goes to PostgreSQL in one statement (lib/demand/flush.ts). A flood of one search is
// one key whose counter grows; a flood of distinct searches is bounded here by MAX_KEYS (new keys
// then go to their commune-week's merged key) and in the table by flush.ts's cap per commune-week.
import { buckets, DISTANCES_KM, OVERFLOW, type DemandKey, type Reach } from './key';

export type Counters = {
  searches: number;
  none5: number;
  few5: number;
  many5: number;
  none10: number;
  few10: number;
  many10: number;
  none20: number;
  few20: number;
  many20: number;
};
export type Entry = { key: DemandKey; counters: Counters };

export const COUNTER_NAMES = ['searches', 'none5', 'few5', 'many5', 'none10', 'few10', 'many10', 'none20', 'few20', 'many20'] as const;
export const FLUSH_MS = 5_000;
export const MAX_KEYS = 5_000;

export const zeroCounters = (): Counters => ({ searches: 0, none5: 0, few5: 0, many5: 0, none10: 0, few10: 0, many10: 0, none20: 0, few20: 0, many20: 0 });

/** A key as one string (the buffer's map, lib/demand/visitors.ts's tokens). */
export const keyString = (k: DemandKey) => `${k.week}\u0000${k.inseeCode}\u0000${k.needs}\u0000${k.filters}\u0000${k.radiusBand}`;

export type DemandBuffer = {
  /** Counts one search (on the request path: no I/O). */
  record(key: DemandKey, reach: Reach): void;
  /** Empties the buffer and returns what it held. */
  take(): Entry[];
  size(): number;
};

export function createDemandBuffer(options: { maxKeys?: number; onFull?: () => void } = {}): DemandBuffer {
  const maxKeys = options.maxKeys ?? MAX_KEYS;
  let entries = new Map<string, Entry>();
  return {
    record(key, reach) {
      let id = keyString(key);
      let entry = entries.get(id);
      if (!entry && entries.size >= maxKeys) {
        // Full until the next write: the commune-week's merged key (one per band), as the table does.
        key = { ...key, needs: OVERFLOW, filters: OVERFLOW };
        id = keyString(key);
        entry = entries.get(id);
        options.onFull?.();
      }
      if (!entry) entries.set(id, (entry = { key, counters: zeroCounters() }));
      const c = entry.counters;
      c.searches++;
      const found = buckets(reach);
      for (const km of DISTANCES_KM) {
        const bucket = found[km];
        if (bucket) c[`${bucket}${km}`]++;
      }
    },
    take() {
      const taken = [...entries.values()];
      entries = new Map();
      return taken;
    },
    size: () => entries.size,
  };
}
