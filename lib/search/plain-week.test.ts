import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { readDataText } from '../data/files';
import { instantAt, openingStateByLibrary, wallTimeIn, weeklySlotsByLibrary } from '../hours';
import { weekdayHoursToOsm } from '../import/normalize';
import { PLAIN_WEEK } from './availability';

// An "open now" search lets SQL decide the places whose hours are a plain week (PLAIN_WEEK): the
// minute of the week in the place's zone is in `openWeek`, built from weeklySlots(). Here, on the
// real France Services schedules, that answer is the library's at every instant tried — over four
// weeks with Easter Monday (a public holiday), in two zones.
describe('plain weeks, decided in SQL for "open now"', () => {
  it('are open exactly when the minute of the week is in their weekly slots', () => {
    const rows = parse(readDataText('franceServices'), { columns: true, skip_empty_lines: true, relax_column_count: true }) as Array<Record<string, string>>;
    const values = [
      ...new Set(rows.map((r) => weekdayHoursToOsm([r.h_lundi, r.h_mardi, r.h_mercredi, r.h_jeudi, r.h_vendredi, r.h_samedi])).filter((v): v is string => !!v)),
    ];
    const plainWeek = new RegExp(PLAIN_WEEK);
    const plain = values.filter((v) => plainWeek.test(v)).slice(0, 120);
    expect(plain.length).toBe(120);
    for (const notPlain of [
      'Mo-Fr 09:00-12:00; PH off',
      'Mo-Fr 09:00-12:00 "sur rendez-vous"',
      'Jul-Aug Mo 10:00-12:00',
      'week 1-53/2 Tu 14:00-16:00',
      'Mo off',
      '24/7',
    ]) {
      expect(plainWeek.test(notPlain), notPlain).toBe(false);
    }
    let checked = 0;
    for (const zone of ['Europe/Paris', 'America/Cayenne']) {
      for (let minutes = 0; minutes < 28 * 24 * 60; minutes += 613) {
        const at = new Date(instantAt(zone, 2026, 3, 30).getTime() + minutes * 60_000);
        const wall = wallTimeIn(zone, at);
        const isoDay = ((new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay() + 6) % 7) + 1;
        const minute = wall.hour * 60 + wall.minute;
        for (const value of plain) {
          const inSlots = (weeklySlotsByLibrary(value) ?? []).some((s) => s.weekday === isoDay && s.startMinute <= minute && minute < s.endMinute);
          expect(inSlots, `${value} at ${at.toISOString()} in ${zone}`).toBe(openingStateByLibrary(value, zone, at).status === 'open');
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  }, 120_000);
});
