// The hours grid as a plain HTML form posts it (components/hours/HoursGrid.tsx: works without
// JavaScript), read back into the editor's model (editor.ts) with a French message per day for
// what a person can get wrong: half a range, a time that is not one, a range past midnight,
// overlapping ranges. Midnight typed as an end ("00:00", what a time input offers) means 24:00.
import { emptyGrid, osmToGrid, type HoursGrid } from './editor';
import {
  GRID_COMMENT,
  GRID_DAY_NAMES,
  GRID_DAYS,
  GRID_HOLIDAYS,
  GRID_RANGES,
  GRID_SUMMER,
  gridField,
  SUMMER_OFF,
  type GridDay,
  type SummerOff,
} from './grid-fields';

export { GRID_COMMENT, GRID_DAY_NAMES, GRID_HOLIDAYS, GRID_RANGES, GRID_SUMMER, gridField } from './grid-fields';

/** Every field name of the grid (to keep what was typed). */
export const GRID_FIELDS: string[] = [
  ...GRID_DAYS.flatMap((day) => Array.from({ length: GRID_RANGES }, (_, i) => [gridField(day, i, 0), gridField(day, i, 1)]).flat()),
  GRID_HOLIDAYS,
  GRID_SUMMER,
  GRID_COMMENT,
];

/** "14 h 30" for "14:30", "14 h" for "14:00". */
export function clockWords(hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number);
  return m ? `${h} h ${String(m).padStart(2, '0')}` : `${h} h`;
}

/** "14:30" from "14:30", "14h30", "14 h 30", "14h", "9.30", "1430"; '' when empty; null when unreadable. */
export function readClock(text: string): string | null {
  const t = text.trim().toLowerCase();
  if (!t) return '';
  const m = t.match(/^(\d{1,2})\s*(?:[h:.]\s*(\d{2})?)?$/) ?? t.match(/^(\d{2})(\d{2})$/);
  if (!m) return null;
  const [h, min] = [Number(m[1]), Number(m[2] ?? 0)];
  if (h > 24 || min > 59 || (h === 24 && min > 0)) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

/** One day's ranges from the form, or why they cannot be read. */
function readDay(day: GridDay, get: (name: string) => string): { ranges: Array<[string, string]>; error?: string } {
  const name = GRID_DAY_NAMES[day];
  const ranges: Array<[string, string]> = [];
  for (let i = 0; i < GRID_RANGES; i++) {
    const typed = [get(gridField(day, i, 0)), get(gridField(day, i, 1))];
    if (!typed[0].trim() && !typed[1].trim()) continue;
    const [a, b] = typed.map(readClock);
    const bad = a === null ? typed[0] : b === null ? typed[1] : null;
    if (bad !== null) return { ranges, error: `${name} : « ${bad.trim().slice(0, 20)} » n’est pas une heure (exemple : 14:30).` };
    if (!a || !b) return { ranges, error: `${name} : indiquez le début et la fin de chaque plage.` };
    const end = b === '00:00' ? '24:00' : b;
    if (toMinutes(end) < toMinutes(a!))
      return {
        ranges,
        error: `${name} : la plage ${clockWords(a!)} – ${clockWords(b!)} passe minuit. Arrêtez-la à minuit (00:00) et indiquez la suite le jour suivant.`,
      };
    if (end === a) return { ranges, error: `${name} : la fin de la plage doit suivre son début (${clockWords(a!)}).` };
    ranges.push([a!, end]);
  }
  ranges.sort((x, y) => toMinutes(x[0]) - toMinutes(y[0]));
  for (let i = 1; i < ranges.length; i++) {
    if (toMinutes(ranges[i][0]) < toMinutes(ranges[i - 1][1])) {
      const [p, q] = [ranges[i - 1], ranges[i]].map(([s, e]) => `${clockWords(s)} – ${clockWords(e)}`);
      return { ranges, error: `${name} : les plages ${p} et ${q} se chevauchent. Réunissez-les ou corrigez l’une d’elles.` };
    }
  }
  return { ranges };
}

export type GridReading = { grid: HoursGrid; empty: boolean; errors: Record<string, string> };

/** The grid a form posted, with errors keyed "h-Tu" (one day) or "h-ete" (an option). */
export function readGridForm(get: (name: string) => string): GridReading {
  const grid = emptyGrid();
  const errors: Record<string, string> = {};
  for (const day of GRID_DAYS) {
    const { ranges, error } = readDay(day, get);
    if (error) errors[`h-${day}`] = error;
    grid.days[day] = ranges;
  }
  grid.closedOnHolidays = get(GRID_HOLIDAYS) === 'oui';
  const summer = get(GRID_SUMMER);
  if (summer && !(summer in SUMMER_OFF)) errors[GRID_SUMMER] = 'Choisissez une des possibilités proposées pour l’été.';
  else if (summer) grid.summerOff = summer as SummerOff;
  // OSM comments are quoted: no double quote, and kept short.
  grid.comment = get(GRID_COMMENT)
    .replace(/["\r\n]/g, ' ')
    .trim()
    .slice(0, 100);
  return { grid, empty: GRID_DAYS.every((day) => grid.days[day].length === 0), errors };
}

/** The grid of a stored value when the form can show it whole (else the value is kept behind). */
export function formGrid(value: string | null | undefined): HoursGrid | null {
  const grid = osmToGrid(value);
  return grid && GRID_DAYS.every((day) => grid.days[day].length <= GRID_RANGES) ? grid : null;
}

/** The form's values of a grid (to fill the form from a stored value). */
export function gridFormValues(grid: HoursGrid): Record<string, string> {
  const values: Record<string, string> = {};
  for (const day of GRID_DAYS)
    grid.days[day].forEach(([a, b], i) => {
      values[gridField(day, i, 0)] = a;
      values[gridField(day, i, 1)] = b === '24:00' ? '00:00' : b;
    });
  values[GRID_HOLIDAYS] = grid.closedOnHolidays ? 'oui' : '';
  values[GRID_SUMMER] = grid.summerOff ?? '';
  values[GRID_COMMENT] = grid.comment;
  return values;
}
