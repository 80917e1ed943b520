// Freshness of a network's places (issue #23): each place's band today (confirmed less than 6
// months ago, 6–12 months, more than 12, never confirmed by a person) with its position for the
// dashboard's map, and the same bands at the end of each of the last 12 months, rebuilt from the
// places' history: an applied `PlaceRevision` that changed `dateMaj` (or `status`) records the value
// before it, so a place's value at a past date is the `before` of its first such revision after that
// date, or today's value when none came after. Nothing is estimated.
// - A place counts at a date when Repères had it (`createdAt`) or its source had confirmed it by then
//   (an imported place keeps its source's date); archived places at that date are left out.
// - "Never confirmed": no person ever confirmed it (`confirmedBy` empty) and no confirmation changed
//   its date by then (an import's change is not a confirmation): its date is only its source's.
// The network's current places are followed back (a place that left the network is not counted).
// Demo places count: this is the network's own view of its places, never a public figure.
import 'server-only';
import { Prisma, type PrismaClient } from '@prisma/client';
import type { FreshnessBand } from './freshness-bands';

type Db = Pick<PrismaClient, '$queryRaw'>;

export { FRESHNESS_BANDS, type FreshnessBand } from './freshness-bands';
export type BandCounts = Record<FreshnessBand, number>;

const emptyCounts = (): BandCounts => ({ fresh: 0, aging: 0, stale: 0, never: 0 });

/** The date `months` calendar months before `date` (same day, clamped by JavaScript's rollover like the campaigns' thresholds). */
function monthsBefore(date: Date, months: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - months, date.getUTCDate()));
}

/** A place's band at `at`, from its confirmation date then and whether a person had confirmed it. */
export function bandAt(dateMaj: Date, confirmed: boolean, at: Date): FreshnessBand {
  if (!confirmed) return 'never';
  if (dateMaj > monthsBefore(at, 6)) return 'fresh';
  if (dateMaj > monthsBefore(at, 12)) return 'aging';
  return 'stale';
}

type PlaceRow = {
  id: string;
  slug: string;
  name: string;
  commune: string;
  status: string;
  dateMaj: Date;
  confirmedBy: string | null;
  latitude: number | null;
  longitude: number | null;
  createdAt: Date;
};
type RevisionRow = {
  placeId: string;
  createdAt: Date;
  dateBefore: string | null;
  statusBefore: string | null;
  hasDate: boolean;
  hasStatus: boolean;
  byPerson: boolean;
};

async function readPlaces(db: Db, networkId: string) {
  return db.$queryRaw<PlaceRow[]>`
    SELECT p.id, p.slug, p.name, p.commune, p.status::text AS status, p."dateMaj", p."confirmedBy", p.latitude, p.longitude, p."createdAt"
    FROM "Place" p JOIN "NetworkMembership" m ON m."placeId" = p.id AND m."networkId" = ${networkId}::uuid
    ORDER BY p.name`;
}

/** The applied revisions of the network's places that changed their date or status, oldest first. */
async function readRevisions(db: Db, networkId: string) {
  return db.$queryRaw<RevisionRow[]>`
    SELECT r."placeId", r."createdAt", r.changes->'dateMaj'->>'before' AS "dateBefore", r.changes->'status'->>'before' AS "statusBefore",
           r.changes ? 'dateMaj' AS "hasDate", r.changes ? 'status' AS "hasStatus",
           r.kind <> 'import' AS "byPerson"
    FROM "PlaceRevision" r JOIN "NetworkMembership" m ON m."placeId" = r."placeId" AND m."networkId" = ${networkId}::uuid
    WHERE r.state = 'applied' AND (r.changes ? 'dateMaj' OR r.changes ? 'status')
    ORDER BY r."createdAt"`;
}

const STATUS_NAMES: Record<string, string> = { published: 'PUBLISHED', draft: 'DRAFT', archived: 'ARCHIVED' };
const statusName = (value: string) => STATUS_NAMES[value] ?? value;

/** The place's date, status and confirmation as they stood at `at`, from its revisions (oldest first); null when it did not count then. */
export function placeAt(place: PlaceRow, revisions: RevisionRow[], at: Date) {
  const later = revisions.filter((r) => r.createdAt > at);
  const dateChange = later.find((r) => r.hasDate && r.dateBefore);
  const statusChange = later.find((r) => r.hasStatus && r.statusBefore);
  const dateMaj = dateChange ? new Date(`${dateChange.dateBefore!.slice(0, 10)}T00:00:00Z`) : place.dateMaj;
  const status = statusChange ? statusName(statusChange.statusBefore!) : statusName(place.status);
  if (status === 'ARCHIVED' || (place.createdAt > at && dateMaj > at)) return null;
  const confirmed = !!place.confirmedBy || revisions.some((r) => r.hasDate && r.byPerson && r.createdAt <= at);
  return { dateMaj, status, confirmed };
}

/** The last instant of each of the last 12 months, the current month ending now. */
export function monthEnds(now: Date): Date[] {
  return Array.from({ length: 12 }, (_, i) => {
    const back = 11 - i;
    return back === 0 ? now : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back + 1, 1) - 1);
  });
}

export type FreshnessPoint = {
  id: string;
  slug: string;
  name: string;
  commune: string;
  band: FreshnessBand;
  latitude: number;
  longitude: number;
  dateMaj: Date;
};
export type FreshnessMonth = { end: Date; counts: BandCounts; total: number };

/** Today's band of every live place (with its position when known), and the bands at the end of each of the last 12 months. */
export async function networkFreshness(db: Db, networkId: string, now = new Date()) {
  const [places, revisions] = await Promise.all([readPlaces(db, networkId), readRevisions(db, networkId)]);
  const byPlace = new Map<string, RevisionRow[]>();
  for (const r of revisions) byPlace.set(r.placeId, [...(byPlace.get(r.placeId) ?? []), r]);
  const today = emptyCounts();
  const points: FreshnessPoint[] = [];
  for (const p of places) {
    if (p.status === 'archived') continue;
    const band = bandAt(p.dateMaj, !!p.confirmedBy || (byPlace.get(p.id) ?? []).some((r) => r.hasDate && r.byPerson), now);
    today[band]++;
    if (p.latitude !== null && p.longitude !== null)
      points.push({ id: p.id, slug: p.slug, name: p.name, commune: p.commune, band, latitude: p.latitude, longitude: p.longitude, dateMaj: p.dateMaj });
  }
  const history: FreshnessMonth[] = monthEnds(now).map((end) => {
    const counts = emptyCounts();
    for (const p of places) {
      const state = placeAt(p, byPlace.get(p.id) ?? [], end);
      if (state) counts[bandAt(state.dateMaj, state.confirmed, end)]++;
    }
    return { end, counts, total: counts.fresh + counts.aging + counts.stale + counts.never };
  });
  return { today, points, history, withoutPosition: today.fresh + today.aging + today.stale + today.never - points.length };
}

export type NetworkFreshness = Awaited<ReturnType<typeof networkFreshness>>;

/** The centres of the territory's communes, the map's faint background (empty when the reference is not loaded). */
export async function territoryCommunePoints(db: Db, territory: string[]) {
  if (!territory.length) return [];
  return db.$queryRaw<Array<{ latitude: number; longitude: number }>>`
    SELECT latitude, longitude FROM "Commune" WHERE departement IN (${Prisma.join(territory)}) AND latitude IS NOT NULL AND longitude IS NOT NULL`;
}
