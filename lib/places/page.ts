// The data of a public place page: which page a slug leads to (the place, a 301 to its new slug,
// a "closed for good" page for a year, 410 after, 404), and the nearby places with the same services.
//
// The page is read with one SQL statement (lib/places/page-read.ts): the place, its stops, its
// networks and its nearby places, where the Prisma queries it replaced made four or five round
// trips and cost about as much CPU in the query compiler as the page's render.
import 'server-only';
import { Prisma } from '@prisma/client';
import { nextSessionsForPlace, type SessionRow } from '@/lib/ateliers/search';
import { readDb } from '@/lib/db';
import { rawReadDb } from '@/lib/db/rows';
import { SERVICE_LABELS } from '@/lib/standard/enums';
import { NEARBY_LIMIT, NEARBY_RADIUS_M, NEARBY_SCAN, readPlaceRow, type NearbyPlace, type PublicPlace } from './page-read';

export type { NearbyPlace, PublicPlace, PublicStop } from './page-read';

/** How long the page of a place closed for good stays up (with alternatives) before answering 410. */
export const CLOSED_PAGE_DAYS = 365;
const CLOSED_PAGE_MS = CLOSED_PAGE_DAYS * 24 * 3600 * 1000;

export type PlacePage =
  | { kind: 'published'; place: PublicPlace; nearby: NearbyPlace[]; sessions: SessionRow[] }
  | { kind: 'redirect'; slug: string }
  /** Closed for good less than a year ago: the page says so and offers alternatives. */
  | { kind: 'closed'; place: PublicPlace; nearby: NearbyPlace[] }
  /** Closed for good more than a year ago: 410. */
  | { kind: 'gone'; name: string; commune: string }
  /** Draft, archived without a closure, or unknown: 404 (with the commune, when known, for a search). */
  | { kind: 'not-found'; commune: string | null };

type PlaceState = { status: string; closedForGoodAt: Date | null };

function pageKind(place: PlaceState, now: Date): 'published' | 'closed' | 'gone' | 'not-found' {
  if (place.status === 'PUBLISHED') return 'published';
  if (place.status === 'ARCHIVED' && place.closedForGoodAt) {
    return now.getTime() - place.closedForGoodAt.getTime() < CLOSED_PAGE_MS ? 'closed' : 'gone';
  }
  return 'not-found';
}

const validSlug = (slug: string) => !!slug && slug.length <= 200;

/** What the public sees at /lieux/<slug>, with the nearby places when the page shows them. */
export async function resolvePlacePage(slug: string, now: Date): Promise<PlacePage> {
  if (!validSlug(slug)) return { kind: 'not-found', commune: null };
  const row = await readPlaceRow(slug);
  if (row) {
    const { place } = row;
    const kind = pageKind(place, now);
    if (kind === 'published' || kind === 'closed') {
      // The statement's index-ordered scan found fewer than three: look at every place within 50 km.
      const [nearby, sessions] = await Promise.all([
        row.nearby.length >= NEARBY_LIMIT ? row.nearby : widerNearby(place, NEARBY_LIMIT),
        kind === 'published' ? nextSessionsForPlace(place.id, now, { db: rawReadDb }) : [],
      ]);
      return kind === 'published' ? { kind, place, nearby, sessions } : { kind, place, nearby };
    }
    if (kind === 'gone') return { kind, name: place.name, commune: place.commune };
    return { kind: 'not-found', commune: place.commune };
  }
  const redirect = await readDb.placeSlugRedirect.findUnique({
    where: { slug },
    include: { place: { select: { slug: true, status: true, closedForGoodAt: true, name: true, commune: true } } },
  });
  if (!redirect) return { kind: 'not-found', commune: null };
  // Follow the old slug only to a page that shows something; a draft stays hidden.
  return pageKind(redirect.place, now) === 'not-found'
    ? { kind: 'not-found', commune: redirect.place.commune }
    : { kind: 'redirect', slug: redirect.place.slug };
}

/** The id of the place at this slug, whatever its status (a report names it), or null. */
export async function placeIdBySlug(slug: string): Promise<string | null> {
  if (!validSlug(slug)) return null;
  const place = await readDb.place.findUnique({ where: { slug }, select: { id: true } });
  return place?.id ?? null;
}

type NearbyRow = { slug: string; name: string; commune: string; distance: number };

/** The nearest published places (within 50 km) offering at least one of the same services, nearest first. */
export async function nearbyPlaces(
  place: { id: string; latitude: number | null; longitude: number | null; services: string[]; demo?: boolean },
  limit = NEARBY_LIMIT,
): Promise<NearbyPlace[]> {
  if (place.latitude === null || place.longitude === null) return [];
  const services = place.services.map((key) => SERVICE_LABELS[key as keyof typeof SERVICE_LABELS]).filter(Boolean);
  const point = Prisma.sql`reperes_earth(${place.latitude}::float8, ${place.longitude}::float8)`;
  const sameServices = services.length ? Prisma.sql`AND services && ${services}::text[]::"Service"[]` : Prisma.empty;
  // A real place never sends people to a fictional one of the demonstration set.
  const real = place.demo ? Prisma.empty : Prisma.sql`AND NOT demo`;
  // First, the few hundred nearest places in index order (GiST distance ordering, under a
  // millisecond), filtered afterwards: in a town this always holds the answer. Only when it
  // does not (a sparse area, rare services) is every place within 50 km looked at.
  // (The page's own statement, lib/places/page-read.ts, makes this first scan the same way.)
  const near = await readDb.$queryRaw<NearbyRow[]>`
    SELECT slug, name, commune, sec_to_gc(chord) AS distance FROM (
      SELECT p.id, p.slug, p.name, p.commune, p.status, p.services, p.demo, reperes_earth(p.latitude, p.longitude) <-> ${point} AS chord
      FROM "Place" p
      WHERE p.latitude IS NOT NULL AND p.longitude IS NOT NULL
      ORDER BY reperes_earth(p.latitude, p.longitude) <-> ${point}
      LIMIT ${NEARBY_SCAN}
    ) nearest
    WHERE status = 'published' AND id <> ${place.id}::uuid AND chord <= gc_to_sec(${NEARBY_RADIUS_M}::float8) ${sameServices} ${real}
    ORDER BY chord
    LIMIT ${limit}`;
  return near.length >= limit ? near.map(nearbyOf) : widerNearby(place, limit);
}

const nearbyOf = (r: NearbyRow): NearbyPlace => ({ slug: r.slug, name: r.name, commune: r.commune, distance: Number(r.distance) });

/** Every published place within 50 km with a common service, nearest first (the slower, complete search). */
async function widerNearby(
  place: { id: string; latitude: number | null; longitude: number | null; services: string[]; demo?: boolean },
  limit: number,
): Promise<NearbyPlace[]> {
  if (place.latitude === null || place.longitude === null) return [];
  const services = place.services.map((key) => SERVICE_LABELS[key as keyof typeof SERVICE_LABELS]).filter(Boolean);
  const point = Prisma.sql`reperes_earth(${place.latitude}::float8, ${place.longitude}::float8)`;
  const rows = await readDb.$queryRaw<NearbyRow[]>`
    SELECT p.slug, p.name, p.commune, earth_distance(reperes_earth(p.latitude, p.longitude), ${point}) AS distance
    FROM "Place" p
    WHERE p.status = 'published' AND p.id <> ${place.id}::uuid ${place.demo ? Prisma.empty : Prisma.sql`AND NOT p.demo`} AND p.latitude IS NOT NULL AND p.longitude IS NOT NULL
      AND earth_box(${point}, ${NEARBY_RADIUS_M}::float8) @> reperes_earth(p.latitude, p.longitude)
      ${services.length ? Prisma.sql`AND p.services && ${services}::text[]::"Service"[]` : Prisma.empty}
    ORDER BY distance
    LIMIT ${limit}`;
  return rows.map(nearbyOf);
}

/**
 * For the proxy, with light queries: 410 for a place closed for good more than a year ago, a 301
 * target for an old slug. Null: let the page answer.
 */
export async function placeRoute(slug: string, now = new Date()): Promise<{ gone: true } | { redirect: string } | null> {
  if (!validSlug(slug)) return null;
  const place = await readDb.place.findUnique({ where: { slug }, select: { status: true, closedForGoodAt: true, name: true, commune: true } });
  if (place) return pageKind(place, now) === 'gone' ? { gone: true } : null;
  const redirect = await readDb.placeSlugRedirect.findUnique({
    where: { slug },
    select: { place: { select: { slug: true, status: true, closedForGoodAt: true, name: true, commune: true } } },
  });
  return redirect && pageKind(redirect.place, now) !== 'not-found' ? { redirect: redirect.place.slug } : null;
}

/** Is this slug a place closed for good more than a year ago (410)? */
export async function isGonePlaceSlug(slug: string, now = new Date()): Promise<boolean> {
  const route = await placeRoute(slug, now);
  return route !== null && 'gone' in route;
}
