// A visitor counts once per demand key and day (lib/demand/visitors.ts): in memory, bounded under
// a flood, forgotten with the day; in the real Redis at 127.0.0.1:6379, shared between two
// "instances", expiring, and holding no address.
import { randomUUID } from 'node:crypto';
import IORedis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVisitorGate, MAX_VISITOR_TOKENS } from './visitors';

const REDIS_URL = 'redis://127.0.0.1:6379/5';
const KEY = '2026-11-30\u000049328\u0000AideAuxDemarchesAdministratives\u0000\u000010';
const OTHER_KEY = '2026-11-30\u000049328\u0000\u0000\u000010';

describe('visitors in memory', () => {
  it('counts a visitor once per key and day, two visitors twice, another key again', () => {
    const gate = createVisitorGate({ now: () => new Date('2026-12-03T10:00:00Z') });
    expect([gate.first('203.0.113.7', KEY), gate.first('203.0.113.7', KEY), gate.first('203.0.113.7', KEY)]).toEqual([true, false, false]);
    expect(gate.first('198.51.100.9', KEY)).toBe(true);
    expect(gate.first('203.0.113.7', OTHER_KEY)).toBe(true);
    expect(gate.size()).toBe(3);
  });

  it('forgets everything with the day (a new salt: the same visitor counts again the next day)', () => {
    let now = new Date('2026-12-03T23:59:00Z');
    const gate = createVisitorGate({ now: () => now });
    expect(gate.first('203.0.113.7', KEY)).toBe(true);
    expect(gate.first('203.0.113.7', KEY)).toBe(false);
    now = new Date('2026-12-04T00:01:00Z');
    expect(gate.size()).toBe(1);
    expect(gate.first('203.0.113.7', KEY)).toBe(true);
    expect(gate.size()).toBe(1);
  });

  it('stays bounded under a flood of addresses: once full, new visitors are not counted (never more), known ones stay known', () => {
    const fulls: number[] = [];
    const gate = createVisitorGate({ max: 1_000, now: () => new Date('2026-12-03T10:00:00Z'), onFull: () => fulls.push(1) });
    let counted = 0;
    for (let i = 0; i < 5_000; i++) if (gate.first(`10.0.${i >> 8}.${i & 255}`, KEY)) counted++;
    expect(counted).toBe(1_000);
    expect(gate.size()).toBe(1_000);
    expect(gate.first('10.0.0.1', KEY)).toBe(false); // already counted
    expect(gate.first('192.0.2.1', KEY)).toBe(false); // new, but full
    expect(fulls).toHaveLength(1); // logged once
  });

  it('holds the default cap in bounded memory', () => {
    globalThis.gc?.();
    const before = process.memoryUsage().heapUsed;
    const gate = createVisitorGate({ now: () => new Date('2026-12-03T10:00:00Z') });
    const started = performance.now();
    for (let i = 0; i < MAX_VISITOR_TOKENS + 50_000; i++) gate.first(`2001:db8:${(i >> 16) & 0xffff}:${i & 0xffff}::/64`, KEY);
    const ms = performance.now() - started;
    expect(gate.size()).toBe(MAX_VISITOR_TOKENS);
    const mb = (process.memoryUsage().heapUsed - before) / 2 ** 20;
    console.log(
      `${MAX_VISITOR_TOKENS + 50_000} visitors: ${gate.size()} tokens kept, heap +${mb.toFixed(1)} MiB, ${((ms * 1000) / (MAX_VISITOR_TOKENS + 50_000)).toFixed(2)} µs each`,
    );
    expect(mb).toBeLessThan(40);
  });
});

describe('visitors in Redis', () => {
  let probe: IORedis;
  let client: IORedis;
  let available = false;
  const prefix = `test-demand-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    probe = new IORedis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1000 });
    available = await probe.connect().then(
      () => true,
      () => false,
    );
    client = new IORedis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  });

  afterAll(async () => {
    if (available) {
      const keys = await probe.keys(`${prefix}:*`);
      if (keys.length) await probe.del(...keys);
    }
    probe.disconnect();
    client.disconnect();
  });

  it('shares the day’s salt and tokens between instances, bounded, expiring, without any address', async (context) => {
    if (!available) {
      if (process.env.REPERES_REQUIRE_REDIS === '1') throw new Error(`REPERES_REQUIRE_REDIS=1 but Redis does not answer at ${REDIS_URL}.`);
      context.skip(`Redis does not answer at ${REDIS_URL}: the shared case cannot run here.`);
    }
    const now = () => new Date();
    const [a, b] = [1, 2].map(() => createVisitorGate({ now, prefix, max: 3, redis: async () => client }));
    expect(await a.first('203.0.113.7', KEY)).toBe(true);
    expect(await b.first('203.0.113.7', KEY)).toBe(false); // the other instance knows this visitor
    expect(await b.first('198.51.100.9', KEY)).toBe(true);
    expect(await a.first('198.51.100.9', KEY)).toBe(false);
    // Concurrent repeats of one new visitor: exactly one counts.
    expect((await Promise.all([a, b, a, b].map((gate) => gate.first('192.0.2.44', KEY)))).filter(Boolean)).toHaveLength(1);
    // Full (3): a new visitor is not counted.
    expect(await a.first('192.0.2.45', KEY)).toBe(false);
    expect(a.size() + b.size()).toBe(0); // nothing in memory

    const keys = (await probe.keys(`${prefix}:*`)).sort();
    const day = new Date().toISOString().slice(0, 10);
    expect(keys).toEqual([`${prefix}:salt:${day}`, `${prefix}:seen:${day}`]);
    for (const key of keys) {
      const ttl = await probe.ttl(key);
      expect(ttl).toBeGreaterThan(3_600);
      expect(ttl).toBeLessThanOrEqual(25 * 3_600);
    }
    const members = await probe.smembers(`${prefix}:seen:${day}`);
    expect(members).toHaveLength(3);
    expect(members.every((m) => /^[\w-]{22}$/.test(m))).toBe(true);
    expect(JSON.stringify(members)).not.toMatch(/203\.0|198\.51|192\.0|49328/);
  });

  it('falls back to this process’s memory when Redis does not answer', async () => {
    const gate = createVisitorGate({ prefix, redis: async () => Promise.reject(new Error('down')) });
    expect(await gate.first('203.0.113.7', KEY)).toBe(true);
    expect(await gate.first('203.0.113.7', KEY)).toBe(false);
    expect(gate.size()).toBe(1);
  });
});
