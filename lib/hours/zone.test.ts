import { describe, expect, it } from 'vitest';
import { fromWallClock, toWallClock, wallTimeIn } from './zone';

// Intl itself, as wallTimeIn answered before it kept offsets per quarter hour.
const formats = new Map<string, Intl.DateTimeFormat>();
function intlWallTime(timeZone: string, instant: Date) {
  if (!formats.has(timeZone))
    formats.set(
      timeZone,
      new Intl.DateTimeFormat('en-GB', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      }),
    );
  const parts = Object.fromEntries(
    formats
      .get(timeZone)!
      .formatToParts(instant)
      .map((p) => [p.type, Number(p.value)]),
  );
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

// French zones, and zones with half-hour and 45-minute offsets or half-hour DST shifts.
const ZONES = [
  'Europe/Paris',
  'America/Miquelon',
  'Pacific/Noumea',
  'Indian/Reunion',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'America/St_Johns',
  'Pacific/Chatham',
];

describe('wall time in a zone', () => {
  it('matches Intl at random instants from 1975 to 2045, and around every transition of those years', () => {
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const from = Date.UTC(1975, 0, 1);
    const span = Date.UTC(2045, 0, 1) - from;
    for (const zone of ZONES) {
      for (let i = 0; i < 1500; i++) {
        const instant = new Date(from + Math.floor(rand() * span));
        expect(wallTimeIn(zone, instant)).toEqual(intlWallTime(zone, instant));
      }
      // Around the DST changes of 2025 and 2026 (found by hourly steps): every 7 seconds, and every second near the change itself.
      for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2027, 0, 1); t += 3600_000) {
        const a = intlWallTime(zone, new Date(t));
        const b = intlWallTime(zone, new Date(t + 3600_000));
        const shift = Date.UTC(b.year, b.month - 1, b.day, b.hour, b.minute) - Date.UTC(a.year, a.month - 1, a.day, a.hour, a.minute);
        if (shift === 3600_000) continue;
        for (let s = t; s <= t + 3600_000; s += 7000) expect(wallTimeIn(zone, new Date(s))).toEqual(intlWallTime(zone, new Date(s)));
        for (let q = t; q <= t + 3600_000; q += 15 * 60_000) {
          for (let s = q - 3000; s <= q + 3000; s += 1000) expect(wallTimeIn(zone, new Date(s))).toEqual(intlWallTime(zone, new Date(s)));
        }
      }
    }
  });

  it('goes to the wall clock and back (outside the hour repeated when clocks go back)', () => {
    for (const zone of ['Europe/Paris', 'Pacific/Noumea', 'America/Cayenne', 'Asia/Kathmandu']) {
      for (let t = Date.UTC(2026, 2, 1); t < Date.UTC(2026, 4, 1); t += 7 * 60_000 + 13_000) {
        expect(fromWallClock(toWallClock(new Date(t), zone), zone).getTime()).toBe(t);
      }
    }
  });
});
