// The search's « Ateliers à venir »: the places with at least one session starting within the
// next 30 days (neither the session nor its series cancelled), as a WHERE condition on the
// search's place alias `p`, and, for the page's places only, their next such session (joined to
// the page's details, for the cards' « Prochain atelier »). The sessions' partial index
// "AtelierSession_upcoming_idx" (startsAt, atelierId; not cancelled) serves both directions.
import 'server-only';
import { Prisma } from '@prisma/client';

/** How far ahead « Ateliers à venir » looks. */
export const UPCOMING_ATELIER_DAYS = 30;

const horizon = (now: Date) => new Date(now.getTime() + UPCOMING_ATELIER_DAYS * 86_400_000);

/** The place `p` has a session starting in [now, now + 30 days), neither it nor its series cancelled. */
export function upcomingAtelierCondition(now: Date): Prisma.Sql {
  return Prisma.sql`p.id IN (SELECT a."placeId" FROM "AtelierSession" s JOIN "Atelier" a ON a.id = s."atelierId"
    WHERE s."startsAt" >= ${now} AND s."startsAt" < ${horizon(now)} AND s."cancelledAt" IS NULL AND a."cancelledAt" IS NULL)`;
}

export type NextAtelier = { slug: string; title: string; startsAt: Date; timeZone: string; online: boolean };

/**
 * The next session of the place `p` within the horizon (neither it nor its series cancelled), as the
 * relation `next_atelier` (slug, title, starts_at, time_zone, online; NULLs when there is none):
 * joined to the page's details, so that the cards' « Prochain atelier » costs no statement of its own.
 */
export function nextAtelierJoin(now: Date): Prisma.Sql {
  return Prisma.sql`LEFT JOIN LATERAL (SELECT a.slug, a.title, s."startsAt" AS starts_at, a."timeZone" AS time_zone, a.online
      FROM "Atelier" a JOIN "AtelierSession" s ON s."atelierId" = a.id
      WHERE a."placeId" = p.id AND a."cancelledAt" IS NULL AND s."cancelledAt" IS NULL AND s."startsAt" >= ${now} AND s."startsAt" < ${horizon(now)}
      ORDER BY s."startsAt", a.title LIMIT 1) next_atelier ON true`;
}
