// Opening hours for people: a week table in plain French with today highlighted, the current
// state ("Ouvert — ferme à 17 h"), public holidays and the special days ahead. A value the
// library rejects is shown as "Horaires non communiqués" with the raw text, never a crash. In the
// visitor's language (lib/i18n): French keeps its own forms ("17 h 30", "1er"), the others Intl's.
import { translator, type Locale } from '@/lib/i18n';
import { instantAt, openIntervals, openingStateAt, parseHours, wallTimeIn, type OpeningState } from './index';
import { plainWeek } from './plain';

type OpeningHoursLike = { getPublicHolidayContext?: (date: Date) => { isHoliday?: boolean } | undefined };

export type DayRow = {
  /** "lundi" */
  day: string;
  /** "9 h – 12 h, 14 h – 17 h 30", "Fermé", "Fermé (jour férié)" */
  text: string;
  isToday: boolean;
  holiday: boolean;
  /** ISO date of that day, in the place's zone */
  date: string;
};

/** A public holiday in the weeks ahead and what it means for the place. */
export type SpecialDay = { date: string; label: string; text: string };

export type HoursPresentation =
  | {
      known: true;
      state: OpeningState;
      /** "Ouvert — ferme à 17 h", "Fermé — ouvre demain à 9 h" */
      label: string;
      tone: 'open' | 'closed' | 'unknown';
      week: DayRow[];
      comment: string | null;
      closedOnHolidays: boolean;
      specialDays: SpecialDay[];
    }
  | { known: false; label: string; raw: string | null };

/** OSM opening_hours syntax as a reader would see it ("Tu-Fr 14:00-18:00", "PH off", "09:00-12:00"): never shown to a place or a resident. */
export const OSM_SYNTAX = /\b(?:Mo|Tu|We|Th|Fr|Sa|Su|PH|SH)(?:\s*[-,]\s*(?:Mo|Tu|We|Th|Fr|Sa|Su))*\s+(?:\d{1,2}:\d\d|off\b|closed\b)|\d\d:\d\d-\d\d:\d\d/;

/** A value the library rejects, shown as the place wrote it only when it is prose ("le mardi de 14h à 18h"), never broken OSM syntax. */
export const shownRaw = (raw: string | null | undefined) => (raw?.trim() && !OSM_SYNTAX.test(raw) ? raw.trim() : null);

const WEEKDAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const SPECIAL_DAYS_AHEAD = 45;
// Public holidays as the library knows them (mainland French rules, as parseHours reads every value).
const HOLIDAY_CALENDAR = parseHours('Mo 09:00-12:00');

const intlFormats = new Map<string, Intl.DateTimeFormat>();
/** Intl's format of a wall-clock value (read in UTC), one per language and kind, kept. */
function intlFormat(locale: Locale, kind: 'time' | 'weekday' | 'date'): Intl.DateTimeFormat {
  const key = `${locale} ${kind}`;
  let format = intlFormats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'time'
        ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
        : kind === 'weekday'
          ? { weekday: 'long' }
          : { weekday: 'long', day: 'numeric', month: 'long' };
    format = new Intl.DateTimeFormat(translator(locale).intl, { ...options, timeZone: 'UTC' });
    intlFormats.set(key, format);
  }
  return format;
}

function clock(hour: number, minute: number, locale: Locale) {
  if (locale !== 'fr') return intlFormat(locale, 'time').format(Date.UTC(2000, 0, 1, hour, minute));
  return minute === 0 ? `${hour} h` : `${hour} h ${String(minute).padStart(2, '0')}`;
}

function hourText(date: Date, timeZone: string, locale: Locale = 'fr') {
  const w = wallTimeIn(timeZone, date);
  return clock(w.hour, w.minute, locale);
}

/** The weekdays' codes in the messages' selects (hours.atWeekday), Monday first. */
const WEEKDAY_CODES = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'] as const;

function weekdayName(index: number, locale: Locale) {
  // 2024-01-01 was a Monday.
  return locale === 'fr' ? WEEKDAYS[index] : intlFormat(locale, 'weekday').format(Date.UTC(2024, 0, 1 + index));
}

/** Day number since the epoch of a wall-clock date: differences count calendar days, DST aside. */
function dayNumber(y: number, m: number, d: number) {
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

function weekdayIndex(y: number, m: number, d: number) {
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

/** The current state in words: "Ouvert — ferme à 17 h", "Fermé — ouvre demain à 9 h". */
export function describeState(state: OpeningState, now: Date, timeZone: string, locale: Locale = 'fr'): { label: string; tone: 'open' | 'closed' | 'unknown' } {
  const t = translator(locale);
  if (state.status === 'unknown') return { label: t('hours.unknown'), tone: 'unknown' };
  const when = state.nextChange ? whenText(state.nextChange, now, timeZone, locale) : null;
  if (state.status === 'open') return { label: when ? t('hours.openUntil', { when }) : t('hours.open'), tone: 'open' };
  return { label: when ? t('hours.closedUntil', { when }) : t('hours.closed'), tone: 'closed' };
}

/** "demain à 9 h", "mardi à 14 h", "lundi 14 décembre à 9 h" (more than a week away), "à 9 h" (today): when an instant comes, in words. */
export function whenText(at: Date, now: Date, timeZone: string, locale: Locale = 'fr'): string {
  const t = translator(locale);
  const a = wallTimeIn(timeZone, at);
  const n = wallTimeIn(timeZone, now);
  const gap = dayNumber(a.year, a.month, a.day) - dayNumber(n.year, n.month, n.day);
  const time = clock(a.hour, a.minute, locale);
  if (gap <= 0) return t('hours.atToday', { time });
  if (gap === 1) return t('hours.atTomorrow', { time });
  // A weekday through a select, so that each language gives it its grammar ("у вівторок": Ukrainian's accusative after "у").
  if (gap < 7) return t('hours.atWeekday', { day: WEEKDAY_CODES[weekdayIndex(a.year, a.month, a.day)], time });
  return t('hours.atDay', { day: localDate(isoDate(a.year, a.month, a.day), locale), time });
}

/** "lundi 25 décembre" */
export function frenchDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${WEEKDAYS[weekdayIndex(y, m, d)]} ${d === 1 ? '1er' : d} ${MONTHS[m - 1]}`;
}

/** "lundi 25 décembre" in the visitor's language ("Monday 25 December"). */
export function localDate(iso: string, locale: Locale = 'fr'): string {
  if (locale === 'fr') return frenchDate(iso);
  const [y, m, d] = iso.split('-').map(Number);
  return intlFormat(locale, 'date').format(Date.UTC(y, m - 1, d));
}

function isoDate(y: number, m: number, d: number) {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function dayText(value: string, timeZone: string, y: number, m: number, d: number, holiday: boolean, locale: Locale) {
  const t = translator(locale);
  const from = instantAt(timeZone, y, m, d);
  const to = instantAt(timeZone, y, m, d + 1);
  const intervals = openIntervals(value, timeZone, from, to);
  // A comment that holds the whole day ("sur rendez-vous" without hours) is said alone, not as "0 h – 24 h".
  const wholeDay = (i: (typeof intervals)[number]) => i.unknown && !!i.comment && i.start.getTime() <= from.getTime() && i.end.getTime() >= to.getTime();
  if (intervals.length === 1 && wholeDay(intervals[0])) return intervals[0].comment!.charAt(0).toUpperCase() + intervals[0].comment!.slice(1);
  const ranges = intervals.map((interval) => {
    const end = interval.end.getTime() === to.getTime() ? (locale === 'fr' ? '24 h' : '24:00') : hourText(interval.end, timeZone, locale);
    const text = `${hourText(interval.start, timeZone, locale)} – ${end}`;
    return interval.unknown && !interval.comment ? t('hours.toConfirm', { range: text }) : text;
  });
  const comments = [...new Set(intervals.map((i) => i.comment).filter(Boolean))];
  if (ranges.length) return `${ranges.join(', ')}${comments.length ? ` — ${comments.join(' ; ')}` : ''}`;
  return holiday ? t('hours.closedHoliday') : t('hours.closed');
}

// The week table and the holidays ahead depend on the value, the zone and today's date only:
// many places share a schedule and a page is asked many times a day, so they are kept. Below
// that, the days of one week are the same whichever day of it is today, and a holiday's text the
// same whichever day it is seen from: a new day (or a page seen "now" at another date) reuses them.
const weekCache = new Map<string, { week: DayRow[]; specialDays: SpecialDay[] }>();
// About 1,900 distinct weekly schedules for 100,000 places, over the few weeks a page can show
// (about 1 kB a week of one schedule).
const WEEKS_KEPT = 10_000;
const weekDaysCache = new Map<string, DayRow[]>();
const holidayTextCache = new Map<string, string>();
// Public holidays depend on the date only (mainland French rules for every value parsed here).
const holidayCache = new Map<string, boolean>();

function remember<V>(cache: Map<string, V>, key: string, value: V, max: number): V {
  if (cache.size > max) cache.clear();
  cache.set(key, value);
  return value;
}

function weekAndHolidays(raw: string, hours: OpeningHoursLike, timeZone: string, today: { year: number; month: number; day: number }, locale: Locale) {
  const key = `${locale}|${timeZone}|${today.year}-${today.month}-${today.day}|${raw}`;
  const cached = weekCache.get(key);
  if (cached) return cached;
  const isHoliday = (y: number, m: number, d: number) => {
    const day = `${y}-${m}-${d}`;
    let holiday = holidayCache.get(day);
    if (holiday === undefined) {
      try {
        holiday = hours.getPublicHolidayContext?.(new Date(y, m - 1, d, 12))?.isHoliday ?? false;
      } catch {
        holiday = false;
      }
      remember(holidayCache, day, holiday, 2_000);
    }
    return holiday;
  };
  const mondayOffset = weekdayIndex(today.year, today.month, today.day);
  const monday = new Date(Date.UTC(today.year, today.month - 1, today.day - mondayOffset));
  const weekKey = `${locale}|${timeZone}|${monday.toISOString().slice(0, 10)}|${raw}`;
  let days = weekDaysCache.get(weekKey);
  if (!days) {
    days = [];
    for (let i = 0; i < 7; i++) {
      const date = new Date(Date.UTC(monday.getUTCFullYear(), monday.getUTCMonth(), monday.getUTCDate() + i));
      const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
      const holiday = isHoliday(y, m, d);
      days.push({ day: weekdayName(i, locale), text: dayText(raw, timeZone, y, m, d, holiday, locale), isToday: false, holiday, date: isoDate(y, m, d) });
    }
    remember(weekDaysCache, weekKey, days, WEEKS_KEPT);
  }
  const week = days.map((row, i) => (i === mondayOffset ? { ...row, isToday: true } : row));
  // Holidays after this week and within the weeks ahead: "jeudi 25 décembre : Fermé (jour férié)".
  const specialDays: SpecialDay[] = [];
  for (let i = 7 - mondayOffset; i <= SPECIAL_DAYS_AHEAD && specialDays.length < 3; i++) {
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day + i));
    const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    if (!isHoliday(y, m, d)) continue;
    const iso = isoDate(y, m, d);
    const textKey = `${locale}|${timeZone}|${iso}|${raw}`;
    const text = holidayTextCache.get(textKey) ?? remember(holidayTextCache, textKey, dayText(raw, timeZone, y, m, d, true, locale), WEEKS_KEPT);
    specialDays.push({ date: iso, label: translator(locale)('hours.holiday', { date: localDate(iso, locale) }), text });
  }
  return remember(weekCache, key, { week, specialDays }, 5_000);
}

/** The week (Monday first) around `now` in the place's zone, the state, and the holidays ahead. */
export function presentHours(value: string | null | undefined, timeZone: string, now: Date, locale: Locale = 'fr'): HoursPresentation {
  const raw = value?.trim() || null;
  // A plain week is read without the library (lib/hours/plain.ts); the holidays, which depend on
  // the date only, come from the library's French calendar through any parsed value.
  const parsed = plainWeek(raw) ? HOLIDAY_CALENDAR : parseHours(value);
  if (!parsed.ok || !raw) return { known: false, label: translator(locale)('hours.unknown'), raw: shownRaw(raw) };
  const today = wallTimeIn(timeZone, now);
  const { week, specialDays } = weekAndHolidays(raw, parsed.hours, timeZone, today, locale);
  const state = openingStateAt(raw, timeZone, now);
  const described = describeState(state, now, timeZone, locale);
  return {
    known: true,
    state,
    label: described.label,
    tone: described.tone,
    week,
    comment: state.comment,
    closedOnHolidays: /\bPH\s+off\b/i.test(raw),
    specialDays,
  };
}
