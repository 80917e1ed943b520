// Timing for the benchmarks, in one place: how long one call takes, the durations of many, and
// their percentiles. Durations are milliseconds from performance.now().

/** Milliseconds since `started` (a performance.now() value). */
export function msSince(started: number): number {
  return performance.now() - started;
}

/** Runs `fn` once; its result and how long it took. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: msSince(started), value };
}

/** The same for a synchronous call. */
export function timedSync<T>(fn: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = fn();
  return { ms: msSince(started), value };
}

/** `warmup` calls not measured, then the durations of `runs` calls one after another. */
export async function durations(fn: () => Promise<unknown>, runs: number, warmup = 0): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push((await timed(fn)).ms);
  return samples;
}

/** The value below which a share `q` of the sorted samples falls (NaN when there are none). */
function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

/** p50/p95/p99 of a list of durations in milliseconds. */
export function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), p99: quantile(sorted, 0.99), n: sorted.length };
}

/** A summary of samples in milliseconds (or any unit): count, min, p50, p95, p99, max, mean. */
export function summarise(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    n: sorted.length,
    min: round(sorted[0] ?? NaN),
    p50: round(quantile(sorted, 0.5)),
    p95: round(quantile(sorted, 0.95)),
    p99: round(quantile(sorted, 0.99)),
    max: round(sorted[sorted.length - 1] ?? NaN),
    mean: round(sorted.reduce((s, v) => s + v, 0) / (sorted.length || 1)),
  };
}
