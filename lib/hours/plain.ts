// Plain weekly hours, read and evaluated without the opening_hours library: values such as
// "Mo-Fr 09:00-12:00,14:00-17:30; Sa 09:00-12:00" (optionally "; PH off"), which is what the
// importers write for nearly every place (99.9 % of the places with hours in the realistic data
// set). The library takes milliseconds to read each distinct value (about 1,900 of them for
// 100,000 places, read again by every new process) and much of a search page's CPU went there.
// A plain week without "PH off" opens the same way every week whatever the date — public holidays
// included, as the library reads it —, so its state at an instant, its next change, a day's
// intervals are arithmetic on its weekly slots. Every answer here is the library's, checked on the
// real France Services values at many instants (lib/hours/plain.test.ts); anything else
// (comments, seasons, "PH off" for states, past midnight…) goes to the library.
export type WeeklySlot = { weekday: number; startMinute: number; endMinute: number };

const DAY = '(Mo|Tu|We|Th|Fr|Sa|Su)';
const DAYS = `${DAY}(?:-${DAY})?(?:,${DAY}(?:-${DAY})?)*`;
const RANGE = '(?:[01]\\d|2[0-3]):[0-5]\\d-(?:(?:[01]\\d|2[0-3]):[0-5]\\d|24:00)';
const RULE = `${DAYS} ${RANGE}(?:,${RANGE})*`;
const SIMPLE = new RegExp(`^${RULE}(?:; ${RULE})*(?:; PH (?:off|closed))?$`);
const NAMES = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];
const WEEK = 7 * 1440;

/** Is this value in the plain weekly grammar (always valid for the library)? */
export function isSimpleHours(value: string): boolean {
  return SIMPLE.test(value);
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The weekly slots of a plain value (ISO weekday 1–7), as lib/hours' weeklySlots gives them; null when the value is not plain. */
export function simpleWeeklySlots(value: string): WeeklySlot[] | null {
  if (!SIMPLE.test(value)) return null;
  const week: Array<Array<[number, number]>> = NAMES.map(() => []);
  for (const rule of value.split('; ')) {
    if (rule.startsWith('PH ')) continue;
    const [days, ranges] = rule.split(' ');
    const spans = ranges.split(',').map((r) => [minutes(r.slice(0, 5)), minutes(r.slice(6, 11))] as [number, number]);
    if (spans.some(([s, e]) => e <= s)) return null; // past midnight: the library knows
    for (const part of days.split(',')) {
      const [from, to = from] = part.split('-').map((d) => NAMES.indexOf(d));
      if (to < from) return null; // a week wrapping range: the library knows
      for (let d = from; d <= to; d++) week[d] = spans; // a later rule replaces an earlier one
    }
  }
  const slots: WeeklySlot[] = [];
  week.forEach((spans, index) => {
    const sorted = [...spans].sort((a, b) => a[0] - b[0]);
    let current: [number, number] | null = null;
    for (const [s, e] of sorted) {
      if (current && s <= current[1]) current[1] = Math.max(current[1], e);
      else {
        if (current) slots.push({ weekday: index + 1, startMinute: current[0], endMinute: current[1] });
        current = [s, e];
      }
    }
    if (current) slots.push({ weekday: index + 1, startMinute: current[0], endMinute: current[1] });
  });
  return slots;
}

/** A plain week ready to evaluate: its slots and the minutes of the week where its state changes. */
export type PlainWeek = { slots: WeeklySlot[]; changes: number[] };

// The wall-clock Dates lib/hours hands the library have the place's wall time in their *local*
// fields; the arithmetic below reads and builds them the same way, which gives the library's
// instants only when the server's own zone has no clock change (UTC, as the app is run). Elsewhere
// every value goes to the library.
const FIXED_LOCAL_OFFSET = [0, 3, 6, 9].every((month) => new Date(2026, month, 1).getTimezoneOffset() === new Date(2026, 0, 1).getTimezoneOffset());

const plainWeeks = new Map<string, PlainWeek | null>();

/** The plain week of a value without "PH off", or null (not plain, or not evaluated here). */
export function plainWeek(value: string | null | undefined): PlainWeek | null {
  if (!FIXED_LOCAL_OFFSET || !value) return null;
  let week = plainWeeks.get(value);
  if (week !== undefined) return week;
  const slots = value.includes('PH') ? null : simpleWeeklySlots(value.trim());
  week = slots ? { slots, changes: changesOf(slots) } : null;
  if (plainWeeks.size > 20_000) plainWeeks.clear();
  plainWeeks.set(value, week);
  return week;
}

/** The minutes of the week (0 = Monday 00:00) where the state changes: slot edges, but not where two slots touch (across midnight too). */
function changesOf(slots: WeeklySlot[]): number[] {
  const spans = slots.map((s) => [(s.weekday - 1) * 1440 + s.startMinute, (s.weekday - 1) * 1440 + s.endMinute]);
  const starts = new Set(spans.map(([s]) => s % WEEK));
  const ends = new Set(spans.map(([, e]) => e % WEEK));
  return [...new Set([...starts].filter((s) => !ends.has(s)).concat([...ends].filter((e) => !starts.has(e))))].sort((a, b) => a - b);
}

const minuteOfWeek = (wall: Date) => ((wall.getDay() + 6) % 7) * 1440 + wall.getHours() * 60 + wall.getMinutes();

/** Open at this wall-clock time? */
export function plainOpenAt(week: PlainWeek, wall: Date): boolean {
  const day = (wall.getDay() + 6) % 7;
  const minute = wall.getHours() * 60 + wall.getMinutes();
  return week.slots.some((s) => s.weekday === day + 1 && s.startMinute <= minute && minute < s.endMinute);
}

/** The next wall-clock time the state changes after `wall`, or null when it never does. */
export function plainNextChange(week: PlainWeek, wall: Date): Date | null {
  if (week.changes.length === 0) return null;
  const now = minuteOfWeek(wall);
  let ahead = WEEK;
  for (const change of week.changes) {
    const delta = (change - now + WEEK) % WEEK;
    if (delta > 0 && delta < ahead) ahead = delta;
  }
  return new Date(wall.getFullYear(), wall.getMonth(), wall.getDate(), wall.getHours(), wall.getMinutes() + ahead);
}

/** The open intervals between two wall-clock times, clipped to them, touching ones joined (as the library's getOpenIntervals). */
export function plainIntervals(week: PlainWeek, from: Date, to: Date): Array<[Date, Date]> {
  const intervals: Array<[Date, Date]> = [];
  for (
    let day = new Date(from.getFullYear(), from.getMonth(), from.getDate());
    day < to;
    day = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1)
  ) {
    const weekday = ((day.getDay() + 6) % 7) + 1;
    for (const slot of week.slots) {
      if (slot.weekday !== weekday) continue;
      const start = new Date(day.getFullYear(), day.getMonth(), day.getDate(), 0, slot.startMinute);
      const end = new Date(day.getFullYear(), day.getMonth(), day.getDate(), 0, slot.endMinute);
      if (!(start < to && end > from)) continue;
      const clipped: [Date, Date] = [start < from ? from : start, end > to ? to : end];
      const last = intervals[intervals.length - 1];
      if (last && last[1].getTime() === clipped[0].getTime()) last[1] = clipped[1];
      else intervals.push(clipped);
    }
  }
  return intervals;
}

/** Open at some moment between two wall-clock times? */
export function plainOpenBetween(week: PlainWeek, from: Date, to: Date): boolean {
  return plainIntervals(week, from, to).length > 0;
}
