import { describe, expect, it } from 'vitest';
import { realDataChecks } from './smoke-start';

describe('SMOKE_REAL_DATA', () => {
  it('runs every real-data check by default or with 1, none with 0, or the ones listed', () => {
    expect([...realDataChecks(undefined)]).toEqual(['home', 'brest', 'coverage']);
    expect([...realDataChecks('1')]).toEqual(['home', 'brest', 'coverage']);
    expect([...realDataChecks('0')]).toEqual([]);
    expect([...realDataChecks('home, coverage')]).toEqual(['home', 'coverage']);
  });

  it('refuses a check it does not know', () => {
    expect(() => realDataChecks('home,paris')).toThrow('SMOKE_REAL_DATA: unknown check paris (known: home, brest, coverage, or 0 / 1).');
  });
});
