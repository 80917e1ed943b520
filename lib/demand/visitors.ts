// One visitor counts at most once per demand key and day (docs/security.md, « searches inflated »):
// without it a script repeating one search within the rate limit made a commune look under-served
// on /territoires and in the open data. What tells visitors apart is never kept: a token,
// HMAC-SHA256(the day's salt, client address group + key) cut to 128 bits, in a set forgotten with
// the day. The salt is random, made when the day's first search is counted and never written to
// PostgreSQL, a file or a log; with it gone, a token says nothing of an address (and the set holds
// only tokens). The client is the rate limits' (lib/security/client-address.ts: the TCP peer, or
// the right-most untrusted X-Forwarded-For hop; an IPv6 /64 as one).
// Memory: a Set per process, at most `max` tokens; when full, new visitors are not counted until
// the next day (a flood of addresses can stop the count, never inflate it; logged once a day).
// Redis (REDIS_URL, as lib/security/rate-limit.ts): the salt and the set are shared by the app's
// instances, both expiring an hour after the day ends, the check-and-add one Lua script; when Redis
// does not answer, this process's memory decides.
import { createHmac, randomBytes } from 'node:crypto';
import type Redis from 'ioredis';

/** Tokens per day and process: the bench’s 100,000 searches a day are mostly distinct (visitor, key) pairs; about 70 bytes each (13 MiB at the cap, measured). */
export const MAX_VISITOR_TOKENS = 200_000;

export type VisitorGate = {
  /** Whether this visitor is the first today for this key (then remembered); false for a repeat, or for anyone new once full. */
  first(visitor: string, keyId: string): boolean | Promise<boolean>;
  /** Tokens held in this process's memory today. */
  size(): number;
};

/** `prefix`: of the Redis keys (tests use their own). */
type Options = { max?: number; now?: () => Date; redis?: () => Promise<Redis | null>; onFull?: () => void; prefix?: string };

const dayOf = (date: Date) => date.toISOString().slice(0, 10);
/** Seconds from `date` to an hour after its UTC day ends. */
const secondsLeft = (date: Date) => Math.ceil((Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 1) + 3_600_000 - date.getTime()) / 1000);
const tokenOf = (salt: string, visitor: string, keyId: string) =>
  createHmac('sha256', salt).update(`${visitor}\u0000${keyId}`).digest().subarray(0, 16).toString('base64url');

// 1: added (first today); 0: already there; -1: full.
const CHECK_AND_ADD = `
if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 1 then return 0 end
if redis.call('SCARD', KEYS[1]) >= tonumber(ARGV[2]) then return -1 end
redis.call('SADD', KEYS[1], ARGV[1])
if redis.call('TTL', KEYS[1]) < 0 then redis.call('EXPIRE', KEYS[1], ARGV[3]) end
return 1`;

export function createVisitorGate(options: Options = {}): VisitorGate {
  const max = options.max ?? MAX_VISITOR_TOKENS;
  const now = options.now ?? (() => new Date());
  const prefix = options.prefix ?? 'reperes:demand';
  let day = '';
  let salt = '';
  let tokens = new Set<string>();
  let fullOn = '';
  let shared: { day: string; salt: string } | null = null;

  const roll = (today: string) => {
    if (today === day) return;
    day = today;
    salt = randomBytes(32).toString('base64url');
    tokens = new Set();
  };
  const noteFull = (today: string) => {
    if (fullOn !== today) options.onFull?.();
    fullOn = today;
  };

  const inMemory = (visitor: string, keyId: string, today: string): boolean => {
    roll(today);
    const token = tokenOf(salt, visitor, keyId);
    if (tokens.has(token)) return false;
    if (tokens.size >= max) return (noteFull(today), false);
    tokens.add(token);
    return true;
  };

  const inRedis = async (client: Redis, visitor: string, keyId: string, at: Date): Promise<boolean> => {
    const today = dayOf(at);
    const ttl = secondsLeft(at);
    if (shared?.day !== today) {
      // The first instance to count today sets the salt; the others read it.
      const key = `${prefix}:salt:${today}`;
      await client.set(key, randomBytes(32).toString('base64url'), 'EX', ttl, 'NX');
      const value = await client.get(key);
      if (!value) throw new Error('the day’s salt is missing');
      shared = { day: today, salt: value };
    }
    const answer = await client.eval(CHECK_AND_ADD, 1, `${prefix}:seen:${today}`, tokenOf(shared.salt, visitor, keyId), String(max), String(ttl));
    if (answer === -1) noteFull(today);
    return answer === 1;
  };

  return {
    first(visitor, keyId) {
      const at = now();
      if (!options.redis) return inMemory(visitor, keyId, dayOf(at));
      return options
        .redis()
        .then((client) => (client ? inRedis(client, visitor, keyId, at) : inMemory(visitor, keyId, dayOf(at))))
        .catch(() => inMemory(visitor, keyId, dayOf(at)));
    },
    size: () => tokens.size,
  };
}
