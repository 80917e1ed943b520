// Fixed-window rate limits. In Redis when REDIS_URL is set (so several app instances share the
// counters), in process memory otherwise or while Redis does not answer.
//
// Redis: rate-limiter-flexible's RateLimiterRedis — one Lua script creates the key with its
// expiry and increments it, so a counter can never be left without an expiry and concurrent
// hits never read a stale value. Memory: rate-limiter-flexible's RateLimiterMemory keeps one
// timer per key and no bound on the number of keys, so a flood of distinct addresses grows it
// without limit; the memory store here is an LRU (lru-cache) capped at RATE_LIMIT_MEMORY_KEYS
// entries, O(1) per hit, and the least recently used counter goes first when it is full.
import { createHash } from 'node:crypto';
import type Redis from 'ioredis';
import { LRUCache } from 'lru-cache';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

export { clientIp } from './client-address';

export type RateLimitResult = { ok: boolean; remaining: number; retryAfterSeconds: number };
export type RateLimitRule = { limit: number; windowSeconds: number };

const KEY_PREFIX = 'reperes:rl';

function memoryCapacity(): number {
  const value = Number(process.env.RATE_LIMIT_MEMORY_KEYS);
  return Number.isInteger(value) && value >= 1_000 ? value : 100_000;
}

type Entry = { count: number; resetAt: number };
let memory = new LRUCache<string, Entry>({ max: memoryCapacity() });

let redis: { url: string; client: Redis; limiters: Map<string, RateLimiterRedis> } | undefined;

async function redisState() {
  const url = process.env.REDIS_URL;
  if (!url) return null;
  if (redis?.url === url) return redis;
  const { default: IORedis } = await import('ioredis');
  const client = new IORedis(url, { maxRetriesPerRequest: 1, connectTimeout: 2000 });
  client.on('error', () => undefined);
  redis?.client.disconnect();
  redis = { url, client, limiters: new Map() };
  return redis;
}

/** The Redis client of REDIS_URL (the one the limits use), or null when unset: lib/demand/visitors.ts shares it. */
export async function sharedRedis(): Promise<Redis | null> {
  return (await redisState())?.client ?? null;
}

function redisLimiter(state: NonNullable<typeof redis>, rule: RateLimitRule): RateLimiterRedis {
  const id = `${rule.limit}/${rule.windowSeconds}`;
  let limiter = state.limiters.get(id);
  if (!limiter) {
    limiter = new RateLimiterRedis({ storeClient: state.client, keyPrefix: KEY_PREFIX, points: rule.limit, duration: rule.windowSeconds });
    state.limiters.set(id, limiter);
  }
  return limiter;
}

let lastRedisWarning = 0;
function warnRedisDown(error: unknown) {
  if (Date.now() - lastRedisWarning < 60_000) return;
  lastRedisWarning = Date.now();
  void import('@/lib/observability/logger').then(({ logger }) => logger.warn({ err: error }, 'rate limits: Redis unreachable, counting in memory'));
}

/** The part after the prefix: the kind in clear ("api", "signin"…), the rest (an address, an
 * e-mail) only as a hash, so that Redis never holds personal data. */
function keyBody(key: string): string {
  const at = key.indexOf(':');
  const kind = at === -1 ? 'rl' : key.slice(0, at);
  const who = at === -1 ? key : key.slice(at + 1);
  return `${kind}:${createHash('sha256').update(who).digest('hex').slice(0, 32)}`;
}

/** Where a counter is kept, e.g. "reperes:rl:signin:<hash>". */
export function storageKey(key: string): string {
  return `${KEY_PREFIX}:${keyBody(key)}`;
}

function result(rule: RateLimitRule, count: number, msLeft: number): RateLimitResult {
  return {
    ok: count <= rule.limit,
    remaining: Math.max(0, rule.limit - count),
    retryAfterSeconds: msLeft > 0 ? Math.ceil(msLeft / 1000) : rule.windowSeconds,
  };
}

function memoryHit(key: string, rule: RateLimitRule, weight: number): RateLimitResult {
  const now = Date.now();
  let entry = memory.get(key);
  if (!entry || entry.resetAt <= now) {
    if (weight <= 0) return result(rule, 0, rule.windowSeconds * 1000);
    entry = { count: 0, resetAt: now + rule.windowSeconds * 1000 };
    memory.set(key, entry);
  }
  entry.count = Math.max(0, entry.count + weight);
  return result(rule, entry.count, entry.resetAt - now);
}

async function redisHit(limiter: RateLimiterRedis, key: string, rule: RateLimitRule, weight: number): Promise<RateLimitResult> {
  if (weight === 0) {
    const current = await limiter.get(key);
    return current ? result(rule, current.consumedPoints, current.msBeforeNext) : result(rule, 0, rule.windowSeconds * 1000);
  }
  if (weight < 0) {
    const after = await limiter.reward(key, -weight);
    return result(rule, Math.max(0, after.consumedPoints), after.msBeforeNext);
  }
  try {
    const after = await limiter.consume(key, weight);
    return result(rule, after.consumedPoints, after.msBeforeNext);
  } catch (refusal) {
    // Over the limit, rate-limiter-flexible rejects with the counter (the hit is counted).
    if (refusal instanceof RateLimiterRes) return result(rule, refusal.consumedPoints, refusal.msBeforeNext);
    throw refusal;
  }
}

/**
 * Counts `weight` hits (one by default; 0 only reads; a negative weight gives hits back) for
 * `key` (e.g. "signalement:<ip>") and says whether it is within the rule. The increment and
 * the answer are one atomic step: of N concurrent callers, exactly `limit` see ok.
 */
export async function hit(key: string, rule: RateLimitRule, weight = 1): Promise<RateLimitResult> {
  const body = keyBody(key);
  const state = await redisState();
  if (state) {
    try {
      return await redisHit(redisLimiter(state, rule), body, rule, weight);
    } catch (error) {
      // Redis unreachable: fall back to this process's memory rather than refusing everyone.
      warnRedisDown(error);
    }
  }
  return memoryHit(body, rule, weight);
}

/** Gives back hits counted by `hit` (e.g. a sign-in attempt that turned out right). */
export function refund(key: string, rule: RateLimitRule, weight = 1): Promise<RateLimitResult> {
  return hit(key, rule, -weight);
}

/** How many counters this process keeps in memory (bounded by RATE_LIMIT_MEMORY_KEYS). */
export function memoryLimitSize(): number {
  return memory.size;
}

/** For tests: forget every in-memory counter (and take RATE_LIMIT_MEMORY_KEYS again). */
export function resetMemoryLimits() {
  memory = new LRUCache<string, Entry>({ max: memoryCapacity() });
}
