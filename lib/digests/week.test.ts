import { describe, expect, it } from 'vitest';
import { isoWeek, parisWeekday } from './week';
import { optOutToken, verifyOptOutToken } from './token';

describe('the digest’s calendar, in Europe/Paris', () => {
  it('names ISO weeks, the year of their Thursday included', () => {
    expect(isoWeek(new Date('2026-12-06T12:00:00Z'))).toBe('2026-W49');
    expect(isoWeek(new Date('2026-12-07T12:00:00Z'))).toBe('2026-W50');
    expect(isoWeek(new Date('2027-01-01T12:00:00Z'))).toBe('2026-W53');
    expect(isoWeek(new Date('2024-12-30T12:00:00Z'))).toBe('2025-W01');
  });

  it('reads the weekday and the week in Paris, not in UTC', () => {
    // Sunday 23:30 UTC is already Monday 00:30 in Paris (winter time).
    const lateSunday = new Date('2026-12-06T23:30:00Z');
    expect(parisWeekday(lateSunday)).toBe(1);
    expect(isoWeek(lateSunday)).toBe('2026-W50');
    expect(parisWeekday(new Date('2026-12-06T12:00:00Z'))).toBe(7);
  });
});

describe('the unsubscribe token', () => {
  const id = '0b6c1b2e-1d2f-4a5b-8c9d-0e1f2a3b4c5d';
  it('verifies its own person under the same secret only', () => {
    const token = optOutToken(id, 'secret-a-0123456789');
    expect(verifyOptOutToken(token, 'secret-a-0123456789')).toBe(id);
    expect(verifyOptOutToken(token, 'secret-b-0123456789')).toBeNull();
    expect(verifyOptOutToken(token.replace(id, '1b6c1b2e-1d2f-4a5b-8c9d-0e1f2a3b4c5d'), 'secret-a-0123456789')).toBeNull();
    expect(verifyOptOutToken(`${token}.x`, 'secret-a-0123456789')).toBeNull();
    expect(verifyOptOutToken(token, undefined)).toBeNull();
    expect(verifyOptOutToken('', 'secret-a-0123456789')).toBeNull();
  });
});
