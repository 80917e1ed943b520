import 'server-only';
// The coming sessions that match the /ateliers filters, in one SQL query over AtelierSession
// (its startsAt index) joined to the series and the place. With a place typed, on-site sessions
// within the radius of its point (the stop's point for an itinerant place); "en ligne" asks for
// online ones only, wherever. Only published places' ateliers are shown.
import { Prisma, type PrismaClient, type Service } from '@prisma/client';
import { db as primaryDb, readDb } from '@/lib/db';
import { rawReadDb } from '@/lib/db/rows';
import { findPlace, type GeoPoint } from '@/lib/geo';
import { timeZoneForCode } from '@/lib/hours/zone';
import { SERVICE_LABELS } from '@/lib/standard/enums';
import { window, type AtelierFilters } from './filters';

type Db = Pick<PrismaClient, '$queryRaw' | 'geocodeCache'>;

export type SessionRow = {
  session_id: string;
  starts_at: Date;
  ends_at: Date;
  cancelled: boolean;
  seats_left: number | null;
  slug: string;
  title: string;
  summary: string;
  fee: string;
  online: boolean;
  registration_mode: string;
  time_zone: string;
  themes: string[];
  place_name: string;
  place_slug: string;
  commune: string;
  stop_label: string | null;
  distance: number | null;
  demo: boolean;
};

/** What the .ics feed writes of a session (ics.ts). */
export type FeedSession = Pick<
  SessionRow,
  'session_id' | 'starts_at' | 'ends_at' | 'cancelled' | 'slug' | 'title' | 'summary' | 'online' | 'time_zone' | 'place_name' | 'commune' | 'stop_label'
>;

export type SessionSearch<T = SessionRow> = { origin: GeoPoint | null; sessions: T[]; problems: string[]; limit: number };

export const SESSION_COLUMNS = Prisma.sql`s."id" AS session_id, s."startsAt" AS starts_at, s."endsAt" AS ends_at,
  (s."cancelledAt" IS NOT NULL OR a."cancelledAt" IS NOT NULL) AS cancelled,
  CASE WHEN a."registrationMode" = 'REPERES' AND s."capacity" IS NOT NULL THEN s."capacity" - s."seatsTaken" END AS seats_left,
  a."slug", a."title", a."summary", a."fee"::text AS fee, a."online", a."registrationMode"::text AS registration_mode,
  a."timeZone" AS time_zone, a."themes"::text[] AS themes, p."name" AS place_name, p."slug" AS place_slug,
  COALESCE(st."commune", p."commune") AS commune, st."label" AS stop_label, p."demo"`;

/** FeedSession's columns only: a network's feed reads 3,000 rows, and parsing the rest (the themes' arrays above all) cost more than writing them. */
export const FEED_COLUMNS = Prisma.sql`s."id" AS session_id, s."startsAt" AS starts_at, s."endsAt" AS ends_at,
  (s."cancelledAt" IS NOT NULL OR a."cancelledAt" IS NOT NULL) AS cancelled, a."slug", a."title", a."summary", a."online",
  a."timeZone" AS time_zone, p."name" AS place_name, COALESCE(st."commune", p."commune") AS commune, st."label" AS stop_label`;

export const SESSION_FROM = Prisma.sql`"AtelierSession" s JOIN "Atelier" a ON a."id" = s."atelierId" JOIN "Place" p ON p."id" = a."placeId"
  LEFT JOIN "PlaceStop" st ON st."id" = a."stopId"`;

export const PUBLIC_PLACE = Prisma.sql`p."status" = 'published' AND p."archivedAt" IS NULL`;

export function themeCondition(themes: Service[]): Prisma.Sql {
  return Prisma.sql`a."themes" && ARRAY[${Prisma.join(themes.map((t) => SERVICE_LABELS[t]))}]::"Service"[]`;
}

function conditions(f: AtelierFilters, from: Date, to: Date | null, origin: GeoPoint | null, radiusM: number): Prisma.Sql[] {
  const where = [PUBLIC_PLACE, Prisma.sql`s."endsAt" > ${from}`, Prisma.sql`s."startsAt" >= ${new Date(from.getTime() - 12 * 3600_000)}`];
  if (to) where.push(Prisma.sql`s."startsAt" < ${to}`);
  if (f.themes.length) where.push(themeCondition(f.themes));
  if (f.gratuit) where.push(Prisma.sql`a."fee" = 'Gratuit'`);
  if (f.enLigne) where.push(Prisma.sql`a."online"`);
  if (f.q) where.push(Prisma.sql`reperes_fold(a."title" || ' ' || a."summary") LIKE '%' || reperes_fold(${f.q}) || '%'`);
  if (f.lieu) where.push(Prisma.sql`p."slug" = ${f.lieu}`);
  if (f.reseau)
    where.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "NetworkMembership" m JOIN "Network" n ON n."id" = m."networkId" WHERE m."placeId" = p."id" AND n."slug" = ${f.reseau})`,
    );
  if (origin && !f.enLigne) {
    // The places (or stops) within the radius come first, from their GiST index; the exact
    // distance is checked after. Without this, every coming session was measured (3.7 s p95 on
    // 200,000 sessions).
    const box = Prisma.sql`earth_box(reperes_earth(${origin.latitude}::float8, ${origin.longitude}::float8), ${radiusM}::float8)`;
    where.push(Prisma.sql`a."placeId" IN (
      SELECT pl."id" FROM "Place" pl WHERE pl."latitude" IS NOT NULL AND pl."longitude" IS NOT NULL AND ${box} @> reperes_earth(pl."latitude", pl."longitude")
      UNION SELECT ps."placeId" FROM "PlaceStop" ps WHERE ${box} @> reperes_earth(ps."latitude", ps."longitude"))`);
    where.push(Prisma.sql`NOT a."online" AND COALESCE(st."latitude", p."latitude") IS NOT NULL
      AND earth_distance(reperes_earth(COALESCE(st."latitude", p."latitude"), COALESCE(st."longitude", p."longitude")), reperes_earth(${origin.latitude}::float8, ${origin.longitude}::float8)) <= ${radiusM}::float8`);
  }
  return where;
}

type SearchOptions = { now?: Date; limit?: number; db?: Db; problems?: string[] };

/** The sessions matching `filters` from `now`, soonest first, at most `limit`. */
export function searchSessions(filters: AtelierFilters, options: SearchOptions = {}): Promise<SessionSearch> {
  return search<SessionRow>(SESSION_COLUMNS, filters, options);
}

/** The same sessions, with the feed's columns only. */
export function searchFeedSessions(filters: AtelierFilters, options: SearchOptions = {}): Promise<SessionSearch<FeedSession>> {
  return search<FeedSession>(FEED_COLUMNS, filters, options);
}

async function search<T>(columns: Prisma.Sql, filters: AtelierFilters, options: SearchOptions): Promise<SessionSearch<T>> {
  // The statement through node-postgres (lib/db/rows.ts), as the place search: Prisma's pipeline
  // cost more than the query for a feed's 3,000 rows. The geocoder's cache through Prisma, on the primary.
  const db: Pick<Db, '$queryRaw'> = options.db ?? rawReadDb;
  const now = options.now ?? new Date();
  const limit = options.limit ?? 50;
  const problems = [...(options.problems ?? [])];
  let origin: GeoPoint | null = null;
  if (filters.ou && !filters.enLigne) {
    // The geocoder writes to its cache: the primary, even when reads go to a replica.
    const answer = await findPlace(options.db ?? primaryDb, filters.ou, db);
    origin = answer.point;
    if (!origin) {
      problems.push(`Nous n’avons pas trouvé « ${filters.ou} ». Essayez un nom de commune ou un code postal.`);
      return { origin, sessions: [], problems, limit };
    }
  }
  const { from, to } = window(filters.quand, now, timeZoneForCode(origin?.inseeCode));
  const where = Prisma.join(conditions(filters, from, to, origin, filters.rayon * 1000), ' AND ');
  const distance = origin
    ? Prisma.sql`earth_distance(reperes_earth(COALESCE(st."latitude", p."latitude"), COALESCE(st."longitude", p."longitude")), reperes_earth(${origin.latitude}::float8, ${origin.longitude}::float8))`
    : Prisma.sql`NULL::float8`;
  const sessions = await db.$queryRaw<T[]>`SELECT ${columns}, ${distance} AS distance FROM ${SESSION_FROM}
    WHERE ${where} ORDER BY s."startsAt", a."title", s."id" LIMIT ${limit}`;
  return { origin, sessions, problems, limit };
}

/** A place's next sessions (for its page): at most `limit`, cancelled ones included and marked. */
export async function nextSessionsForPlace(
  placeId: string,
  now = new Date(),
  options: { limit?: number; db?: Pick<PrismaClient, '$queryRaw'> } = {},
): Promise<SessionRow[]> {
  const db = options.db ?? readDb;
  return db.$queryRaw<SessionRow[]>`SELECT ${SESSION_COLUMNS}, NULL::float8 AS distance FROM ${SESSION_FROM}
    WHERE a."placeId" = ${placeId}::uuid AND s."endsAt" > ${now} ORDER BY s."startsAt", s."id" LIMIT ${options.limit ?? 5}`;
}
