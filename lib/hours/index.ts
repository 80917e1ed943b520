// Opening hours, evaluated with the `opening_hours` library (the OSM reference implementation)
// in the place's own time zone, with French public holidays.
import OpeningHours from 'opening_hours';
import { plainIntervals, plainNextChange, plainOpenAt, plainOpenBetween, plainWeek, simpleWeeklySlots, type WeeklySlot } from './plain';
import { fromWallClock, toWallClock } from './zone';

export { timeZoneForCode, toWallClock, fromWallClock, instantAt, wallTimeIn } from './zone';

export type OpeningStatus = 'open' | 'closed' | 'unknown';

export type OpeningState = {
  status: OpeningStatus;
  /** When the status next changes (a real instant), if within two weeks. */
  nextChange: Date | null;
  /** The rule's comment, e.g. "sur rendez-vous". */
  comment: string | null;
};

export type ParsedHours = { ok: true; hours: OpeningHours; warnings: string[] } | { ok: false; error: string };

// Holiday definitions need a country and a region; the region only matters for Alsace-Moselle.
const FRANCE = { lat: 47.47, lon: -0.55, address: { country_code: 'fr', state: 'Pays de la Loire' } };
const ALSACE_MOSELLE = { lat: 48.58, lon: 7.75, address: { country_code: 'fr', state: 'Grand Est' } };

const cache = new Map<string, ParsedHours>();

/** Parses an OSM opening_hours value; a value the library rejects gives { ok: false }. */
export function parseHours(value: string | null | undefined, options: { departement?: string } = {}): ParsedHours {
  const text = value?.trim();
  if (!text) return { ok: false, error: 'Horaires non communiqués' };
  const alsace = options.departement === '57' || options.departement === '67' || options.departement === '68';
  const key = `${alsace ? 'am' : 'fr'}|${text}`;
  const cached = cache.get(key);
  if (cached) return cached;
  let parsed: ParsedHours;
  try {
    const hours = new OpeningHours(text, alsace ? ALSACE_MOSELLE : FRANCE, { locale: 'fr', mode: 0 } as never);
    parsed = { ok: true, hours, warnings: hours.getWarnings() };
  } catch (error) {
    parsed = { ok: false, error: String(error instanceof Error ? error.message : error) };
  }
  if (cache.size > 20_000) cache.clear();
  cache.set(key, parsed);
  return parsed;
}

export function isValidHours(value: string): boolean {
  return parseHours(value).ok;
}

const TWO_WEEKS = 14 * 24 * 3600 * 1000;

// OSM hours change state on whole minutes only, so the state within one minute is one answer:
// kept per value, zone and minute (a search shows many places sharing the same hours).
const states = new Map<string, OpeningState>();
/** The same, for openAt(): the status only. */
const openOnly = new Map<string, { status: OpeningStatus }>();

const stateOf = (state: string): OpeningStatus => (state === 'open' ? 'open' : state === 'unknown' ? 'unknown' : 'closed');

/** Open, closed or unknown at an instant, in the place's zone. Unknown hours are never "open". */
export function openingStateAt(value: string | null | undefined, timeZone: string, at: Date): OpeningState {
  const key = `${Math.floor(at.getTime() / 60_000)}|${timeZone}|${value ?? ''}`;
  const known = states.get(key);
  if (known) return { ...known };
  const state = computeOpeningState(value, timeZone, at);
  if (states.size > 20_000) states.clear();
  states.set(key, state);
  return { ...state };
}

function computeOpeningState(value: string | null | undefined, timeZone: string, at: Date): OpeningState {
  // A plain week (nearly every place): the library's answer by arithmetic (lib/hours/plain.ts).
  const plain = plainWeek(value);
  if (plain) {
    const wall = toWallClock(at, timeZone);
    const next = plainNextChange(plain, wall);
    return { status: plainOpenAt(plain, wall) ? 'open' : 'closed', nextChange: next ? fromWallClock(next, timeZone) : null, comment: null };
  }
  return openingStateByLibrary(value, timeZone, at);
}

/** The opening_hours library's answer, whatever the value (the reference lib/hours/plain.ts is checked against). */
export function openingStateByLibrary(value: string | null | undefined, timeZone: string, at: Date): OpeningState {
  const parsed = parseHours(value);
  if (!parsed.ok) return { status: 'unknown', nextChange: null, comment: null };
  const wall = toWallClock(at, timeZone);
  const state = parsed.hours.getStateString(wall, true);
  const status = stateOf(state);
  const next = parsed.hours.getNextChange(wall, new Date(wall.getTime() + TWO_WEEKS));
  return {
    status,
    nextChange: next ? fromWallClock(next, timeZone) : null,
    comment: parsed.hours.getComment(wall) ?? null,
  };
}

export function isOpenAt(value: string | null | undefined, timeZone: string, at: Date): boolean {
  return openingStateAt(value, timeZone, at).status === 'open';
}

/**
 * The same answer as isOpenAt(), without what a card shows (the next change, two weeks ahead, and
 * the comment): for deciding many schedules at once, as an "open now" search does. The state is
 * kept per value, zone and minute like openingStateAt's.
 */
export function openAt(value: string | null | undefined, timeZone: string, at: Date): boolean {
  const key = `${Math.floor(at.getTime() / 60_000)}|${timeZone}|${value ?? ''}`;
  const known = states.get(key) ?? openOnly.get(key);
  if (known) return known.status === 'open';
  const plain = plainWeek(value);
  if (plain) return plainOpenAt(plain, toWallClock(at, timeZone));
  const parsed = parseHours(value);
  const status: OpeningStatus = !parsed.ok ? 'unknown' : stateOf(parsed.hours.getStateString(toWallClock(at, timeZone), true));
  if (openOnly.size > 20_000) openOnly.clear();
  openOnly.set(key, { status });
  return status === 'open';
}

/** Whether the place is open at some moment between two instants (e.g. "on Saturday"). */
export function isOpenBetween(value: string | null | undefined, timeZone: string, from: Date, to: Date): boolean {
  const plain = plainWeek(value);
  if (plain) return plainOpenBetween(plain, toWallClock(from, timeZone), toWallClock(to, timeZone));
  const parsed = parseHours(value);
  if (!parsed.ok) return false;
  return parsed.hours.getOpenIntervals(toWallClock(from, timeZone), toWallClock(to, timeZone)).some((interval) => !interval[2]);
}

/** Open intervals between two instants, as real instants, with their comment. */
export function openIntervals(value: string | null | undefined, timeZone: string, from: Date, to: Date) {
  const plain = plainWeek(value);
  if (plain)
    return plainIntervals(plain, toWallClock(from, timeZone), toWallClock(to, timeZone)).map(([start, end]) => ({
      start: fromWallClock(start, timeZone),
      end: fromWallClock(end, timeZone),
      unknown: false,
      comment: null,
    }));
  return openIntervalsByLibrary(value, timeZone, from, to);
}

/** The library's open intervals, whatever the value (the reference lib/hours/plain.ts is checked against). */
export function openIntervalsByLibrary(value: string | null | undefined, timeZone: string, from: Date, to: Date) {
  const parsed = parseHours(value);
  if (!parsed.ok) return [];
  return parsed.hours.getOpenIntervals(toWallClock(from, timeZone), toWallClock(to, timeZone)).map(([start, end, unknown, comment]) => ({
    start: fromWallClock(start, timeZone),
    end: fromWallClock(end, timeZone),
    unknown,
    comment: comment ?? null,
  }));
}

export type { WeeklySlot } from './plain';

// Reference weeks without French public holidays, spread over the year so that seasonal rules
// ("Jul-Aug …") and alternate weeks ("week 1-53/2") still produce slots.
const REFERENCE_WEEKS: Array<[number, number, number]> = [
  [2026, 1, 12],
  [2026, 3, 9],
  [2026, 6, 1],
  [2026, 6, 8],
  [2026, 6, 15],
  [2026, 6, 22],
  [2026, 8, 24],
  [2026, 10, 12],
  [2026, 12, 7],
];

/**
 * The union of weekly opening slots (ISO weekday 1–7, minutes since midnight, local time) over
 * the reference weeks: a superset that lets SQL pre-filter "open at…" before the library decides.
 * Null when the hours are unknown or invalid.
 */
const slotCache = new Map<string, WeeklySlot[] | null>();

export function weeklySlots(value: string | null | undefined): WeeklySlot[] | null {
  const key = value?.trim() ?? '';
  const cached = slotCache.get(key);
  if (cached !== undefined) return cached;
  const slots = computeWeeklySlots(value);
  if (slotCache.size > 20_000) slotCache.clear();
  slotCache.set(key, slots);
  return slots;
}

function computeWeeklySlots(value: string | null | undefined): WeeklySlot[] | null {
  // Plain values: the same slots without the library (tests/integration/simple-hours.test.ts).
  return (value ? simpleWeeklySlots(value.trim()) : null) ?? weeklySlotsByLibrary(value);
}

/** The library's weekly slots, whatever the value (the reference of simpleWeeklySlots). */
export function weeklySlotsByLibrary(value: string | null | undefined): WeeklySlot[] | null {
  const parsed = parseHours(value);
  if (!parsed.ok) return null;
  const byDay = new Map<number, Array<[number, number]>>();
  for (const [year, month, day] of REFERENCE_WEEKS) {
    const from = new Date(year, month - 1, day);
    const to = new Date(year, month - 1, day + 7);
    for (const [start, end] of parsed.hours.getOpenIntervals(from, to)) {
      // Split intervals that cross midnight into one slot per day.
      let cursor = new Date(start);
      while (cursor < end) {
        const midnight = new Date(cursor.getFullYear(), cursor.getMonth(), cursor.getDate() + 1);
        const stop = end < midnight ? end : midnight;
        const weekday = cursor.getDay() === 0 ? 7 : cursor.getDay();
        const startMinute = cursor.getHours() * 60 + cursor.getMinutes();
        const endMinute = stop.getTime() === midnight.getTime() ? 1440 : stop.getHours() * 60 + stop.getMinutes();
        if (endMinute > startMinute) byDay.set(weekday, [...(byDay.get(weekday) ?? []), [startMinute, endMinute]]);
        cursor = stop;
      }
    }
  }
  const slots: WeeklySlot[] = [];
  for (const [weekday, ranges] of [...byDay].sort((a, b) => a[0] - b[0])) {
    ranges.sort((a, b) => a[0] - b[0]);
    let [start, end] = ranges[0];
    for (const [s, e] of ranges.slice(1)) {
      if (s <= end) end = Math.max(end, e);
      else {
        slots.push({ weekday, startMinute: start, endMinute: end });
        [start, end] = [s, e];
      }
    }
    slots.push({ weekday, startMinute: start, endMinute: end });
  }
  return slots;
}

/** Whether the hours close the place on public holidays (`PH off`). */
export function closedOnHolidays(value: string | null | undefined): boolean {
  return /\bPH\s+(off|closed)\b/i.test(value ?? '');
}
