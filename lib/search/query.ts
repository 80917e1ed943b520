// The search's SQL: the WHERE conditions of a filter set, and the scope — the places that match,
// with their distance — around a point (a latitude–longitude box read from the covering index
// "Place_search_idx", then the exact distance) or over the whole country.
import 'server-only';
import { Prisma } from '@prisma/client';
import { prepared } from '@/lib/db/prepared';
import {
  ACCESS_MODE_LABELS,
  FEE_LABELS,
  LABEL_LABELS,
  PROGRAMME_LABELS,
  PUBLIC_LABELS,
  SERVICE_LABELS,
  SPECIFIC_SUPPORT_LABELS,
  SUPPORT_MODE_LABELS,
} from '@/lib/standard/enums';
import { PLACE_TYPES } from '@/lib/standard/plain-words';
import type { SearchFilters } from './filters';

const LIST_COLUMNS = {
  besoin: { column: 'services', type: 'Service', labels: SERVICE_LABELS },
  public: { column: 'publics', type: 'PublicSpecifiquementAdresse', labels: PUBLIC_LABELS },
  prise_en_charge: { column: 'specificSupport', type: 'PriseEnChargeSpecifique', labels: SPECIFIC_SUPPORT_LABELS },
  frais: { column: 'fees', type: 'FraisACharge', labels: FEE_LABELS },
  accompagnement: { column: 'supportModes', type: 'ModaliteAccompagnement', labels: SUPPORT_MODE_LABELS },
  acces: { column: 'accessModes', type: 'ModaliteAcces', labels: ACCESS_MODE_LABELS },
  dispositif: { column: 'programmes', type: 'DispositifProgrammeNational', labels: PROGRAMME_LABELS },
  label: { column: 'labels', type: 'FormationLabel', labels: LABEL_LABELS },
} as const;

export type ListKey = keyof typeof LIST_COLUMNS;

/** Standard label → Prisma key, for every list a facet counts (built once). */
export const FACET_KEYS = Object.fromEntries(
  Object.entries(LIST_COLUMNS).map(([facet, { labels }]) => [facet, new Map(Object.entries(labels).map(([key, label]) => [label, key]))]),
) as Record<ListKey, Map<string, string>>;

/**
 * WHERE conditions shared by the result and facet queries (place alias `p`). The lists (needs,
 * publics, types, itinerant…) are asked of the place's FacetSet — its combination of lists, of which
 * there are a few hundred — rather than of each place's arrays, which the narrow covering index of
 * the search does not hold (migration 20261206085000).
 */
export function conditions(filters: SearchFilters, options: { fuzzy?: boolean; facetSets?: FacetSetIds; aroundPoint?: boolean } = {}): Prisma.Sql[] {
  const where: Prisma.Sql[] = [Prisma.sql`p.status = 'published'`];
  const lists = listConditions(filters);
  if (options.facetSets) where.push(Prisma.sql`p."facetSetId" = ANY(${options.facetSets}::int[])`);
  else if (options.facetSets === undefined && lists.length)
    where.push(Prisma.sql`p."facetSetId" IN (SELECT s.id FROM "FacetSet" s WHERE ${Prisma.join(lists, ' AND ')})`);
  if (filters.reseau) {
    where.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "NetworkMembership" m JOIN "Network" n ON n.id = m."networkId" WHERE m."placeId" = p.id AND n.slug = ${filters.reseau})`,
    );
  }
  if (filters.q) {
    // Around a point, the name is folded from the radius scan's covering index (which holds it, and
    // not its folded copy); over the country, the folded copy is read ("nameFolded", migration
    // 20261206163000), from the national index or the trigram index.
    const folded = options.aroundPoint ? Prisma.sql`reperes_fold(p.name)` : Prisma.sql`p."nameFolded"`;
    const words = filters.q
      .split(/[\s,;'’-]+/)
      .filter((w) => w.length >= 2)
      .slice(0, 8);
    if (options.fuzzy) {
      // Typo tolerance, used when the exact words found nothing: trigram word similarity.
      where.push(Prisma.sql`${folded} %> reperes_fold(${filters.q})`);
    } else if (words.length) {
      // Every word, anywhere in the name, accents ignored (trigram GIN index).
      for (const word of words) where.push(Prisma.sql`${folded} LIKE '%' || reperes_fold(${word}) || '%'`);
    }
  }
  return where;
}

/** The ids of the FacetSets a search's lists match; null when it asks nothing of the lists. */
export type FacetSetIds = number[] | null;

/**
 * The FacetSets whose lists match the filters, asked before the search (a few hundred rows): given
 * their ids rather than a subquery, PostgreSQL plans with the share of places those sets hold (its
 * statistics of "facetSetId") — walking the national page's index for a common need, reading the
 * few places of a rare programme from the sets' index.
 */
export async function matchingFacetSets(db: { $queryRaw<T>(query: Prisma.Sql): Promise<T> }, filters: SearchFilters): Promise<FacetSetIds> {
  const lists = listConditions(filters);
  if (!lists.length) return null;
  // Prepared: its text takes one form per combination of families asked (a few dozen in use).
  const [row] = await db.$queryRaw<Array<{ ids: number[] | null }>>(
    prepared(Prisma.sql`SELECT array_agg(s.id ORDER BY s.id) AS ids FROM "FacetSet" s WHERE ${Prisma.join(lists, ' AND ')}`),
  );
  return row?.ids ?? [];
}

/** The conditions on a FacetSet (alias `s`): several values of one family, any of them (facet semantics); families combine with AND. */
function listConditions(filters: SearchFilters): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  for (const key of Object.keys(LIST_COLUMNS) as ListKey[]) {
    const selected = filters[key] as string[];
    if (!selected.length) continue;
    const { column, type, labels } = LIST_COLUMNS[key];
    const values = selected.map((k) => (labels as Record<string, string>)[k]);
    where.push(Prisma.sql`s.${Prisma.raw(`"${column}"`)} && ${values}::${Prisma.raw(`"${type}"[]`)}`);
  }
  if (filters.type.length) {
    const codes = filters.type.flatMap((slug) => PLACE_TYPES[slug].codes as readonly string[]);
    where.push(Prisma.sql`s.typologies && ${codes}::"Typologie"[]`);
  }
  if (filters.itinerance === 'itinerant') where.push(Prisma.sql`'Itinérant' = ANY(s.itinerance)`);
  if (filters.itinerance === 'fixe') where.push(Prisma.sql`NOT ('Itinérant' = ANY(s.itinerance))`);
  return where;
}

/** earthdistance's earth(): the sphere the stops' distances (earth_distance) are measured on. */
const EARTH_RADIUS = 6378168;
const degrees = (radians: number) => (radians * 180) / Math.PI;

/**
 * The latitude and longitude bounds of the points within `radius` metres of a point: a superset
 * (widened by a millionth) that the index scans, before the exact distance. The longitude bound
 * is the spherical cap's (asin(sin δ / cos φ)); none near a pole or across the antimeridian.
 */
export function boundingBox(latitude: number, longitude: number, radius: number) {
  const angle = radius / EARTH_RADIUS;
  const dLat = degrees(angle) * 1.000001 + 1e-9;
  const box = { latMin: latitude - dLat, latMax: latitude + dLat, lngMin: null as number | null, lngMax: null as number | null };
  const sine = Math.sin(angle) / Math.cos((latitude * Math.PI) / 180);
  if (angle < Math.PI / 2 && Math.abs(latitude) + degrees(angle) < 89 && sine < 1) {
    const dLng = degrees(Math.asin(sine)) * 1.000001 + 1e-9;
    if (longitude - dLng > -180 && longitude + dLng < 180) Object.assign(box, { lngMin: longitude - dLng, lngMax: longitude + dLng });
  }
  return box;
}

/**
 * The great-circle distance in metres from (lat, lng) to a place, on earthdistance's sphere: the
 * haversine of the two positions. The same figure as sec_to_gc(cube_distance(earth points)) (to
 * a billionth), about four times cheaper: it computes on the two floats the index holds instead
 * of building a cube per row, which was most of a large radius's time.
 */
export function distanceTo(lat: number, lng: number, alias = 'p'): Prisma.Sql {
  const [la, lo] = [Prisma.raw(`${alias}.latitude`), Prisma.raw(`${alias}.longitude`)];
  return Prisma.sql`(2 * ${EARTH_RADIUS}::float8 * asin(least(1::float8, sqrt(power(sin(radians(${la} - ${lat}::float8) / 2), 2)
    + cos(radians(${lat}::float8)) * cos(radians(${la})) * power(sin(radians(${lo} - ${lng}::float8) / 2), 2)))))`;
}

export type Origin = { latitude: number; longitude: number };

/**
 * The places that match, as a relation `p` of the given columns plus distance, stop_label and
 * stop_commune. Around a point: those (or the stops of itinerant places) within the radius, each
 * at its nearest point — a place at its own position unless one of its stops is nearer. The
 * columns are read in the radius scan itself, not by joining back to "Place" afterwards.
 */
export function scopeSql(columns: Prisma.Sql, where: Prisma.Sql, origin: Origin | null, radius: number, { stops = true } = {}): Prisma.Sql {
  if (!origin)
    return Prisma.sql`(SELECT ${columns}, NULL::float8 AS distance, NULL::text AS stop_label, NULL::text AS stop_commune FROM "Place" p WHERE ${where}) AS p`;
  const box = boundingBox(origin.latitude, origin.longitude, radius);
  const distance = distanceTo(origin.latitude, origin.longitude);
  const longitudes = box.lngMin === null ? Prisma.empty : Prisma.sql`AND p.longitude BETWEEN ${box.lngMin}::float8 AND ${box.lngMax}::float8`;
  const point = Prisma.sql`reperes_earth(${origin.latitude}::float8, ${origin.longitude}::float8)`;
  const stopDistance = Prisma.sql`earth_distance(reperes_earth(s.latitude, s.longitude), ${point})`;
  if (!stops)
    return Prisma.sql`(SELECT ${columns}, ${distance} AS distance, NULL::text AS stop_label, NULL::text AS stop_commune
      FROM "Place" p
      WHERE p.latitude BETWEEN ${box.latMin}::float8 AND ${box.latMax}::float8 ${longitudes}
        AND ${distance} <= ${radius}::float8 AND ${where}) AS p`;
  return Prisma.sql`(
    WITH places AS MATERIALIZED (
      SELECT ${columns}, ${distance} AS distance, NULL::text AS stop_label, NULL::text AS stop_commune
      FROM "Place" p
      WHERE p.latitude BETWEEN ${box.latMin}::float8 AND ${box.latMax}::float8 ${longitudes}
        AND ${distance} <= ${radius}::float8 AND ${where}
    ), stops AS MATERIALIZED (
      SELECT DISTINCT ON (p.id) ${columns}, ${stopDistance} AS distance, s.label AS stop_label, s.commune AS stop_commune
      FROM "PlaceStop" s JOIN "Place" p ON p.id = s."placeId"
      WHERE earth_box(${point}, ${radius}::float8) @> reperes_earth(s.latitude, s.longitude)
        AND ${stopDistance} <= ${radius}::float8 AND ${where}
      ORDER BY p.id, ${stopDistance}
    )
    SELECT * FROM places WHERE NOT EXISTS (SELECT 1 FROM stops WHERE stops.id = places.id AND stops.distance < places.distance)
    UNION ALL
    SELECT * FROM stops WHERE NOT EXISTS (SELECT 1 FROM places WHERE places.id = stops.id AND places.distance <= stops.distance)
  ) AS p`;
}

/**
 * Whether any itinerant stop lies in the box around the point (a superset of those within the
 * radius). Stops are few (buses, their halts); without one near, a search is planned and run
 * without their half of the scope (scopeSql's `stops: false`), which was two thirds of its planning.
 */
export function stopsNear(origin: Origin, radius: number): Prisma.Sql {
  const point = Prisma.sql`reperes_earth(${origin.latitude}::float8, ${origin.longitude}::float8)`;
  return Prisma.sql`EXISTS (SELECT 1 FROM "PlaceStop" s WHERE earth_box(${point}, ${radius}::float8) @> reperes_earth(s.latitude, s.longitude))`;
}

/** Nearest first around a point; by relevance for a name; else by commune. */
export function orderSql(filters: SearchFilters, origin: Origin | null): Prisma.Sql {
  if (origin) return Prisma.sql`ORDER BY p.distance, p.name`;
  if (filters.q) return Prisma.sql`ORDER BY word_similarity(reperes_fold(${filters.q}), reperes_fold(p.name)) DESC, p.name`;
  return Prisma.sql`ORDER BY p.commune, p.name`;
}
