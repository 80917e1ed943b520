// The importers' fast path for plain weekly hours must give exactly what the opening_hours
// library gives: checked on every distinct value of the real France Services list.
import { describe, expect, it } from 'vitest';
import { isValidHours, weeklySlotsByLibrary } from '../../lib/hours';
import { isSimpleHours, simpleWeeklySlots } from '../../lib/import/simple-hours';
import { realRows } from '../helpers/real-data';

describe('plain weekly hours', () => {
  it('gives the library’s weekly slots for every distinct value of the France Services list', () => {
    const values = new Set(realRows('france-services').flatMap((r) => (r.place?.fields.openingHours ? [r.place.fields.openingHours] : [])));
    expect(values.size).toBeGreaterThan(1000);
    let simple = 0;
    for (const value of values) {
      const fast = simpleWeeklySlots(value);
      if (fast === null) continue;
      simple++;
      expect(fast, value).toEqual(weeklySlotsByLibrary(value));
    }
    expect(simple / values.size).toBeGreaterThan(0.95);
  }, 120_000);

  it('keeps OSM meaning on the edges, and leaves anything else to the library', () => {
    for (const value of [
      'Mo-Fr 09:00-12:00; We 14:00-18:00',
      'Mo,We,Fr 09:00-12:00,11:00-13:30; PH off',
      'Sa-Su 10:00-24:00',
      'Tu 08:00-12:00; Tu-Th 13:00-17:00',
    ]) {
      expect(isSimpleHours(value)).toBe(true);
      expect(isValidHours(value)).toBe(true);
      expect(simpleWeeklySlots(value), value).toEqual(weeklySlotsByLibrary(value));
    }
    for (const value of [
      'Mo-Fr 22:00-02:00',
      'Fr-Mo 10:00-12:00',
      'Mo-Fr 09:00-12:00 "sur rendez-vous"',
      'Mo 25:00-26:00',
      '24/7',
      'Mo-Fr 09:00-12:00; PH 10:00-12:00',
    ]) {
      expect(simpleWeeklySlots(value), value).toBeNull();
    }
  });
});
