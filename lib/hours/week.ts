// A week of opening as PostgreSQL stores it ("Place"."hoursWeek" and "openWeek", int4multirange):
// minutes of the week, ISO weekday 1–7 → (weekday − 1) × 1440 + minute of the day. Slots that
// end at or before their start are left out, as the database's triggers leave them out.
import { weeklySlots } from './index';
import type { WeeklySlot } from './plain';

const MINUTES_A_DAY = 1440;

/** The multirange literal of weekly slots ("{[540,720),[1980,2160)}"), or null when there is none. */
export function weekMultirange(slots: readonly WeeklySlot[] | null | undefined): string | null {
  const ranges: string[] = [];
  for (const slot of slots ?? []) {
    if (slot.endMinute <= slot.startMinute) continue;
    const offset = (slot.weekday - 1) * MINUTES_A_DAY;
    ranges.push(`[${offset + slot.startMinute},${offset + slot.endMinute})`);
  }
  return ranges.length ? `{${ranges.join(',')}}` : null;
}

/**
 * The weekly slots of a multirange as PostgreSQL prints it ("{[540,720),[1980,2160)}"): each range
 * cut at midnight, so a slot never spans two days. Null or empty gives no slot.
 */
export function slotsOfWeek(multirange: string | null | undefined): WeeklySlot[] {
  const slots: WeeklySlot[] = [];
  for (const match of (multirange ?? '').matchAll(/([[(])(-?\d+),(-?\d+)([\])])/g)) {
    // Integer ranges come back canonical, [start,end); other bounds are made so.
    let start = Number(match[2]) + (match[1] === '(' ? 1 : 0);
    const end = Number(match[3]) + (match[4] === ']' ? 1 : 0);
    while (start < end) {
      const dayStart = Math.floor(start / MINUTES_A_DAY) * MINUTES_A_DAY;
      const stop = Math.min(end, dayStart + MINUTES_A_DAY);
      slots.push({ weekday: dayStart / MINUTES_A_DAY + 1, startMinute: start - dayStart, endMinute: stop - dayStart });
      start = stop;
    }
  }
  return slots;
}

/**
 * A place's week from its `openingHours` (`Place.hoursWeek`): the back-office's and the import's
 * one reading. Schedules repeat across places (a file has a few thousand distinct ones), so each
 * literal is remembered, within a bound.
 */
export function hoursWeek(openingHours: string | null | undefined): string | null {
  if (!openingHours) return null;
  let week = WEEKS.get(openingHours);
  if (week === undefined) {
    week = weekMultirange(weeklySlots(openingHours));
    if (WEEKS.size >= 5000) WEEKS.clear();
    WEEKS.set(openingHours, week);
  }
  return week;
}
const WEEKS = new Map<string, string | null>();
