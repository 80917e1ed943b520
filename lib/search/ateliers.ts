// The search's « Ateliers à venir »: the places with at least one session starting within the
// next 30 days (neither the session nor its series cancelled), as a WHERE condition on the
// search's place alias `p`, and, for the page's places only, their next such session (one query
// by the page's ids, for the cards' « Prochain atelier »). The sessions' partial index
// "AtelierSession_upcoming_idx" (startsAt, atelierId; not cancelled) serves both directions.
import 'server-only';
import { Prisma, type PrismaClient } from '@prisma/client';

/** How far ahead « Ateliers à venir » looks. */
export const UPCOMING_ATELIER_DAYS = 30;

const horizon = (now: Date) => new Date(now.getTime() + UPCOMING_ATELIER_DAYS * 86_400_000);

/** The place `p` has a session starting in [now, now + 30 days), neither it nor its series cancelled. */
export function upcomingAtelierCondition(now: Date): Prisma.Sql {
  return Prisma.sql`p.id IN (SELECT a."placeId" FROM "AtelierSession" s JOIN "Atelier" a ON a.id = s."atelierId"
    WHERE s."startsAt" >= ${now} AND s."startsAt" < ${horizon(now)} AND s."cancelledAt" IS NULL AND a."cancelledAt" IS NULL)`;
}

export type NextAtelier = { slug: string; title: string; startsAt: Date; timeZone: string; online: boolean };

type Row = { place_id: string; slug: string; title: string; starts_at: Date; time_zone: string; online: boolean };

/** The next session of each of `placeIds` within the horizon (published places only), by place id. */
export async function nextAteliersFor(db: Pick<PrismaClient, '$queryRaw'>, placeIds: string[], now: Date): Promise<Map<string, NextAtelier>> {
  if (placeIds.length === 0) return new Map();
  const rows = await db.$queryRaw<Row[]>`SELECT DISTINCT ON (a."placeId") a."placeId" AS place_id, a.slug, a.title, s."startsAt" AS starts_at,
      a."timeZone" AS time_zone, a.online
    FROM "Atelier" a JOIN "AtelierSession" s ON s."atelierId" = a.id JOIN "Place" p ON p.id = a."placeId"
    WHERE a."placeId" = ANY(${placeIds}::uuid[]) AND a."cancelledAt" IS NULL AND s."cancelledAt" IS NULL
      AND s."startsAt" >= ${now} AND s."startsAt" < ${horizon(now)} AND p.status = 'published' AND p."archivedAt" IS NULL
    ORDER BY a."placeId", s."startsAt", a.title`;
  return new Map(rows.map((r) => [r.place_id, { slug: r.slug, title: r.title, startsAt: r.starts_at, timeZone: r.time_zone, online: r.online }]));
}
