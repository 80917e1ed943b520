import { randomUUID } from 'node:crypto';
import IORedis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressGroup, clientIp, PEER_HEADER } from './client-address';
import { hit, memoryLimitSize, refund, resetMemoryLimits, storageKey } from './rate-limit';

const REDIS_URL = 'redis://127.0.0.1:6379/5';

describe('rate limits in memory', () => {
  it('allows up to the limit in a window, then refuses with a retry delay', async () => {
    resetMemoryLimits();
    const rule = { limit: 3, windowSeconds: 60 };
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await hit('test:memory', rule));
    expect(results.map((r) => r.ok)).toEqual([true, true, true, false]);
    expect(results[3].retryAfterSeconds).toBeGreaterThan(0);
    expect((await hit('test:other-key', rule)).ok).toBe(true);
  });

  it('counts concurrent hits exactly and gives hits back', async () => {
    resetMemoryLimits();
    const rule = { limit: 10, windowSeconds: 60 };
    const results = await Promise.all(Array.from({ length: 100 }, () => hit('test:concurrent', rule)));
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    resetMemoryLimits();
    for (let i = 0; i < 10; i++) await hit('test:refund', rule);
    expect((await hit('test:refund', rule, 0)).remaining).toBe(0);
    await refund('test:refund', rule);
    expect((await hit('test:refund', rule, 0)).remaining).toBe(1);
  });

  it('stays bounded under a flood of 200,000 distinct keys, each hit in constant time', async () => {
    process.env.RATE_LIMIT_MEMORY_KEYS = '50000';
    resetMemoryLimits();
    const rule = { limit: 5, windowSeconds: 600 };
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const batchMs: number[] = [];
    for (let batch = 0; batch < 4; batch++) {
      const started = performance.now();
      for (let i = 0; i < 50_000; i++) await hit(`flood:198.51.${batch}.${i}`, rule);
      batchMs.push(performance.now() - started);
    }
    const heapGrowthMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
    console.info(
      `200,000 distinct keys: ${batchMs.map((ms) => Math.round(ms)).join(' / ')} ms per 50,000; ${memoryLimitSize()} kept; heap +${heapGrowthMb.toFixed(1)} MiB`,
    );
    expect(memoryLimitSize()).toBe(50_000);
    // Once full, each new key evicts the oldest: the last batches cost what the first did (the
    // former store scanned every key on each new one past 50,000: minutes, not milliseconds).
    expect(Math.max(batchMs[2], batchMs[3])).toBeLessThan(batchMs[0] * 5 + 1000);
    expect(heapGrowthMb).toBeLessThan(64);
    delete process.env.RATE_LIMIT_MEMORY_KEYS;
    resetMemoryLimits();
  });
});

describe('the client address', () => {
  const headers = (values: Record<string, string>) => new Headers(values);

  it('ignores X-Forwarded-For when no proxy is trusted: the TCP peer is the client', () => {
    for (let i = 0; i < 330; i++) {
      expect(clientIp(headers({ 'x-forwarded-for': `203.0.113.${i % 250}, 10.0.${i}.1`, [PEER_HEADER]: '198.51.100.4' }), 0)).toBe('198.51.100.4');
    }
    // No peer recorded (a runtime without the recorder): one strict shared bucket, not the header.
    expect(clientIp(headers({ 'x-forwarded-for': '203.0.113.7' }), 0)).toBe('unknown');
  });

  it('330 requests with a rotating X-Forwarded-For from one address hit a 300 limit', async () => {
    resetMemoryLimits();
    const rule = { limit: 300, windowSeconds: 60 };
    let refused = 0;
    for (let i = 0; i < 330; i++) {
      const ip = clientIp(headers({ 'x-forwarded-for': `${i % 250}.${i}.0.1`, [PEER_HEADER]: '::ffff:192.0.2.33' }), 0);
      if (!(await hit(`search:${ip}`, rule)).ok) refused++;
    }
    expect(refused).toBe(30);
  });

  it('behind N trusted proxies, takes the right-most address they did not add', () => {
    const h = headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.9, 10.1.1.1', [PEER_HEADER]: '10.0.0.2' });
    // One load balancer (the peer) appended 10.1.1.1: the client is 10.1.1.1.
    expect(clientIp(h, 1)).toBe('10.1.1.1');
    // A CDN then the load balancer: the client is 203.0.113.9; the forged 6.6.6.6 is never used.
    expect(clientIp(h, 2)).toBe('203.0.113.9');
    // More hops configured than the request went through: the left-most entry.
    expect(clientIp(headers({ 'x-forwarded-for': '203.0.113.9', [PEER_HEADER]: '10.0.0.2' }), 5)).toBe('203.0.113.9');
    // A rotating left part changes nothing.
    const seen = new Set(Array.from({ length: 50 }, (_, i) => clientIp(headers({ 'x-forwarded-for': `1.2.3.${i}, 192.0.2.1`, [PEER_HEADER]: '10.0.0.2' }), 1)));
    expect([...seen]).toEqual(['192.0.2.1']);
  });

  it('groups IPv6 by /64 and IPv4-mapped IPv6 as IPv4', () => {
    expect(addressGroup('2001:db8:abcd:12:1::1')).toBe('2001:db8:abcd:12::/64');
    expect(addressGroup('2001:0db8:abcd:0012:ffff:ffff:ffff:ffff')).toBe('2001:db8:abcd:12::/64');
    expect(addressGroup('[2001:db8:abcd:13::1]:443')).toBe('2001:db8:abcd:13::/64');
    expect(addressGroup('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressGroup('203.0.113.7:5678')).toBe('203.0.113.7');
    expect(addressGroup('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressGroup('pas une adresse')).toBeNull();
    // A whole /64 is one client: rotating its 2^64 addresses does not escape a limit.
    const groups = new Set(Array.from({ length: 100 }, (_, i) => clientIp(headers({ [PEER_HEADER]: `2001:db8:1:2:${i.toString(16)}::${i}` }), 0)));
    expect([...groups]).toEqual(['2001:db8:1:2::/64']);
  });
});

describe('rate limits in Redis', () => {
  let probe: IORedis;
  let available = false;
  const prefix = `test-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    probe = new IORedis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1000 });
    available = await probe.connect().then(
      () => true,
      () => false,
    );
  });

  afterAll(async () => {
    delete process.env.REDIS_URL;
    if (available) {
      const keys = await probe.keys(`reperes:rl:${prefix}*`);
      if (keys.length) await probe.del(...keys);
    }
    probe.disconnect();
  });

  it('shares counters through Redis when REDIS_URL is set, counting atomically', async (context) => {
    if (!available) {
      // CI starts Redis and sets REPERES_REQUIRE_REDIS=1: there, this case must run.
      if (process.env.REPERES_REQUIRE_REDIS === '1') throw new Error(`REPERES_REQUIRE_REDIS=1 but Redis does not answer at ${REDIS_URL}.`);
      context.skip(`Redis does not answer at ${REDIS_URL}: the shared-counter case cannot run here.`);
    }
    process.env.REDIS_URL = REDIS_URL;
    resetMemoryLimits();
    const key = `${prefix}:camille-${Date.now()}@example.org`;
    const rule = { limit: 2, windowSeconds: 30 };
    const results = [await hit(key, rule), await hit(key, rule), await hit(key, rule)];
    expect(results.map((r) => r.ok)).toEqual([true, true, false]);
    expect(Number(await probe.get(storageKey(key)))).toBe(3);
    // The counter always carries its expiry (set in the same script as the increment).
    const ttl = await probe.pttl(storageKey(key));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(30_000);
    // Nothing went to memory: the counter lives in Redis only.
    expect(memoryLimitSize()).toBe(0);
    // The identifier is never stored in clear.
    expect(storageKey(key)).toMatch(new RegExp(`^reperes:rl:${prefix}:[0-9a-f]{32}$`));
    expect(await probe.keys('reperes:rl:*camille*')).toEqual([]);

    // 100 concurrent hits: exactly the limit pass.
    const burst = `${prefix}:burst`;
    const many = await Promise.all(Array.from({ length: 100 }, () => hit(burst, { limit: 10, windowSeconds: 30 })));
    expect(many.filter((r) => r.ok)).toHaveLength(10);
    await refund(burst, { limit: 10, windowSeconds: 30 }, 95);
    expect((await hit(burst, { limit: 10, windowSeconds: 30 }, 0)).remaining).toBe(5);
  });
});
