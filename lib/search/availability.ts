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

/** The columns the library needs, for availability searches (place alias `p`). */
export const HOURS_COLUMNS = Prisma.sql`p."openingHours" AS "openingHours", p."timeZone" AS "timeZone",
  (SELECT array_agg(ps."openingHours") FROM "PlaceStop" ps WHERE ps."placeId" = p.id AND ps."openingHours" IS NOT NULL) AS "stopHours"`;

export type HoursRow = { openingHours: string | null; timeZone: string; stopHours: string[] | null };

/** The rows available as asked, in their order: the library decides once per distinct schedule and zone. */
export function keepAvailable<Row extends HoursRow>(rows: Row[], filters: SearchFilters, now: Date): Row[] {
  const decided = new Map<string, boolean>();
  return rows.filter((row) => {
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
