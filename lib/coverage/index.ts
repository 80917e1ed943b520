// Where help is missing: for each commune of a territory, the distance from its centre to the
// nearest published place offering a service (optionally free, optionally open on Saturday), and
// from it the share of the population within 5 / 10 / 20 km and the communes furthest from help.
//
// PostgreSQL selects the places that qualify (GIN indexes on the standard's lists, the weekly
// opening slots) inside a circle around the territory (the earthdistance GiST index); the nearest
// one to each commune is then found in memory with a k-d tree (lib/coverage/nearest.ts), which
// stays fast whatever the filters keep. The circle reaches MARGIN_KM beyond the territory: a
// commune whose nearest place in it is closer than that has its exact answer; the others (deserts)
// are answered again against every qualifying place in France.
import { Prisma, type PrismaClient, type Service } from '@prisma/client';
import { SERVICE_LABELS } from '@/lib/standard/enums';
import { distanceKm, NearestIndex, toUnitVector } from './nearest';

export const THRESHOLDS_KM = [5, 10, 20] as const;
const MARGIN_KM = 50;

export type CoverageQuery = {
  /** A département code ("49", "2A", "974"); null for the whole of France. */
  departement: string | null;
  /** A service of the standard; null for any place. */
  service: Service | null;
  free: boolean;
  saturday: boolean;
  /** Temporary closures are judged on this day (default: today). */
  now?: Date;
};

export type CommuneCoverage = {
  inseeCode: string;
  name: string;
  population: number;
  latitude: number | null;
  longitude: number | null;
  /** Null when the commune has no centre point or no place qualifies anywhere. */
  distanceKm: number | null;
  nearest: { id: string; name: string; slug: string; commune: string } | null;
};

export type CoverageResult = {
  query: CoverageQuery;
  communes: CommuneCoverage[];
  /** Communes ranked from the furthest from help to the nearest (unknown positions last). */
  ranked: CommuneCoverage[];
  totalPopulation: number;
  within: Array<{ km: number; population: number; share: number; communes: number }>;
  beyond: { km: number; population: number; share: number; communes: number };
  /** Communes without a centre point in the reference (counted in the population, not in the shares' numerators). */
  unknownPosition: { population: number; communes: number };
  /** Population-weighted mean distance to help, over the located communes. */
  meanDistanceKm: number | null;
  placesConsidered: number;
};

type Db = Pick<PrismaClient, '$queryRaw'>;
type CommuneRow = { inseeCode: string; name: string; population: number | null; latitude: number | null; longitude: number | null };
type PointRow = { id: string; latitude: number; longitude: number };

/** Whether the reference list of communes is loaded (for a département, or at all). */
export async function communeReferenceCount(db: Db, departement: string | null): Promise<number> {
  const [row] = departement
    ? await db.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM "Commune" WHERE departement = ${departement}`
    : await db.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM "Commune"`;
  return Number(row.n);
}

function qualifying(query: CoverageQuery): Prisma.Sql {
  const today = (query.now ?? new Date()).toISOString().slice(0, 10);
  const where: Prisma.Sql[] = [
    Prisma.sql`p.status = 'published'`,
    // Fictional demonstration places would show help where there is none.
    Prisma.sql`NOT p.demo`,
    // Temporarily closed today: not a place where help is found.
    Prisma.sql`NOT ((p."closedFrom" IS NOT NULL OR p."closedUntil" IS NOT NULL)
      AND coalesce(p."closedFrom", ${today}::date) <= ${today}::date AND ${today}::date <= coalesce(p."closedUntil", ${today}::date))`,
  ];
  if (query.service) where.push(Prisma.sql`p.services @> ARRAY[${SERVICE_LABELS[query.service]}]::"Service"[]`);
  if (query.free) where.push(Prisma.sql`p.fees @> ARRAY['Gratuit']::"FraisACharge"[]`);
  // Open on Saturday: minutes 5 × 1440 to 6 × 1440 of the place's week (lib/hours/week.ts).
  if (query.saturday) where.push(Prisma.sql`p."openWeek" && '{[7200,8640)}'::int4multirange`);
  return Prisma.join(where, ' AND ');
}

/** Qualifying places and itinerant stops, within `radiusKm` of a point (or everywhere). */
async function qualifyingPoints(db: Db, query: CoverageQuery, circle: { latitude: number; longitude: number; radiusKm: number } | null): Promise<PointRow[]> {
  const where = qualifying(query);
  const center = circle ? Prisma.sql`reperes_earth(${circle.latitude}::float8, ${circle.longitude}::float8)` : null;
  const inPlace = center ? Prisma.sql`AND earth_box(${center}, ${circle!.radiusKm * 1000}::float8) @> reperes_earth(p.latitude, p.longitude)` : Prisma.empty;
  const inStop = center ? Prisma.sql`AND earth_box(${center}, ${circle!.radiusKm * 1000}::float8) @> reperes_earth(s.latitude, s.longitude)` : Prisma.empty;
  return db.$queryRaw<PointRow[]>`
    SELECT p.id, p.latitude, p.longitude FROM "Place" p
    WHERE p.latitude IS NOT NULL AND p.longitude IS NOT NULL ${inPlace} AND ${where}
    UNION ALL
    SELECT p.id, s.latitude, s.longitude FROM "PlaceStop" s JOIN "Place" p ON p.id = s."placeId"
    WHERE true ${inStop} AND ${where}`;
}

/** The smallest circle (approximately) around the located communes: centroid and farthest commune. */
function enclosingCircle(communes: CommuneRow[]) {
  let x = 0;
  let y = 0;
  let z = 0;
  for (const c of communes) {
    const [cx, cy, cz] = toUnitVector(c.latitude!, c.longitude!);
    x += cx;
    y += cy;
    z += cz;
  }
  const norm = Math.hypot(x, y, z) || 1;
  const center = { latitude: (Math.asin(z / norm) * 180) / Math.PI, longitude: (Math.atan2(y, x) * 180) / Math.PI };
  let radiusKm = 0;
  for (const c of communes) radiusKm = Math.max(radiusKm, distanceKm(center, { latitude: c.latitude!, longitude: c.longitude! }));
  return { ...center, radiusKm };
}

function nearestAll(communes: CommuneRow[], points: PointRow[]): Map<string, { km: number; placeId: string }> {
  const index = new NearestIndex(points);
  const found = new Map<string, { km: number; placeId: string }>();
  for (const c of communes) {
    const hit = index.nearest(c.latitude!, c.longitude!);
    if (hit) found.set(c.inseeCode, { km: hit.km, placeId: points[hit.index].id });
  }
  return found;
}

export async function computeCoverage(db: Db, query: CoverageQuery): Promise<CoverageResult> {
  const rows = query.departement
    ? await db.$queryRaw<CommuneRow[]>`SELECT "inseeCode", name, population, latitude, longitude FROM "Commune" WHERE departement = ${query.departement}`
    : await db.$queryRaw<CommuneRow[]>`SELECT "inseeCode", name, population, latitude, longitude FROM "Commune"`;
  const located = rows.filter((c) => c.latitude !== null && c.longitude !== null);

  let nearest = new Map<string, { km: number; placeId: string }>();
  let placesConsidered = 0;
  if (located.length) {
    if (query.departement) {
      const circle = enclosingCircle(located);
      const points = await qualifyingPoints(db, query, { ...circle, radiusKm: circle.radiusKm + MARGIN_KM });
      placesConsidered = new Set(points.map((p) => p.id)).size;
      nearest = nearestAll(located, points);
      // A commune with nothing within the margin may have its nearest place outside the circle.
      const unsure = located.filter((c) => (nearest.get(c.inseeCode)?.km ?? Infinity) > MARGIN_KM);
      if (unsure.length) {
        const everywhere = await qualifyingPoints(db, query, null);
        placesConsidered = new Set(everywhere.map((p) => p.id)).size;
        for (const [code, hit] of nearestAll(unsure, everywhere)) nearest.set(code, hit);
      }
    } else {
      const points = await qualifyingPoints(db, query, null);
      placesConsidered = new Set(points.map((p) => p.id)).size;
      nearest = nearestAll(located, points);
    }
  }

  const placeIds = [...new Set([...nearest.values()].map((n) => n.placeId))];
  const places = placeIds.length
    ? await db.$queryRaw<
        Array<{ id: string; name: string; slug: string; commune: string }>
      >`SELECT id, name, slug, commune FROM "Place" WHERE id = ANY(${placeIds}::uuid[])`
    : [];
  const placeById = new Map(places.map((p) => [p.id, p]));

  const communes: CommuneCoverage[] = rows.map((c) => {
    const hit = nearest.get(c.inseeCode);
    return {
      inseeCode: c.inseeCode,
      name: c.name,
      population: c.population ?? 0,
      latitude: c.latitude,
      longitude: c.longitude,
      distanceKm: hit ? hit.km : null,
      nearest: hit ? (placeById.get(hit.placeId) ?? null) : null,
    };
  });
  communes.sort((a, b) => a.inseeCode.localeCompare(b.inseeCode));
  return summarise(query, communes, placesConsidered);
}

/** The figures of a list of communes with their distances (exported for tests and the dashboard). */
export function summarise(query: CoverageQuery, communes: CommuneCoverage[], placesConsidered: number): CoverageResult {
  const totalPopulation = communes.reduce((sum, c) => sum + c.population, 0);
  const share = (population: number) => (totalPopulation ? Math.round((population / totalPopulation) * 1000) / 10 : 0);
  const isLocated = (c: CommuneCoverage) => c.latitude !== null && c.longitude !== null;
  const within = THRESHOLDS_KM.map((km) => {
    const inside = communes.filter((c) => c.distanceKm !== null && c.distanceKm <= km);
    const population = inside.reduce((sum, c) => sum + c.population, 0);
    return { km, population, share: share(population), communes: inside.length };
  });
  const last = THRESHOLDS_KM[THRESHOLDS_KM.length - 1];
  const far = communes.filter((c) => isLocated(c) && (c.distanceKm === null || c.distanceKm > last));
  const farPopulation = far.reduce((sum, c) => sum + c.population, 0);
  const unknown = communes.filter((c) => !isLocated(c));
  const reached = communes.filter((c) => c.distanceKm !== null);
  const reachedPopulation = reached.reduce((sum, c) => sum + c.population, 0);
  const meanDistanceKm = reachedPopulation ? reached.reduce((sum, c) => sum + c.population * c.distanceKm!, 0) / reachedPopulation : null;
  const ranked = [...communes].sort((a, b) => {
    const da = isLocated(a) ? (a.distanceKm ?? Infinity) : -1;
    const db = isLocated(b) ? (b.distanceKm ?? Infinity) : -1;
    return db - da || b.population - a.population || a.name.localeCompare(b.name, 'fr');
  });
  return {
    query,
    communes,
    ranked,
    totalPopulation,
    within,
    beyond: { km: last, population: farPopulation, share: share(farPopulation), communes: far.length },
    unknownPosition: { population: unknown.reduce((sum, c) => sum + c.population, 0), communes: unknown.length },
    meanDistanceKm,
    placesConsidered,
  };
}
