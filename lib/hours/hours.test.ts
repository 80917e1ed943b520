import { describe, expect, it } from 'vitest';
import { closedOnHolidays, instantAt, isOpenAt, isOpenBetween, openingStateAt, parseHours, timeZoneForCode, weeklySlots } from './index';

const PARIS = 'Europe/Paris';
const TYPICAL = 'Mo-Fr 09:00-12:00,14:00-17:30; Sa 09:00-12:00; PH off';

describe('opening hours in the place’s own time zone', () => {
  it('is open on a Tuesday morning in Paris, whatever the server zone', () => {
    // 2026-03-10 is a Tuesday; 10:00 in Paris is 09:00 UTC.
    expect(isOpenAt(TYPICAL, PARIS, new Date('2026-03-10T09:00:00Z'))).toBe(true);
    // 12:30 in Paris: lunch break.
    expect(isOpenAt(TYPICAL, PARIS, new Date('2026-03-10T11:30:00Z'))).toBe(false);
  });

  it('uses the local zone overseas: 08:00 in Réunion is 05:00 in Paris', () => {
    const at = new Date('2026-03-10T04:00:00Z'); // 08:00 in Réunion (UTC+4), 05:00 in Paris
    expect(isOpenAt('Mo-Fr 07:30-12:00', 'Indian/Reunion', at)).toBe(true);
    expect(isOpenAt('Mo-Fr 07:30-12:00', PARIS, at)).toBe(false);
    expect(timeZoneForCode('97411')).toBe('Indian/Reunion');
    expect(timeZoneForCode('49007')).toBe(PARIS);
  });

  it('is closed on a French public holiday with PH off (14 July 2026, a Tuesday)', () => {
    expect(isOpenAt(TYPICAL, PARIS, instantAt(PARIS, 2026, 7, 14, 10, 0))).toBe(false);
    expect(isOpenAt(TYPICAL, PARIS, instantAt(PARIS, 2026, 7, 15, 10, 0))).toBe(true);
    expect(closedOnHolidays(TYPICAL)).toBe(true);
  });

  it('gives the next change as a real instant', () => {
    const state = openingStateAt(TYPICAL, PARIS, instantAt(PARIS, 2026, 3, 10, 10, 0));
    expect(state.status).toBe('open');
    expect(state.nextChange?.toISOString()).toBe(instantAt(PARIS, 2026, 3, 10, 12, 0).toISOString());
  });

  it('handles the daylight-saving change (29 March 2026)', () => {
    // Monday 30 March, 09:30 Paris = 07:30 UTC (summer time).
    expect(isOpenAt('Mo 09:00-10:00', PARIS, new Date('2026-03-30T07:30:00Z'))).toBe(true);
    expect(isOpenAt('Mo 09:00-10:00', PARIS, new Date('2026-03-30T08:30:00Z'))).toBe(false);
  });

  it('never claims unknown or invalid hours are open', () => {
    expect(openingStateAt(null, PARIS, new Date()).status).toBe('unknown');
    expect(openingStateAt('du lundi au vendredi le matin', PARIS, new Date()).status).toBe('unknown');
    expect(parseHours('du lundi au vendredi le matin').ok).toBe(false);
  });

  it('answers "open on Saturday"', () => {
    const saturday = instantAt(PARIS, 2026, 3, 14);
    const sunday = instantAt(PARIS, 2026, 3, 15);
    expect(isOpenBetween(TYPICAL, PARIS, saturday, sunday)).toBe(true);
    expect(isOpenBetween('Mo-Fr 09:00-17:00', PARIS, saturday, sunday)).toBe(false);
  });

  it('derives weekly slots for SQL pre-filtering', () => {
    expect(weeklySlots(TYPICAL)).toEqual([
      { weekday: 1, startMinute: 540, endMinute: 720 },
      { weekday: 1, startMinute: 840, endMinute: 1050 },
      { weekday: 2, startMinute: 540, endMinute: 720 },
      { weekday: 2, startMinute: 840, endMinute: 1050 },
      { weekday: 3, startMinute: 540, endMinute: 720 },
      { weekday: 3, startMinute: 840, endMinute: 1050 },
      { weekday: 4, startMinute: 540, endMinute: 720 },
      { weekday: 4, startMinute: 840, endMinute: 1050 },
      { weekday: 5, startMinute: 540, endMinute: 720 },
      { weekday: 5, startMinute: 840, endMinute: 1050 },
      { weekday: 6, startMinute: 540, endMinute: 720 },
    ]);
    expect(weeklySlots('Fr 20:00-02:00')).toEqual([
      { weekday: 5, startMinute: 1200, endMinute: 1440 },
      { weekday: 6, startMinute: 0, endMinute: 120 },
    ]);
    expect(weeklySlots('Jul-Aug Mo 10:00-12:00')).toEqual([{ weekday: 1, startMinute: 600, endMinute: 720 }]);
    expect(weeklySlots('n’importe quoi')).toBeNull();
  });
});
