// Fixed-window rate limits. In Redis when REDIS_URL is set (so several app instances share the
// counters), in process memory otherwise.
import { createHash } from 'node:crypto';
import type Redis from 'ioredis';

export type RateLimitResult = { ok: boolean; remaining: number; retryAfterSeconds: number };
export type RateLimitRule = { limit: number; windowSeconds: number };

const memory = new Map<string, { count: number; resetAt: number }>();
let redis: { url: string; client: Redis } | undefined;

async function redisClient(): Promise<Redis | null> {
  const url = process.env.REDIS_URL;
  if (!url) return null;
  if (redis?.url === url) return redis.client;
  const { default: IORedis } = await import('ioredis');
  const client = new IORedis(url, { maxRetriesPerRequest: 1, connectTimeout: 2000 });
  client.on('error', () => undefined);
  redis = { url, client };
  return client;
}

let lastRedisWarning = 0;
function warnRedisDown(error: unknown) {
  if (Date.now() - lastRedisWarning < 60_000) return;
  lastRedisWarning = Date.now();
  void import('@/lib/observability/logger').then(({ logger }) => logger.warn({ err: error }, 'rate limits: Redis unreachable, counting in memory'));
}

/**
 * Where a counter is kept: its kind in clear ("api", "signin"…), the rest (an address — IPv6
 * ones hold colons —, an e-mail) only as a hash, so Redis never holds personal data.
 */
export function storageKey(key: string): string {
  const at = key.indexOf(':');
  const kind = at === -1 ? 'rl' : key.slice(0, at);
  const who = at === -1 ? key : key.slice(at + 1);
  return `reperes:rl:${kind}:${createHash('sha256').update(who).digest('hex').slice(0, 32)}`;
}

/** Counts `weight` hits (one by default; 0 only reads) for `key` (e.g. "signalement:<ip>") and
 * says whether it is within the rule. */
export async function hit(key: string, rule: RateLimitRule, weight = 1): Promise<RateLimitResult> {
  const client = await redisClient();
  if (client) {
    try {
      const redisKey = storageKey(key);
      const [[, count], [, ttl]] = (await client.multi().incrby(redisKey, weight).pttl(redisKey).exec()) as [[null, number], [null, number]];
      if (ttl < 0) await client.pexpire(redisKey, rule.windowSeconds * 1000);
      const retry = ttl > 0 ? Math.ceil(ttl / 1000) : rule.windowSeconds;
      return { ok: count <= rule.limit, remaining: Math.max(0, rule.limit - count), retryAfterSeconds: retry };
    } catch (error) {
      // Redis unreachable: fall back to this process's memory rather than refusing everyone.
      warnRedisDown(error);
    }
  }
  const now = Date.now();
  const memoryKey = storageKey(key);
  let entry = memory.get(memoryKey);
  if (!entry || entry.resetAt <= now) {
    entry = { count: 0, resetAt: now + rule.windowSeconds * 1000 };
    memory.set(memoryKey, entry);
    if (memory.size > 50_000) for (const [k, v] of memory) if (v.resetAt <= now) memory.delete(k);
  }
  entry.count += weight;
  return {
    ok: entry.count <= rule.limit,
    remaining: Math.max(0, rule.limit - entry.count),
    retryAfterSeconds: Math.ceil((entry.resetAt - now) / 1000),
  };
}

/** The client's address as seen by the app (first X-Forwarded-For hop when behind a proxy). */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for');
  if (forwarded) return forwarded.split(',')[0].trim();
  return headers.get('x-real-ip') ?? 'local';
}

/** For tests: forget every in-memory counter. */
export function resetMemoryLimits() {
  memory.clear();
}
