import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { readDataText } from '../data/files';
import { weekdayHoursToOsm } from '../import/normalize';
import { instantAt, isOpenAt, openAt } from './index';

// openAt() is what an "open now" search asks for every candidate schedule; it must answer exactly
// as isOpenAt() (the card's full opening state), which it replaces there for speed.
describe('openAt, the search’s quick "open at" test', () => {
  it('answers as isOpenAt on the real France Services schedules, holidays and odd values included', () => {
    const rows = parse(readDataText('franceServices'), { columns: true, skip_empty_lines: true, relax_column_count: true }) as Array<Record<string, string>>;
    const real = [
      ...new Set(rows.map((r) => weekdayHoursToOsm([r.h_lundi, r.h_mardi, r.h_mercredi, r.h_jeudi, r.h_vendredi, r.h_samedi])).filter((v): v is string => !!v)),
    ].slice(0, 80);
    expect(real.length).toBe(80);
    const odd = [
      'Mo-Fr 09:00-12:00; PH off',
      'Mo-Fr 09:00-17:00 "sur rendez-vous"',
      '"sur rendez-vous"',
      'Mo-Sa 22:00-02:00',
      'Jul-Aug Mo-Fr 10:00-12:00',
      'week 1-53/2 Tu 14:00-16:00',
      'Mo 09:00-12:00 unknown',
      'n’importe quoi',
      '',
    ];
    const values = [...real, ...real.map((v) => `${v}; PH off`), ...odd];
    // Four weeks from Monday 30 March 2026 (Easter Monday 6 April), every 13 h 7 min (every hour of the day in turn); two zones.
    const instants: Array<[string, Date]> = [];
    for (let minutes = 0; minutes < 28 * 24 * 60; minutes += 787) {
      instants.push(['Europe/Paris', new Date(instantAt('Europe/Paris', 2026, 3, 30).getTime() + minutes * 60_000)]);
      instants.push(['America/Cayenne', new Date(instantAt('America/Cayenne', 2026, 3, 30).getTime() + minutes * 60_000)]);
    }
    let open = 0;
    for (const value of values) {
      for (const [zone, at] of instants) {
        const quick = openAt(value, zone, at);
        expect(quick, `${value} at ${at.toISOString()} in ${zone}`).toBe(isOpenAt(value, zone, at));
        if (quick) open++;
      }
    }
    expect(open).toBeGreaterThan(300);
  }, 120_000);
});
