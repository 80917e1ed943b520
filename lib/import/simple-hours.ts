// A fast path for the opening hours importers write most: plain weekly rules such as
// "Mo-Fr 09:00-12:00,14:00-17:30; Sa 09:00-12:00; PH off". The `opening_hours` library takes a few
// milliseconds to read each distinct value, which dominates the import of files whose every row
// has its own hours (the France Services list has 1,855); these are read here directly, with the
// library's meaning (a later rule replaces an earlier one for its days). Anything else goes to the
// library.
import type { WeeklySlot } from '../hours';

const DAY = '(Mo|Tu|We|Th|Fr|Sa|Su)';
const DAYS = `${DAY}(?:-${DAY})?(?:,${DAY}(?:-${DAY})?)*`;
const RANGE = '(?:[01]\\d|2[0-3]):[0-5]\\d-(?:(?:[01]\\d|2[0-3]):[0-5]\\d|24:00)';
const RULE = `${DAYS} ${RANGE}(?:,${RANGE})*`;
const SIMPLE = new RegExp(`^${RULE}(?:; ${RULE})*(?:; PH (?:off|closed))?$`);
const NAMES = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];

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
