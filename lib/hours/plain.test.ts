import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { readDataText } from '../data/files';
import { weekdayHoursToOsm } from '../import/normalize';
import {
  instantAt,
  isOpenBetween,
  openAt,
  openingStateAt,
  openingStateByLibrary,
  openIntervals,
  openIntervalsByLibrary,
  parseHours,
  toWallClock,
} from './index';
import { plainWeek } from './plain';
import { presentHours } from './present';

// Plain weeks are evaluated without the opening_hours library (lib/hours/plain.ts): here every
// answer is compared with the library's own — state, next change, a day's intervals, "open between"
// — on real France Services schedules and on edge cases, at instants spread over four weeks with
// Easter Monday (a public holiday, which a plain week ignores as the library does), around both
// clock changes of 2026, on minute boundaries, in mainland and overseas zones.
const ZONES = ['Europe/Paris', 'America/Cayenne', 'Indian/Reunion'];

const EDGES = [
  'Mo-Fr 09:00-12:00; We 14:00-18:00',
  'Mo-Su 00:00-24:00',
  'Su 20:00-24:00; Mo 00:00-02:00',
  'Mo 08:00-12:00,12:00-14:00; Tu-Th 13:00-17:00',
  'Sa-Su 10:00-24:00',
  'Tu 08:00-12:00; Tu-Th 13:00-17:00',
  'Mo,We,Fr 09:00-12:00,11:00-13:30',
  'Su 02:00-03:30',
];

function realPlainValues(count: number): string[] {
  const rows = parse(readDataText('franceServices'), { columns: true, skip_empty_lines: true, relax_column_count: true }) as Array<Record<string, string>>;
  const values = [
    ...new Set(rows.map((r) => weekdayHoursToOsm([r.h_lundi, r.h_mardi, r.h_mercredi, r.h_jeudi, r.h_vendredi, r.h_samedi])).filter((v): v is string => !!v)),
  ];
  const plain = values.filter((v) => plainWeek(v) !== null);
  expect(plain.length / values.length).toBeGreaterThan(0.95);
  // Spread over the list rather than its first values.
  return Array.from({ length: count }, (_, i) => plain[Math.floor((i * plain.length) / count)]);
}

/** Instants: every `step` minutes over four weeks from Easter week, the clock changes' days, and the minutes around each edge of the value's first week. */
function instantsFor(value: string, zone: string, step: number): Date[] {
  const start = instantAt(zone, 2026, 3, 30).getTime();
  const instants: Date[] = [];
  for (let m = 0; m < 28 * 1440; m += step) instants.push(new Date(start + m * 60_000 + 17_000));
  for (const [y, mo, d] of [
    [2026, 3, 28],
    [2026, 3, 29],
    [2026, 10, 24],
    [2026, 10, 25],
  ])
    for (let m = 0; m < 2 * 1440; m += 37) instants.push(new Date(instantAt(zone, y, mo, d).getTime() + m * 60_000));
  for (const change of plainWeek(value)?.changes ?? []) {
    for (const shift of [-1, 0, 1]) instants.push(instantAt(zone, 2026, 3, 30, 0, change + shift));
  }
  return instants;
}

describe('plain weeks without the library', () => {
  it('give the library’s state, next change and comment at every instant tried', () => {
    let checked = 0;
    for (const value of [...EDGES, ...realPlainValues(60)]) {
      expect(plainWeek(value), value).not.toBeNull();
      for (const zone of ZONES) {
        for (const at of instantsFor(value, zone, 211)) {
          const expected = openingStateByLibrary(value, zone, at);
          const label = `${value} at ${at.toISOString()} in ${zone}`;
          expect(openingStateAt(value, zone, at), label).toEqual(expected);
          expect(openAt(value, zone, at), label).toBe(expected.status === 'open');
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20_000);
  }, 240_000);

  it('give the library’s intervals of a day and of two days, and whether it opens between two instants', () => {
    for (const value of [...EDGES, ...realPlainValues(25)]) {
      for (const zone of ZONES) {
        for (let day = 0; day < 14; day++) {
          for (const [y, m, d] of [
            [2026, 3, 28 + day],
            [2026, 10, 20 + day],
          ]) {
            const from = instantAt(zone, y, m, d);
            for (const to of [instantAt(zone, y, m, d + 1), instantAt(zone, y, m, d + 2), instantAt(zone, y, m, d, 12, 30)]) {
              const expected = openIntervalsByLibrary(value, zone, from, to);
              const label = `${value} from ${from.toISOString()} to ${to.toISOString()} in ${zone}`;
              expect(openIntervals(value, zone, from, to), label).toEqual(expected);
              expect(isOpenBetween(value, zone, from, to), label).toBe(expected.some((i) => !i.unknown));
            }
          }
        }
      }
    }
  }, 240_000);

  it('present the week and the holidays ahead as before, a holiday being an ordinary day', () => {
    const value = 'Mo-Fr 09:00-12:00,14:00-17:00';
    // Monday 30 March 2026: Easter Monday (6 April) is after this week, Labour Day (1 May) too.
    const shown = presentHours(value, 'Europe/Paris', instantAt('Europe/Paris', 2026, 3, 30, 10));
    expect(shown.known && shown.week.map((d) => d.text)).toEqual([...Array(5).fill('9 h – 12 h, 14 h – 17 h'), 'Fermé', 'Fermé']);
    expect(shown.known && shown.specialDays[0]).toEqual({ date: '2026-04-06', label: 'lundi 6 avril (jour férié)', text: '9 h – 12 h, 14 h – 17 h' });
    expect(shown.known && shown.label).toBe('Ouvert — ferme à 12 h');
  });

  it('leave to the library what it alone reads', () => {
    for (const value of [
      'Mo-Fr 09:00-12:00; PH off',
      'Mo-Fr 09:00-12:00 "sur rendez-vous"',
      'Jul-Aug Mo 10:00-12:00',
      'week 1-53/2 Tu 14:00-16:00',
      'Mo-Fr 22:00-02:00',
      'Fr-Mo 10:00-12:00',
      '24/7',
      'Mo off',
    ]) {
      expect(plainWeek(value), value).toBeNull();
    }
    // …and the library still reads them.
    expect(parseHours('Mo-Fr 09:00-12:00; PH off').ok).toBe(true);
    // A wall-clock time is read from its local fields, as the library reads it.
    expect(toWallClock(new Date('2026-03-30T08:00:00Z'), 'Europe/Paris').getHours()).toBe(10);
  });
});
