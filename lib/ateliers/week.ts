import 'server-only';
// The back-office week of ateliers: every session of the week among the places the user may
// manage, optionally narrowed to one place or one network, grouped by day. The week is read in
// mainland France's zone (the back-office's), each session's time in its atelier's own zone.
import type { PrismaClient } from '@prisma/client';
import { isAdmin, placeScopeWhere, type SessionUser } from '@/lib/auth/permissions';
import { db as sharedDb } from '@/lib/db';
import { instantAt, wallTimeIn } from '@/lib/hours';
import { SESSION_SEATS } from './admin';
import { isUuid } from './store';

type Db = PrismaClient;

const ZONE = 'Europe/Paris';
const DAY_MS = 86_400_000;
/** A week holds at most this many sessions on screen; a network's busy week says when it is cut. */
export const WEEK_LIMIT = 400;

export type WeekFilter = { placeId: string | null; networkId: string | null };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Monday (as a UTC date at midnight) of the week holding `day` (YYYY-MM-DD) or, without it or when unreadable, holding `now` in Paris. */
export function mondayOf(day: string | null | undefined, now: Date): Date {
  let date: Date;
  if (day && ISO_DATE.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`))) date = new Date(`${day}T00:00:00Z`);
  else {
    const w = wallTimeIn(ZONE, now);
    date = new Date(Date.UTC(w.year, w.month - 1, w.day));
  }
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return new Date(date.getTime() - weekday * DAY_MS);
}

export const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const startOfDay = (d: Date) => instantAt(ZONE, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());

/** The filter read from the query string; anything that is not an identifier is ignored. */
export function readWeekFilter(params: { lieu?: string; reseau?: string }): WeekFilter {
  return { placeId: params.lieu && isUuid(params.lieu) ? params.lieu : null, networkId: params.reseau && isUuid(params.reseau) ? params.reseau : null };
}

/** The week's sessions the user may manage, by day (seven days, Monday first), and the choices of the filter form. */
export async function ateliersWeek(user: SessionUser, filter: WeekFilter, day: string | null | undefined, now = new Date(), db: Db = sharedDb) {
  const monday = mondayOf(day, now);
  const from = startOfDay(monday);
  const to = startOfDay(new Date(monday.getTime() + 7 * DAY_MS));
  const placeWhere = {
    AND: [placeScopeWhere(user), filter.placeId ? { id: filter.placeId } : {}, filter.networkId ? { networks: { some: { networkId: filter.networkId } } } : {}],
  };
  const [sessions, places, networks] = await Promise.all([
    db.atelierSession.findMany({
      where: { startsAt: { gte: from, lt: to }, atelier: { place: placeWhere } },
      orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
      take: WEEK_LIMIT + 1,
      select: {
        ...SESSION_SEATS,
        atelier: {
          select: { id: true, slug: true, title: true, timeZone: true, registrationMode: true, cancelledAt: true, place: { select: { id: true, name: true } } },
        },
      },
    }),
    db.place.findMany({
      where: { AND: [placeScopeWhere(user), { ateliers: { some: {} } }] },
      orderBy: { name: 'asc' },
      take: 300,
      select: { id: true, name: true },
    }),
    db.network.findMany({ where: isAdmin(user) ? {} : { id: { in: user.networkIds } }, orderBy: { name: 'asc' }, select: { id: true, name: true } }),
  ]);
  const shown = sessions.slice(0, WEEK_LIMIT);
  const days = Array.from({ length: 7 }, (_, i) => {
    const date = new Date(monday.getTime() + i * DAY_MS);
    const start = startOfDay(date).getTime();
    const end = startOfDay(new Date(date.getTime() + DAY_MS)).getTime();
    return { date: isoDate(date), sessions: shown.filter((s) => s.startsAt.getTime() >= start && s.startsAt.getTime() < end) };
  });
  return {
    monday: isoDate(monday),
    previous: isoDate(new Date(monday.getTime() - 7 * DAY_MS)),
    next: isoDate(new Date(monday.getTime() + 7 * DAY_MS)),
    days,
    truncated: sessions.length > WEEK_LIMIT,
    places,
    networks,
  };
}
