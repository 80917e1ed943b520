// One load-test phase under autocannon (bench/loadtest.ts): requests/s, latencies, errors, the
// distinct URLs asked, and where the answers came from (the `X-Page-Cache` header); the table
// the load test prints.
import autocannon from 'autocannon';
import type { CpuPerRequest } from './cpu';

export type Phase = { name: string; key: string; path: () => string };
export type CacheCount = { hit: number; miss: number; none: number };

const headerOf = (headers: Record<string, string | string[]>, name: string) => {
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return Array.isArray(value) ? value[0] : value;
  return undefined;
};

export async function runPhase(front: string, phase: Phase, seconds: number, connections: number) {
  const cache: CacheCount = { hit: 0, miss: 0, none: 0 };
  const urls = new Set<string>();
  let asked = 0;
  let unplaced = 0;
  let limited = 0;
  const result = await autocannon({
    url: front,
    connections,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        setupRequest: (request) => {
          const target = phase.path();
          urls.add(target);
          asked++;
          return { ...request, path: target, headers: { ...request.headers, 'accept-encoding': 'gzip' } };
        },
        onResponse: (status, body, _context, headers) => {
          if (status === 429) limited++;
          if (typeof body === 'string' && body.includes('Nous n’avons pas trouvé')) unplaced++;
          const state = headerOf((headers ?? {}) as Record<string, string | string[]>, 'x-page-cache');
          if (state === 'hit') cache.hit++;
          else if (state === 'miss') cache.miss++;
          else cache.none++;
        },
      },
    ],
  });
  // autocannon's `errors` already counts the timeouts.
  const errors = result.errors + result.non2xx;
  return {
    phase: phase.name,
    key: phase.key,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    requests: result.requests.total,
    distinctUrls: urls.size,
    askedUrls: asked,
    errors,
    rateLimited: limited,
    unplacedTowns: unplaced,
    statuses: { '2xx': result['2xx'], non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts },
    cache,
  };
}

/** "hits / answers (share)", or "no header" when the route does not report the page cache. */
export function cacheColumn(cache: CacheCount): string {
  const told = cache.hit + cache.miss;
  if (told === 0) return 'no header';
  return `${cache.hit}/${told} (${((cache.hit / told) * 100).toFixed(0)} %)${cache.none ? ` +${cache.none} without` : ''}`;
}

export type PhaseResult = Awaited<ReturnType<typeof runPhase>> & { load: string; memoryMiB: [number, number]; group: string; cpuMsPerRequest?: CpuPerRequest };

export function printTable(title: string, results: PhaseResult[]) {
  if (results.length === 0) return;
  console.log(`\n${title}`);
  console.log(
    'phase                   req/s    p50 ms   p99 ms   requests  distinct/asked URLs   errors   page cache hits            load   memory MiB (before → after)',
  );
  for (const r of results) {
    console.log(
      `${r.phase.padEnd(22)} ${String(r.requestsPerSecond).padStart(6)} ${String(r.p50).padStart(8)} ${String(r.p99).padStart(8)} ${String(r.requests).padStart(10)} ${`${r.distinctUrls}/${r.askedUrls}`.padStart(19)} ${String(r.errors).padStart(8)}   ${cacheColumn(r.cache).padEnd(26)} ${r.load.padStart(5)}   ${r.memoryMiB[0]} → ${r.memoryMiB[1]}`,
    );
  }
  for (const r of results) {
    if (r.errors)
      console.log(
        `  ${r.phase}: ${r.statuses.non2xx} non-2xx (${r.rateLimited} of them 429, rate limited), ${r.statuses.errors - r.statuses.timeouts} connection errors, ${r.statuses.timeouts} timeouts (> 10 s)`,
      );
    if (r.unplacedTowns) console.log(`  ${r.phase}: ${r.unplacedTowns} answers named a town the geocoder did not place`);
  }
}
