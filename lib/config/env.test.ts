import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from './env';

describe('configuration', () => {
  it('accepts an empty environment with defaults (embedded database)', () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
    expect(env.EMBEDDED_PG_PORT).toBe(54329);
  });

  it('rejects a malformed DATABASE_URL with a French sentence', () => {
    expect(() => parseEnv({ DATABASE_URL: 'mysql://localhost/x' })).toThrow(ConfigError);
    expect(() => parseEnv({ DATABASE_URL: 'pas une url' })).toThrow(/DATABASE_URL doit être une URL PostgreSQL/);
  });

  it('rejects other wrong values, each named', () => {
    expect(() => parseEnv({ PORT: 'abc', SMTP_URL: 'http://x' })).toThrow(/PORT.*SMTP_URL doit commencer par smtp/);
  });

  it('reads the page cache settings, with their defaults and bounds', () => {
    expect(parseEnv({})).toMatchObject({ PAGE_CACHE: 'on', PAGE_CACHE_TTL_SECONDS: 60, PAGE_CACHE_MAX_MB: 64, APP_HEAP_MB: 512 });
    expect(() => parseEnv({ APP_HEAP_MB: '64' })).toThrow(/APP_HEAP_MB/);
    expect(parseEnv({ PAGE_CACHE: 'off', PAGE_CACHE_TTL_SECONDS: '30', PAGE_CACHE_MAX_MB: '256' })).toMatchObject({
      PAGE_CACHE: 'off',
      PAGE_CACHE_TTL_SECONDS: 30,
      PAGE_CACHE_MAX_MB: 256,
    });
    expect(() => parseEnv({ PAGE_CACHE: 'non' })).toThrow(/PAGE_CACHE/);
    expect(() => parseEnv({ PAGE_CACHE_TTL_SECONDS: '0', PAGE_CACHE_MAX_MB: 'beaucoup' })).toThrow(/PAGE_CACHE_TTL_SECONDS.*PAGE_CACHE_MAX_MB/);
  });

  it('reads the private addresses webhooks may reach anyway (none by default), each checked', () => {
    expect(parseEnv({}).HARVESTER_ALLOW_PRIVATE_ADDRESSES).toBeUndefined();
    expect(parseEnv({ HARVESTER_ALLOW_PRIVATE_ADDRESSES: '127.0.0.1, 10.0.4.0/24, ::1' }).HARVESTER_ALLOW_PRIVATE_ADDRESSES).toBe(
      '127.0.0.1, 10.0.4.0/24, ::1',
    );
    expect(() => parseEnv({ HARVESTER_ALLOW_PRIVATE_ADDRESSES: 'localhost' })).toThrow(/HARVESTER_ALLOW_PRIVATE_ADDRESSES doit être une liste d’adresses IP/);
  });

  it('reads how many proxies are trusted to append to X-Forwarded-For (none by default)', () => {
    expect(parseEnv({})).toMatchObject({ TRUSTED_PROXY_HOPS: 0, RATE_LIMIT_MEMORY_KEYS: 100_000 });
    expect(parseEnv({ TRUSTED_PROXY_HOPS: '2' }).TRUSTED_PROXY_HOPS).toBe(2);
    expect(() => parseEnv({ TRUSTED_PROXY_HOPS: '-1' })).toThrow(/TRUSTED_PROXY_HOPS/);
    expect(() => parseEnv({ TRUSTED_PROXY_HOPS: 'oui', RATE_LIMIT_MEMORY_KEYS: '10' })).toThrow(/TRUSTED_PROXY_HOPS.*RATE_LIMIT_MEMORY_KEYS/);
  });

  it('stops `npm start` with one clear line, not a stack trace', () => {
    const root = path.join(__dirname, '..', '..');
    const result = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/start.ts'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: 'postgres//oops' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Configuration invalide : DATABASE_URL doit être une URL PostgreSQL');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
