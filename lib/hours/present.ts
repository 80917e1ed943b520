// Opening hours for people: a week table in plain French with today highlighted, the current
// state, public holidays. A value the library rejects is shown as "Horaires non communiqués"
// with the raw text, never a crash.
import { instantAt, openIntervals, openingStateAt, parseHours, wallTimeIn, type OpeningState } from './index';

export type DayRow = {
  /** "lundi" */
  day: string;
  /** "9 h – 12 h, 14 h – 17 h 30", "Fermé", "Fermé (jour férié)" */
  text: string;
  isToday: boolean;
  holiday: boolean;
  /** ISO date of that day */
  date: string;
};

export type HoursPresentation =
  | { known: true; state: OpeningState; week: DayRow[]; comment: string | null; closedOnHolidays: boolean }
  | { known: false; raw: string | null };

const WEEKDAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

function hourText(date: Date, timeZone: string) {
  const w = wallTimeIn(timeZone, date);
  return w.minute === 0 ? `${w.hour} h` : `${w.hour} h ${String(w.minute).padStart(2, '0')}`;
}

/** The seven days starting Monday of the current week, in the place's zone. */
export function presentHours(value: string | null | undefined, timeZone: string, now: Date): HoursPresentation {
  const parsed = parseHours(value);
  if (!parsed.ok) return { known: false, raw: value?.trim() || null };
  const today = wallTimeIn(timeZone, now);
  const todayUtc = new Date(Date.UTC(today.year, today.month - 1, today.day));
  const mondayOffset = (todayUtc.getUTCDay() + 6) % 7;
  const week: DayRow[] = [];
  for (let i = 0; i < 7; i++) {
    const d = new Date(Date.UTC(today.year, today.month - 1, today.day - mondayOffset + i));
    const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
    const from = instantAt(timeZone, y, m, day);
    const to = instantAt(timeZone, y, m, day + 1);
    const intervals = openIntervals(value, timeZone, from, to);
    const holiday = parsed.hours.getPublicHolidayContext?.(new Date(y, m - 1, day, 12))?.isHoliday ?? false;
    const ranges = intervals.map((interval) => {
      const end = interval.end.getTime() === to.getTime() ? '24 h' : hourText(interval.end, timeZone);
      const text = `${hourText(interval.start, timeZone)} – ${end}`;
      return interval.unknown && !interval.comment ? `${text} (à confirmer)` : text;
    });
    const comments = [...new Set(intervals.map((i) => i.comment).filter(Boolean))];
    week.push({
      day: WEEKDAYS[i],
      text: ranges.length ? `${ranges.join(', ')}${comments.length ? ` — ${comments.join(' ; ')}` : ''}` : holiday ? 'Fermé (jour férié)' : 'Fermé',
      isToday: i === mondayOffset,
      holiday,
      date: `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    });
  }
  const state = openingStateAt(value, timeZone, now);
  return { known: true, state, week, comment: state.comment, closedOnHolidays: /\bPH\s+off\b/i.test(value ?? '') };
}
