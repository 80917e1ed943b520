// The hours editor's model: for each weekday up to three time ranges, "fermé les jours fériés",
// a summer closing (August, or July and August) and a comment, written to and read from an OSM
// opening_hours value. Values it cannot represent (other seasons, week numbers…) are left to the
// raw field. Shared by the back-office editor and the campaign page (components/hours/HoursGrid.tsx).
import { GRID_DAYS, type GridDay, type SummerOff } from './grid-fields';
import { isValidHours } from './index';

export { GRID_DAYS, SUMMER_OFF, type GridDay, type SummerOff } from './grid-fields';
export type HoursGrid = { days: Record<GridDay, Array<[string, string]>>; closedOnHolidays: boolean; comment: string; summerOff?: SummerOff };

export function emptyGrid(): HoursGrid {
  return { days: { Mo: [], Tu: [], We: [], Th: [], Fr: [], Sa: [], Su: [] }, closedOnHolidays: false, comment: '' };
}

const TIME = /^([01]\d|2[0-4]):[0-5]\d$/;

/** The OSM value of a grid, grouping consecutive days with the same ranges. */
export function gridToOsm(grid: HoursGrid): string | null {
  const keyOf = (day: GridDay) =>
    grid.days[day]
      .filter(([a, b]) => TIME.test(a) && TIME.test(b) && a < b)
      .map(([a, b]) => `${a}-${b}`)
      .join(',');
  const rules: string[] = [];
  let i = 0;
  while (i < GRID_DAYS.length) {
    const key = keyOf(GRID_DAYS[i]);
    if (!key) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < GRID_DAYS.length && keyOf(GRID_DAYS[j + 1]) === key) j++;
    rules.push(`${j > i ? `${GRID_DAYS[i]}-${GRID_DAYS[j]}` : GRID_DAYS[i]} ${key}`);
    i = j + 1;
  }
  if (!rules.length) return null;
  // OSM comments are quoted and cannot hold a double quote.
  const comment = grid.comment.replace(/"/g, '').trim();
  let value = rules.map((rule) => (comment ? `${rule} "${comment}"` : rule)).join('; ');
  if (grid.summerOff) value += `; ${grid.summerOff} off`;
  if (grid.closedOnHolidays) value += '; PH off';
  return value;
}

/** The rules of a value: split on semicolons outside quoted comments. */
function splitRules(value: string): string[] {
  const rules: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of value) {
    if (char === '"') quoted = !quoted;
    if (char === ';' && !quoted) {
      rules.push(current);
      current = '';
    } else current += char;
  }
  rules.push(current);
  return rules.map((r) => r.trim()).filter(Boolean);
}

const DAY_RANGE = /^(Mo|Tu|We|Th|Fr|Sa|Su)(?:-(Mo|Tu|We|Th|Fr|Sa|Su))?$/;

/** The grid of an OSM value, or null when the value uses syntax the grid cannot show. */
export function osmToGrid(value: string | null | undefined): HoursGrid | null {
  const grid = emptyGrid();
  if (!value?.trim()) return grid;
  if (!isValidHours(value)) return null;
  let comment: string | null = null;
  for (const raw of splitRules(value)) {
    if (/^PH\s+off$/i.test(raw)) {
      grid.closedOnHolidays = true;
      continue;
    }
    const summer = raw.match(/^(Aug|Jul-Aug)\s+off$/);
    if (summer) {
      grid.summerOff = summer[1] as SummerOff;
      continue;
    }
    const m = raw.match(/^([A-Za-z,-]+)\s+([\d:,-]+)(?:\s+"([^"]*)")?$/);
    // A day's rule after the summer closing would reopen those days in summer: not the grid's meaning.
    if (!m || grid.summerOff) return null;
    if (m[3] !== undefined) {
      // Read as the grid writes it (trimmed), so that opening and writing again changes nothing.
      const text = m[3].trim();
      if (comment !== null && comment !== text) return null;
      comment = text;
    }
    const ranges = m[2].split(',').map((r) => r.split('-') as [string, string]);
    if (!ranges.every(([a, b]) => TIME.test(a) && TIME.test(b))) return null;
    // A range past midnight ("12:00-09:00") does not fit a day's row: leave it to the raw field.
    if (!ranges.every(([a, b]) => a < b)) return null;
    for (const part of m[1].split(',')) {
      const d = part.match(DAY_RANGE);
      if (!d) return null;
      const from = GRID_DAYS.indexOf(d[1] as GridDay);
      const to = d[2] ? GRID_DAYS.indexOf(d[2] as GridDay) : from;
      if (to < from) return null;
      for (let k = from; k <= to; k++) grid.days[GRID_DAYS[k]] = ranges;
    }
  }
  grid.comment = comment ?? '';
  return grid;
}
