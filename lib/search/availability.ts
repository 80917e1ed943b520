// Availability ("open now", "on Saturday", "Tuesday morning", "open at…"): pre-filtered in SQL on
// each place's weekly opening minutes (`openWeek`, a superset), then decided by the opening_hours
// library — holidays, exceptions, seasons — in each place's own time zone.
import 'server-only';
import { Prisma } from '@prisma/client';
import { instantAt, isOpenBetween, openAt, wallTimeIn } from '@/lib/hours';
import { DAYS, HALF_DAYS, type SearchFilters } from './filters';

/** Whether the search asks for an availability (then the library decides, row by row). */
export function needsAvailabilityCheck(filters: SearchFilters) {
  return filters.ouvert !== null || filters.creneau.length > 0;
}

/**
 * A superset of the places available as asked, from the weekly slots in local time of each place:
 * `openWeek` holds them as minutes of the week (ISO weekday 1–7 → (weekday − 1) × 1440 + minute).
 */
export function availabilityPrefilter(filters: SearchFilters, now: Date): Prisma.Sql | null {
  const during = (weekday: Prisma.Sql | number, start: Prisma.Sql | number, end: Prisma.Sql | number) =>
    Prisma.sql`p."openWeek" && int4multirange(int4range((${weekday} - 1) * 1440 + ${start}, (${weekday} - 1) * 1440 + ${end}))`;
  const minuteOfWeek = (local: Prisma.Sql) =>
    Prisma.sql`((extract(isodow from ${local}) - 1) * 1440 + extract(hour from ${local}) * 60 + extract(minute from ${local}))::int`;
  const parts: Prisma.Sql[] = [];
  if (filters.ouvert?.kind === 'now') {
    parts.push(Prisma.sql`p."openWeek" @> ${minuteOfWeek(Prisma.sql`(${now}::timestamptz AT TIME ZONE p."timeZone")`)}`);
  } else if (filters.ouvert?.kind === 'saturday') {
    parts.push(during(6, 0, 1440));
  } else if (filters.ouvert?.kind === 'at') {
    parts.push(Prisma.sql`p."openWeek" @> ${minuteOfWeek(Prisma.sql`${filters.ouvert.local}::timestamp`)}`);
  }
  if (filters.creneau.length) {
    const any = filters.creneau.map(({ day, halfDay }) => {
      const [start, end] = HALF_DAYS[halfDay];
      return during(DAYS.indexOf(day) + 1, start, end);
    });
    parts.push(Prisma.sql`(${Prisma.join(any, ' OR ')})`);
  }
  return parts.length ? Prisma.join(parts, ' AND ') : null;
}

// A plain weekly schedule: only weekdays and times ("Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00"),
// no public holidays, school holidays, months, weeks, comments or "off". The library opens it the
// same way every week whatever the date, so its state at an instant is whether the minute of the
// week (in the place's zone) is in its weekly slots — exactly what the SQL pre-filter tests on
// `openWeek`. Every synthetic and most real France Services schedules are plain; anything else
// is decided by the library.
const DAY = '(Mo|Tu|We|Th|Fr|Sa|Su)';
const TIME = '([01][0-9]|2[0-4]):[0-5][0-9]';
const RULE = `${DAY}(-${DAY})?(,${DAY}(-${DAY})?)* ${TIME}-${TIME}(,${TIME}-${TIME})*`;
export const PLAIN_WEEK = `^${RULE}(; ${RULE})*$`;

/**
 * Whether SQL's pre-filter is the answer for plain schedules: for "open now" alone. (At a chosen
 * local time, a time that a change of clock skips is moved by the library; a Saturday or a
 * half-day asks about a span, whose edges the library treats its own way.)
 */
function sqlDecidesPlain(filters: SearchFilters) {
  return filters.ouvert?.kind === 'now' && filters.creneau.length === 0;
}

/**
 * The columns the library needs, for availability searches, read from the place `alias` (the
 * search joins "Place" again for them: they are not in the radius scan's covering index, and
 * reading them there made it visit every place of the box on the heap, not only those the
 * weekly pre-filter keeps).
 */
export function hoursColumns(filters: SearchFilters, alias = 'p'): Prisma.Sql {
  const p = Prisma.raw(alias);
  const plain = sqlDecidesPlain(filters) ? Prisma.sql`coalesce(${p}."openingHours" ~ ${PLAIN_WEEK}, false)` : Prisma.sql`false`;
  return Prisma.sql`${p}."openingHours" AS "openingHours", ${p}."timeZone" AS "timeZone", ${plain} AS plain,
  (SELECT array_agg(ps."openingHours") FROM "PlaceStop" ps WHERE ps."placeId" = ${p}.id AND ps."openingHours" IS NOT NULL) AS "stopHours"`;
}

/** `plain`: the place's hours are a plain week and SQL's pre-filter decided (and it has no stop with hours). */
export type HoursRow = { openingHours: string | null; timeZone: string; stopHours: string[] | null; plain?: boolean };

/**
 * The rows available as asked, in their order: SQL's answer for plain weeks (sqlDecidesPlain), else
 * the library, once per distinct schedule and zone.
 */
export function keepAvailable<Row extends HoursRow>(rows: Row[], filters: SearchFilters, now: Date): Row[] {
  const decided = new Map<string, boolean>();
  return rows.filter((row) => {
    if (row.plain && row.stopHours === null) return true;
    const key = `${row.timeZone}|${row.openingHours ?? ''}|${(row.stopHours ?? []).join('|')}`;
    let open = decided.get(key);
    if (open === undefined) decided.set(key, (open = availableAsAsked(row, filters, now)));
    return open;
  });
}

/** The next date (in the place's zone) of an ISO weekday, today included. */
function nextWeekday(timeZone: string, now: Date, isoWeekday: number) {
  const today = wallTimeIn(timeZone, now);
  const todayIso = ((new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay() + 6) % 7) + 1;
  const offset = (isoWeekday - todayIso + 7) % 7;
  const date = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** The opening_hours library decides, for one place (or any of its stops). */
export function availableAsAsked(row: HoursRow, filters: SearchFilters, now: Date): boolean {
  const schedules = [row.openingHours, ...(row.stopHours ?? [])].filter((h): h is string => !!h);
  const tz = row.timeZone;
  const test = (check: (hours: string) => boolean) => schedules.some(check);
  if (filters.ouvert?.kind === 'now' && !test((h) => openAt(h, tz, now))) return false;
  if (filters.ouvert?.kind === 'at') {
    const [date, time] = filters.ouvert.local.split('T');
    const [y, m, d] = date.split('-').map(Number);
    const [hh, mm] = time.split(':').map(Number);
    const at = instantAt(tz, y, m, d, hh, mm);
    if (!test((h) => openAt(h, tz, at))) return false;
  }
  if (filters.ouvert?.kind === 'saturday') {
    const { year, month, day } = nextWeekday(tz, now, 6);
    const from = instantAt(tz, year, month, day);
    const to = instantAt(tz, year, month, day + 1);
    if (!test((h) => isOpenBetween(h, tz, from, to))) return false;
  }
  if (filters.creneau.length) {
    const ok = filters.creneau.some(({ day, halfDay }) => {
      const { year, month, day: dayOfMonth } = nextWeekday(tz, now, DAYS.indexOf(day) + 1);
      const [start, end] = HALF_DAYS[halfDay];
      const from = instantAt(tz, year, month, dayOfMonth, Math.floor(start / 60), start % 60);
      const to = instantAt(tz, year, month, dayOfMonth, Math.floor(end / 60), end % 60);
      return test((h) => isOpenBetween(h, tz, from, to));
    });
    if (!ok) return false;
  }
  return true;
}
