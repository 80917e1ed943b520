// The resident's search: one function from a validated filter object to a page of results and
// facet counts. SQL does the heavy lifting (lib/search/query: a covering index for the radius and
// national scans, GIN on the standard's lists, trigrams on names); availability ("open now", "on
// Saturday", "Tuesday morning") is pre-filtered in SQL on the weekly opening minutes and decided by
// the opening_hours library (lib/search/availability); facets are counted over the same scope
// (lib/search/facets); the page's places are read and mapped last (lib/search/results).
import 'server-only';
import { Prisma, type PrismaClient } from '@prisma/client';
import { db as primaryDb } from '@/lib/db';
import { rawReadDb } from '@/lib/db/rows';
import { findPlace, type GeoPoint } from '@/lib/geo';
import { placeHelp, type PlaceHelp } from '@/lib/geo/help';
import { upcomingAtelierCondition } from './ateliers';
import { availabilityPrefilter, hoursColumns, keepAvailable, needsAvailabilityCheck, type HoursRow } from './availability';
import { FACET_COLUMNS, facetsOfSets, noFacets, setCountsOf, setCountsOver, type Facets, type SetCount } from './facets';
import type { SearchFilters } from './filters';
import { conditions, matchingFacetSets, orderSql, scopeSql, stopsNear, type FacetSetIds, type Origin } from './query';
import { detailQuery, pageResults, type Candidate, type DetailRow, type PlaceResult } from './results';

export { conditions } from './query';
export type { Facets } from './facets';
export type { PlaceResult } from './results';

export type SearchResponse = {
  results: PlaceResult[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
  facets: Facets;
  origin: (GeoPoint & { fromPosition: boolean }) | null;
  /** What the typed place may have meant: close spellings, homonyms, a larger town (lib/geo/help). */
  placeHelp: PlaceHelp | null;
  /** Around a point: how many places answered within 5, 10 and 20 km of it, up to the radius (unmet demand, lib/demand). */
  within: Within | null;
  problems: string[];
};

type Db = Pick<PrismaClient, '$queryRaw' | 'geocodeCache'>;
type SearchOptions = { now?: Date; pageSize?: number; db?: Db; problems?: string[]; fuzzy?: boolean };

/** Beyond this many matches, a search without a place says "plus de 10 000 lieux". */
export const NATIONAL_COUNT_CAP = 10_001;

const KEY_COLUMNS = Prisma.sql`p.id, p.name, p.commune`;

type Found = { total: number; page: Candidate[]; facets: Facets; within: Within | null };
export type Within = { 5: number; 10: number; 20: number };

/** The counts within 5, 10 and 20 km of places found at these distances (metres). */
export function withinOf(distances: Array<number | null>): Within {
  const within: Within = { 5: 0, 10: 0, 20: 0 };
  for (const d of distances) {
    if (d === null) continue;
    if (d <= 5000) within[5]++;
    if (d <= 10000) within[10]++;
    if (d <= 20000) within[20]++;
  }
  return within;
}

export async function searchPlaces(filters: SearchFilters, options: SearchOptions = {}): Promise<SearchResponse> {
  // Statements through node-postgres (lib/db/rows.ts); the geocoder's cache through Prisma, on the primary.
  const db: Pick<Db, '$queryRaw'> = options.db ?? rawReadDb;
  const now = options.now ?? new Date();
  const pageSize = options.pageSize ?? 20;
  const problems = [...(options.problems ?? [])];

  let origin: SearchResponse['origin'] = null;
  let help: PlaceHelp | null = null;
  if (filters.lat !== null && filters.lng !== null) {
    origin = {
      label: filters.ou ?? 'Votre position',
      latitude: filters.lat,
      longitude: filters.lng,
      precision: 'address',
      inseeCode: null,
      departement: null,
      source: 'offline',
      fromPosition: true,
    };
  } else if (filters.ou) {
    // The geocoder writes to its cache: the primary, even when reads go to a replica.
    const answer = await findPlace(options.db ?? primaryDb, filters.ou, db);
    if (answer.point) origin = { ...answer.point, fromPosition: false };
    help = placeHelp(filters.ou, answer.lookup, answer.point !== null);
    // Not found, or found but not placeable (a commune with neither a centre nor places near it).
    if (!answer.point && (!help || answer.lookup.kind === 'found'))
      problems.push(`Nous n’avons pas trouvé « ${filters.ou} ». Essayez un nom de commune ou un code postal.`);
    // A place was asked and could not be placed: the whole country sorted by commune answers
    // nothing the person asked for, and counting and faceting it was the slowest search of all
    // (p50 583 ms on 100,000 places, bench/README.md). The notice and its choices are the answer.
    if (!origin) return { results: [], total: 0, page: 1, pageCount: 1, pageSize, facets: noFacets(), origin: null, placeHelp: help, within: null, problems };
  }

  const ask = { db, filters, now, pageSize, origin, fuzzy: options.fuzzy, facetSets: await matchingFacetSets(db, filters) };
  const found = needsAvailabilityCheck(filters) ? await findAvailable(ask) : origin ? await findAround(ask) : await findNational(ask);

  if (found.total === 0 && filters.q && !options.fuzzy) {
    // Nothing with these exact words: try again tolerating typos.
    return searchPlaces(filters, { ...options, fuzzy: true });
  }

  const ids = found.page.map((c) => c.id);
  const details = ids.length ? await db.$queryRaw<DetailRow[]>(detailQuery(ids, now)) : [];
  const results = pageResults(found.page, details, filters, now);
  return {
    results,
    total: found.total,
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(found.total / pageSize)),
    pageSize,
    facets: found.facets,
    origin,
    placeHelp: help,
    within: found.within,
    problems,
  };
}

/** A json_agg column: parsed by node-postgres, or a string through another driver; NULL when it aggregated nothing. */
const json = <T>(value: T[] | string | null): T[] => (typeof value === 'string' ? (JSON.parse(value) as T[]) : (value ?? []));

type Ask = { db: Pick<Db, '$queryRaw'>; filters: SearchFilters; now: Date; pageSize: number; origin: Origin | null; fuzzy?: boolean; facetSets: FacetSetIds };

function whereOf({ filters, now, fuzzy, facetSets, origin }: Ask): Prisma.Sql {
  const where = Prisma.join(
    [...conditions(filters, { fuzzy, facetSets, aroundPoint: origin !== null }), ...(filters.ateliers ? [upcomingAtelierCondition(now)] : [])],
    ' AND ',
  );
  const prefilter = availabilityPrefilter(filters, now);
  return prefilter ? Prisma.sql`${where} AND ${prefilter}` : where;
}

const scopeOf = (ask: Ask, columns: Prisma.Sql) => scopeSql(columns, whereOf(ask), ask.origin, ask.filters.rayon * 1000);

/**
 * Around a place: the page, the total and the facets in one statement, over one radius scan —
 * first without the itinerant stops' half of the scope, and again with it only when a stop lies
 * near (stopsNear: rare, and the statement says so itself).
 */
async function findAround(ask: Ask): Promise<Found> {
  const { filters, pageSize, origin } = ask;
  const radius = filters.rayon * 1000;
  const statement = (stops: boolean) => Prisma.sql`
    WITH scope AS MATERIALIZED (SELECT * FROM ${scopeSql(Prisma.sql`${KEY_COLUMNS}, ${FACET_COLUMNS}`, whereOf(ask), origin, radius, { stops })}),
    page AS (SELECT p.id, p.distance, p.stop_label, p.stop_commune, p.name FROM scope p ORDER BY p.distance, p.name
      LIMIT ${pageSize} OFFSET ${(filters.page - 1) * pageSize})
    SELECT (SELECT ARRAY[count(*), count(*) FILTER (WHERE distance <= 5000), count(*) FILTER (WHERE distance <= 10000),
        count(*) FILTER (WHERE distance <= 20000)] FROM scope) AS counts,
      (SELECT json_agg(page ORDER BY page.distance, page.name) FROM page) AS page,
      ${setCountsOver(Prisma.sql`scope`)} AS sets${stops ? Prisma.empty : Prisma.sql`, ${stopsNear(origin!, radius)} AS stops_near`}`;
  type Row = { counts: Array<bigint | string>; page: Candidate[] | string | null; sets: SetCount[] | string | null; stops_near?: boolean };
  let [row] = await ask.db.$queryRaw<Row[]>(statement(false));
  if (row.stops_near) [row] = await ask.db.$queryRaw<Row[]>(statement(true));
  // The counts within 5, 10 and 20 km come from the same scan (unmet demand, lib/demand): no query of their own.
  const [total, within5, within10, within20] = row.counts.map(Number);
  const { facets } = await facetsOfSets(ask.db, json(row.sets));
  return { total, page: json(row.page), facets, within: { 5: within5, 10: within10, 20: within20 } };
}

/**
 * Without a place a query can match most of France: the page, and the facets with the number of
 * matches (shown up to a cap), in parallel; both read the narrow covering index. The facets group an
 * integer (the FacetSet), so counting every match costs what the capped count did (bench/README.md, issue #17).
 */
async function findNational(ask: Ask): Promise<Found> {
  const { db, filters, pageSize } = ask;
  if (filters.q) return findNationalByName(ask);
  const [page, [row]] = await Promise.all([
    db.$queryRaw<Candidate[]>`SELECT p.id, p.distance, p.stop_label, p.stop_commune FROM ${scopeOf(ask, KEY_COLUMNS)} ${orderSql(filters, null)}
      LIMIT ${pageSize} OFFSET ${(filters.page - 1) * pageSize}`,
    db.$queryRaw<Array<{ sets: SetCount[] | string | null }>>`SELECT ${setCountsOver(scopeOf(ask, FACET_COLUMNS))} AS sets`,
  ]);
  const { facets, total } = await facetsOfSets(db, json(row.sets));
  return { total: Math.min(total, NATIONAL_COUNT_CAP), page, facets, within: null };
}

/**
 * A name without a place: the trigram index finds the names holding every word (thousands for
 * "Maison" or "Services"), whose rows the page's ranking and the facets both need. One statement
 * over one scan: two parallel statements read and rechecked those rows twice, which made name
 * searches the most expensive of all in PostgreSQL's CPU (bench/README.md, issue #17).
 */
async function findNationalByName(ask: Ask): Promise<Found> {
  const { filters, pageSize } = ask;
  const [row] = await ask.db.$queryRaw<Array<{ page: Candidate[] | string | null; sets: SetCount[] | string | null }>>`
    WITH scope AS MATERIALIZED (SELECT * FROM ${scopeOf(ask, Prisma.sql`${KEY_COLUMNS}, p."nameFolded", ${FACET_COLUMNS}`)}),
    page AS (SELECT p.id, p.distance, p.stop_label, p.stop_commune, p.name, word_similarity(reperes_fold(${filters.q}), p."nameFolded") AS similarity
      FROM scope p ORDER BY similarity DESC, p.name LIMIT ${pageSize} OFFSET ${(filters.page - 1) * pageSize})
    SELECT (SELECT json_agg(page ORDER BY page.similarity DESC, page.name) FROM page) AS page, ${setCountsOver(Prisma.sql`scope`)} AS sets`;
  const { facets, total } = await facetsOfSets(ask.db, json(row.sets));
  return { total: Math.min(total, NATIONAL_COUNT_CAP), page: json(row.page), facets, within: null };
}

/** Every SQL candidate (a superset), then the opening_hours library decides; paginated after. */
async function findAvailable(ask: Ask): Promise<Found> {
  const { filters, pageSize } = ask;
  const rows = await ask.db.$queryRaw<Array<Candidate & HoursRow & { facetSetId: number | null }>>`
    SELECT p.id, p.distance, p.stop_label, p.stop_commune, ${hoursColumns(filters, 'h')}, p."facetSetId"
    FROM ${scopeOf(ask, Prisma.sql`${KEY_COLUMNS}, ${FACET_COLUMNS}`)} JOIN "Place" h ON h.id = p.id
    ${orderSql(filters, ask.origin)} LIMIT 20000`;
  const kept = keepAvailable(rows, filters, ask.now);
  return {
    total: kept.length,
    page: kept.slice((filters.page - 1) * pageSize, filters.page * pageSize),
    facets: (await facetsOfSets(ask.db, await setCountsOf(ask.db, kept))).facets,
    within: ask.origin ? withinOf(kept.map((c) => c.distance)) : null,
  };
}
