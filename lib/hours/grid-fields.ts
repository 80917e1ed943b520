// The hours grid's days, options and form field names, without the OSM library: what the grid's
// view (components/hours/HoursGrid.tsx, also in browsers) needs. The model is editor.ts, the
// form's reading grid-form.ts.

export const GRID_DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
export type GridDay = (typeof GRID_DAYS)[number];

export const GRID_DAY_NAMES: Record<GridDay, string> = {
  Mo: 'Lundi',
  Tu: 'Mardi',
  We: 'Mercredi',
  Th: 'Jeudi',
  Fr: 'Vendredi',
  Sa: 'Samedi',
  Su: 'Dimanche',
};

/** The summer closings the grid offers, as OSM month ranges. */
export const SUMMER_OFF = { Aug: 'Fermé en août', 'Jul-Aug': 'Fermé en juillet et en août' } as const;
export type SummerOff = keyof typeof SUMMER_OFF;

/** Ranges a day the form offers. */
export const GRID_RANGES = 2;

/** The form field of one end of one range: "h-Tu-0-a" (start), "h-Tu-0-b" (end). */
export const gridField = (day: GridDay, index: number, part: 0 | 1) => `h-${day}-${index}-${part === 0 ? 'a' : 'b'}`;
export const GRID_HOLIDAYS = 'h-feries';
export const GRID_SUMMER = 'h-ete';
export const GRID_COMMENT = 'h-precision';
