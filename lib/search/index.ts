// The resident's search: one function from a validated filter object to a page of results and
// facet counts. SQL does the heavy lifting with the foundation's indexes (earthdistance GiST for
// the radius, GIN on the standard's lists, trigrams on names); availability ("open now", "on
// Saturday", "Tuesday morning") is pre-filtered in SQL on the weekly opening slots and decided by
// the opening_hours library, in each place's own time zone.
import 'server-only';
import { Prisma, type PrismaClient } from '@prisma/client';
import { db as primaryDb, readDb } from '@/lib/db';
import { findPlace, type GeoPoint } from '@/lib/geo';
import { placeHelp, type PlaceHelp } from '@/lib/geo/help';
import { instantAt, isOpenAt, isOpenBetween, openingStateAt, wallTimeIn, type OpeningState } from '@/lib/hours';
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
import { PLACE_TYPES, SERVICE_PLAIN, SUPPORT_MODE_PLAIN } from '@/lib/standard/plain-words';
import { DAYS, HALF_DAYS, type SearchFilters } from './filters';

export type PlaceResult = {
  id: string;
  slug: string;
  name: string;
  typologies: string[];
  street: string;
  postcode: string;
  commune: string;
  latitude: number | null;
  longitude: number | null;
  distanceKm: number | null;
  matchedStop: { label: string; commune: string } | null;
  itinerant: boolean;
  services: Array<keyof typeof SERVICE_LABELS>;
  fees: Array<keyof typeof FEE_LABELS>;
  accessModes: Array<keyof typeof ACCESS_MODE_LABELS>;
  openingState: OpeningState;
  temporaryClosure: { from: string | null; until: string | null; message: string | null } | null;
  matchedCriteria: string[];
  phone: string | null;
  /** A fictional place of the demonstration data set (said on its card). */
  demo: boolean;
};

export type Facets = Record<'besoin' | 'frais' | 'accompagnement' | 'acces' | 'public' | 'prise_en_charge' | 'dispositif' | 'type', Record<string, number>>;

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
  problems: string[];
};

type Db = Pick<PrismaClient, '$queryRaw' | 'geocodeCache'>;

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

type ListKey = keyof typeof LIST_COLUMNS;

function reverse(labels: Record<string, string>) {
  return new Map(Object.entries(labels).map(([key, label]) => [label, key]));
}
/** Standard label → Prisma key, for every list a facet counts (built once). */
const FACET_KEYS = Object.fromEntries(Object.entries(LIST_COLUMNS).map(([facet, { labels }]) => [facet, reverse(labels)])) as Record<ListKey, Map<string, string>>;
const SERVICE_KEYS = FACET_KEYS.besoin;
const FEE_KEYS = FACET_KEYS.frais;
const ACCESS_KEYS = FACET_KEYS.acces;

/** WHERE conditions shared by the result and facet queries (place alias `p`). */
export function conditions(filters: SearchFilters, options: { fuzzy?: boolean } = {}): Prisma.Sql[] {
  const where: Prisma.Sql[] = [Prisma.sql`p.status = 'published'`];
  for (const key of Object.keys(LIST_COLUMNS) as ListKey[]) {
    const selected = filters[key] as string[];
    if (!selected.length) continue;
    const { column, type, labels } = LIST_COLUMNS[key];
    const values = selected.map((k) => (labels as Record<string, string>)[k]);
    // Several values of one family: any of them (facet semantics); families combine with AND.
    where.push(Prisma.sql`p.${Prisma.raw(`"${column}"`)} && ${values}::${Prisma.raw(`"${type}"[]`)}`);
  }
  if (filters.type.length) {
    const codes = filters.type.flatMap((slug) => PLACE_TYPES[slug].codes as readonly string[]);
    where.push(Prisma.sql`p.typologies && ${codes}::"Typologie"[]`);
  }
  if (filters.itinerance === 'itinerant') where.push(Prisma.sql`'Itinérant' = ANY(p.itinerance)`);
  if (filters.itinerance === 'fixe') where.push(Prisma.sql`NOT ('Itinérant' = ANY(p.itinerance))`);
  if (filters.reseau) {
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "NetworkMembership" m JOIN "Network" n ON n.id = m."networkId" WHERE m."placeId" = p.id AND n.slug = ${filters.reseau})`);
  }
  if (filters.q) {
    const words = filters.q.split(/[\s,;'’-]+/).filter((w) => w.length >= 2).slice(0, 8);
    if (options.fuzzy) {
      // Typo tolerance, used when the exact words found nothing: trigram word similarity.
      where.push(Prisma.sql`reperes_fold(p.name) %> reperes_fold(${filters.q})`);
    } else if (words.length) {
      // Every word, anywhere in the name, accents ignored (trigram GIN index).
      for (const word of words) where.push(Prisma.sql`reperes_fold(p.name) LIKE '%' || reperes_fold(${word}) || '%'`);
    }
  }
  return where;
}

/**
 * A superset of the places available as asked, from the weekly slots in local time of each place:
 * `openWeek` holds them as minutes of the week (ISO weekday 1–7 → (weekday − 1) × 1440 + minute).
 */
function availabilityPrefilter(filters: SearchFilters, now: Date): Prisma.Sql | null {
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

function needsAvailabilityCheck(filters: SearchFilters) {
  return filters.ouvert !== null || filters.creneau.length > 0;
}

/** The next date (in the place's zone) of an ISO weekday, today included. */
function nextWeekday(timeZone: string, now: Date, isoWeekday: number) {
  const today = wallTimeIn(timeZone, now);
  const todayIso = ((new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay() + 6) % 7) + 1;
  const offset = (isoWeekday - todayIso + 7) % 7;
  const date = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

type HoursRow = { openingHours: string | null; timeZone: string; stopHours: string[] | null };

/** The opening_hours library decides, for one place (or any of its stops). */
function availableAsAsked(row: HoursRow, filters: SearchFilters, now: Date): boolean {
  const schedules = [row.openingHours, ...(row.stopHours ?? [])].filter((h): h is string => !!h);
  const tz = row.timeZone;
  const test = (check: (hours: string) => boolean) => schedules.some(check);
  if (filters.ouvert?.kind === 'now' && !test((h) => isOpenAt(h, tz, now))) return false;
  if (filters.ouvert?.kind === 'at') {
    const [date, time] = filters.ouvert.local.split('T');
    const [y, m, d] = date.split('-').map(Number);
    const [hh, mm] = time.split(':').map(Number);
    const at = instantAt(tz, y, m, d, hh, mm);
    if (!test((h) => isOpenAt(h, tz, at))) return false;
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

/** Beyond this many matches, a search without a place says "plus de 10 000 lieux". */
export const NATIONAL_COUNT_CAP = 10_001;

type Candidate = { id: string; distance: number | null; stop_label: string | null; stop_commune: string | null; total?: bigint };

// Lists are NULL when a row was written without them: read them as empty arrays.
const list = (column: string) => Prisma.raw(`coalesce(p."${column}"::text[], '{}')`);
const DETAIL_COLUMNS = Prisma.sql`p.id, p.slug, p.name, ${list('typologies')} AS typologies, p.street, p.postcode, p.commune,
  p.latitude, p.longitude, ${list('itinerance')} AS itinerance, ${list('services')} AS services, ${list('fees')} AS fees,
  ${list('accessModes')} AS access_modes, ${list('publics')} AS publics, ${list('specificSupport')} AS specific_support,
  ${list('supportModes')} AS support_modes, p."openingHours" AS opening_hours, p."timeZone" AS time_zone, p.phone,
  p."closedFrom" AS closed_from, p."closedUntil" AS closed_until, p."closureMessage" AS closure_message, p.demo`;

type DetailRow = {
  id: string;
  slug: string;
  name: string;
  typologies: string[];
  street: string;
  postcode: string;
  commune: string;
  latitude: number | null;
  longitude: number | null;
  itinerance: string[];
  services: string[];
  fees: string[];
  access_modes: string[];
  publics: string[];
  specific_support: string[];
  support_modes: string[];
  opening_hours: string | null;
  time_zone: string;
  phone: string | null;
  closed_from: Date | null;
  closed_until: Date | null;
  closure_message: string | null;
  demo: boolean;
};

// reperes_earth(p.latitude, p.longitude) written out: the same point, but PostgreSQL inlines this
// expression, while the function (whose domain cast is not strict) is called row by row, about
// 5 µs each. The index condition keeps the function, to match the index.
const EARTH_POINT = Prisma.raw(
  'public.cube(ARRAY[public.earth() * cos(radians(p.latitude)) * cos(radians(p.longitude)), public.earth() * cos(radians(p.latitude)) * sin(radians(p.longitude)), public.earth() * sin(radians(p.latitude))])',
);

export async function searchPlaces(
  filters: SearchFilters,
  options: { now?: Date; pageSize?: number; db?: Db; problems?: string[]; fuzzy?: boolean } = {},
): Promise<SearchResponse> {
  const db = options.db ?? readDb;
  const now = options.now ?? new Date();
  const pageSize = options.pageSize ?? 20;
  const problems = [...(options.problems ?? [])];

  let origin: SearchResponse['origin'] = null;
  let help: PlaceHelp | null = null;
  if (filters.lat !== null && filters.lng !== null) {
    origin = { label: filters.ou ?? 'Votre position', latitude: filters.lat, longitude: filters.lng, precision: 'address', inseeCode: null, departement: null, source: 'offline', fromPosition: true };
  } else if (filters.ou) {
    // The geocoder writes to its cache: the primary, even when reads go to a replica.
    const answer = await findPlace(options.db ?? primaryDb, filters.ou);
    if (answer.point) origin = { ...answer.point, fromPosition: false };
    help = placeHelp(filters.ou, answer.lookup, answer.point !== null);
    // Not found, or found but not placeable (a commune with neither a centre nor places near it).
    if (!answer.point && (!help || answer.lookup.kind === 'found')) problems.push(`Nous n’avons pas trouvé « ${filters.ou} ». Essayez un nom de commune ou un code postal.`);
    // A place was asked and could not be placed: the whole country sorted by commune answers
    // nothing the person asked for, and counting and faceting it was the slowest search of all
    // (p50 583 ms on 100,000 places, bench/README.md). The notice and its choices are the answer.
    if (!origin) return { results: [], total: 0, page: 1, pageCount: 1, pageSize, facets: noFacets(), origin: null, placeHelp: help, problems };
  }

  const where = Prisma.join(conditions(filters, { fuzzy: options.fuzzy }), ' AND ');
  const prefilter = availabilityPrefilter(filters, now);
  const whereAll = prefilter ? Prisma.sql`${where} AND ${prefilter}` : where;
  const radius = filters.rayon * 1000;
  const point = origin ? Prisma.sql`reperes_earth(${origin.latitude}::float8, ${origin.longitude}::float8)` : null;

  // The places that match, as a table `p` of the given columns plus distance, stop_label and
  // stop_commune. With a place: those (or the stops of itinerant places) within the radius, each at
  // its nearest point. The columns are read in the radius scan itself, not by joining back to
  // "Place" afterwards (one index lookup per candidate saved).
  const scope = (columns: Prisma.Sql) =>
    point
      ? Prisma.sql`(SELECT DISTINCT ON (id) * FROM (
          SELECT ${columns}, sec_to_gc(cube_distance(${EARTH_POINT}, ${point})) AS distance, NULL::text AS stop_label, NULL::text AS stop_commune
          FROM "Place" p
          WHERE p.latitude IS NOT NULL AND p.longitude IS NOT NULL AND earth_box(${point}, ${radius}::float8) @> reperes_earth(p.latitude, p.longitude)
            AND sec_to_gc(cube_distance(${EARTH_POINT}, ${point})) <= ${radius}::float8 AND ${whereAll}
          UNION ALL
          SELECT ${columns}, earth_distance(reperes_earth(s.latitude, s.longitude), ${point}), s.label, s.commune
          FROM "PlaceStop" s JOIN "Place" p ON p.id = s."placeId"
          WHERE earth_box(${point}, ${radius}::float8) @> reperes_earth(s.latitude, s.longitude)
            AND earth_distance(reperes_earth(s.latitude, s.longitude), ${point}) <= ${radius}::float8 AND ${whereAll}
        ) AS hits ORDER BY id, distance) AS p`
      : Prisma.sql`(SELECT ${columns}, NULL::float8 AS distance, NULL::text AS stop_label, NULL::text AS stop_commune FROM "Place" p WHERE ${whereAll}) AS p`;
  const order = point
    ? Prisma.sql`ORDER BY p.distance, p.name`
    : filters.q
      ? Prisma.sql`ORDER BY word_similarity(reperes_fold(${filters.q}), reperes_fold(p.name)) DESC, p.name`
      : Prisma.sql`ORDER BY p.commune, p.name`;
  const KEY_COLUMNS = Prisma.sql`p.id, p.name, p.commune`;

  let total: number;
  let pageCandidates: Candidate[];
  let facetsPromise: Promise<Facets> | null = null;
  if (needsAvailabilityCheck(filters)) {
    // Every SQL candidate, then the opening_hours library decides; paginate after.
    const rows = await db.$queryRaw<Array<Candidate & HoursRow & FacetLists>>`
      SELECT p.id, p.distance, p.stop_label, p.stop_commune, p."openingHours", p."timeZone", p."stopHours", p.facet_values
      FROM ${scope(Prisma.sql`${KEY_COLUMNS}, p."openingHours" AS "openingHours", p."timeZone" AS "timeZone",
        (SELECT array_agg(ps."openingHours") FROM "PlaceStop" ps WHERE ps."placeId" = p.id AND ps."openingHours" IS NOT NULL) AS "stopHours",
        ${FACET_LISTS}`)}
      ${order} LIMIT 20000`;
    // Many places share the same hours: decide once per distinct schedule and zone.
    const decided = new Map<string, boolean>();
    const kept = rows.filter((row) => {
      const key = `${row.timeZone}|${row.openingHours ?? ''}|${(row.stopHours ?? []).join('|')}`;
      let open = decided.get(key);
      if (open === undefined) decided.set(key, (open = availableAsAsked(row, filters, now)));
      return open;
    });
    total = kept.length;
    facetsPromise = Promise.resolve(facetsFromLists(kept));
    pageCandidates = kept.slice((filters.page - 1) * pageSize, filters.page * pageSize);
  } else {
    // The facet counts do not depend on the page: start them at the same time.
    facetsPromise = facetCounts(db, scope(FACET_COLUMNS));
    const keys = scope(KEY_COLUMNS);
    if (point) {
      pageCandidates = await db.$queryRaw<Candidate[]>`
        SELECT p.id, p.distance, p.stop_label, p.stop_commune, count(*) OVER () AS total
        FROM ${keys} ${order}
        LIMIT ${pageSize} OFFSET ${(filters.page - 1) * pageSize}`;
      total = Number(pageCandidates[0]?.total ?? 0);
      if (pageCandidates.length === 0 && filters.page > 1) {
        const [count] = await db.$queryRaw<Array<{ total: bigint }>>`SELECT count(*) AS total FROM ${keys}`;
        total = Number(count.total);
      }
    } else {
      // Without a place, a query can match most of France: count up to a cap, in parallel with
      // the page, instead of numbering every match.
      const [page, [count]] = await Promise.all([
        db.$queryRaw<Candidate[]>`
          SELECT p.id, p.distance, p.stop_label, p.stop_commune
          FROM ${keys} ${order}
          LIMIT ${pageSize} OFFSET ${(filters.page - 1) * pageSize}`,
        db.$queryRaw<Array<{ total: bigint }>>`SELECT count(*) AS total FROM (SELECT 1 FROM ${keys} LIMIT ${NATIONAL_COUNT_CAP}) AS capped`,
      ]);
      pageCandidates = page;
      total = Number(count.total);
    }
  }

  if (total === 0 && filters.q && !options.fuzzy) {
    await facetsPromise?.catch(() => undefined);
    // Nothing with these exact words: try again tolerating typos.
    return searchPlaces(filters, { ...options, fuzzy: true });
  }

  const ids = pageCandidates.map((c) => c.id);
  const [details, facets] = await Promise.all([
    ids.length ? db.$queryRaw<DetailRow[]>`SELECT ${DETAIL_COLUMNS} FROM "Place" p WHERE p.id = ANY(${ids}::uuid[])` : Promise.resolve([]),
    facetsPromise,
  ]);
  const byId = new Map(details.map((d) => [d.id, d]));
  const results = pageCandidates
    .map((candidate) => {
      const row = byId.get(candidate.id);
      return row ? toResult(row, candidate, filters, now) : null;
    })
    .filter((r): r is PlaceResult => r !== null);

  return { results, total, page: filters.page, pageCount: Math.max(1, Math.ceil(total / pageSize)), pageSize, facets, origin, placeHelp: help, problems };
}

async function facetCounts(db: Db, scope: Prisma.Sql): Promise<Facets> {
  const rows = await db.$queryRaw<Array<{ facet: string; value: string; count: bigint }>>`
    WITH scope AS (SELECT * FROM ${scope})
    ${FACET_COUNTS}`;
  return facetsOf(rows);
}

type FacetLists = { facet_values: string };

// The facet families, in the order FACET_LISTS writes them.
const FACET_FAMILIES = [
  ['besoin', 'services'],
  ['frais', 'fees'],
  ['accompagnement', 'supportModes'],
  ['acces', 'accessModes'],
  ['public', 'publics'],
  ['prise_en_charge', 'specificSupport'],
  ['dispositif', 'programmes'],
  ['type', 'typologies'],
] as const;

/** The columns facetCounts() reads, under their own names. */
const FACET_COLUMNS = Prisma.raw(`p.id, p.name, p.commune, ${FACET_FAMILIES.map(([, column]) => `p."${column}"`).join(', ')}`);

/** One count per facet value over `scope`. */
const FACET_COUNTS = Prisma.raw(
  FACET_FAMILIES.map(([facet, column]) => `SELECT '${facet}' AS facet, v::text AS value, count(*) AS count FROM scope, unnest(scope."${column}") v GROUP BY 1, 2`).join('\n    UNION ALL '),
);

/**
 * The lists the facets count, read with the candidates when the opening hours decide in
 * JavaScript: one string per row (families split by U+001E, values by U+001F), which JavaScript
 * splits several times faster than the driver parses eight PostgreSQL arrays.
 */
const FACET_LISTS = Prisma.raw(
  `concat_ws(E'\\x1e', ${FACET_FAMILIES.map(([, column]) => `coalesce(array_to_string(p."${column}"::text[], E'\\x1f'), '')`).join(', ')}) AS facet_values`,
);

/** The same counts as facetCounts(), from rows already read (no second query over the kept places). */
function facetsFromLists(rows: FacetLists[]): Facets {
  const counts = FACET_FAMILIES.map(() => new Map<string, number>());
  for (const row of rows) {
    const families = row.facet_values.split('\x1e');
    for (let i = 0; i < counts.length; i++) {
      if (!families[i]) continue;
      const count = counts[i];
      for (const value of families[i].split('\x1f')) count.set(value, (count.get(value) ?? 0) + 1);
    }
  }
  return facetsOf(FACET_FAMILIES.flatMap(([facet], i) => [...counts[i]].map(([value, count]) => ({ facet, value, count: BigInt(count) }))));
}

function noFacets(): Facets {
  return { besoin: {}, frais: {}, accompagnement: {}, acces: {}, public: {}, prise_en_charge: {}, dispositif: {}, type: {} };
}

function facetsOf(rows: Array<{ facet: string; value: string; count: bigint }>): Facets {
  const facets: Facets = { besoin: {}, frais: {}, accompagnement: {}, acces: {}, public: {}, prise_en_charge: {}, dispositif: {}, type: {} };

  for (const row of rows) {
    const facet = row.facet as keyof Facets;
    if (facet === 'type') {
      for (const [slug, type] of Object.entries(PLACE_TYPES)) {
        if ((type.codes as readonly string[]).includes(row.value)) facets.type[slug] = (facets.type[slug] ?? 0) + Number(row.count);
      }
      continue;
    }
    const key = FACET_KEYS[facet as ListKey]?.get(row.value);
    if (key) facets[facet][key] = Number(row.count);
  }
  return facets;
}

function toResult(row: DetailRow, candidate: Candidate, filters: SearchFilters, now: Date): PlaceResult {
  const services = row.services.map((s) => SERVICE_KEYS.get(s)).filter(Boolean) as PlaceResult['services'];
  const fees = row.fees.map((s) => FEE_KEYS.get(s)).filter(Boolean) as PlaceResult['fees'];
  const accessModes = row.access_modes.map((s) => ACCESS_KEYS.get(s)).filter(Boolean) as PlaceResult['accessModes'];
  const today = now.toISOString().slice(0, 10);
  const closedFrom = row.closed_from?.toISOString().slice(0, 10) ?? null;
  const closedUntil = row.closed_until?.toISOString().slice(0, 10) ?? null;
  const closedNow = (closedFrom !== null || closedUntil !== null) && (closedFrom ?? today) <= today && today <= (closedUntil ?? today);
  const state = closedNow ? { status: 'closed' as const, nextChange: null, comment: row.closure_message } : openingStateAt(row.opening_hours, row.time_zone, now);
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    typologies: row.typologies,
    street: row.street,
    postcode: row.postcode,
    commune: row.commune,
    latitude: row.latitude,
    longitude: row.longitude,
    distanceKm: candidate.distance === null ? null : candidate.distance / 1000,
    matchedStop: candidate.stop_label ? { label: candidate.stop_label, commune: candidate.stop_commune ?? '' } : null,
    itinerant: row.itinerance.includes('Itinérant'),
    services,
    fees,
    accessModes,
    openingState: state,
    temporaryClosure: closedNow || (closedFrom !== null && closedFrom > today) ? { from: closedFrom, until: closedUntil, message: row.closure_message } : null,
    matchedCriteria: matchedCriteria(row, filters),
    phone: row.phone,
    demo: row.demo,
  };
}

/** Plain-French reasons why a place answers the search ("Pourquoi ce lieu"). */
function matchedCriteria(row: DetailRow, filters: SearchFilters): string[] {
  const reasons: string[] = [];
  for (const key of filters.besoin) if (row.services.includes(SERVICE_LABELS[key])) reasons.push(SERVICE_PLAIN[key].label);
  for (const key of filters.frais) if (row.fees.includes(FEE_LABELS[key])) reasons.push(FEE_LABELS[key]);
  for (const key of filters.prise_en_charge) if (row.specific_support.includes(SPECIFIC_SUPPORT_LABELS[key])) reasons.push(SPECIFIC_SUPPORT_LABELS[key]);
  for (const key of filters.public) if (row.publics.includes(PUBLIC_LABELS[key])) reasons.push(`Public : ${PUBLIC_LABELS[key]}`);
  for (const key of filters.accompagnement) if (row.support_modes.includes(SUPPORT_MODE_LABELS[key])) reasons.push(SUPPORT_MODE_PLAIN[key]);
  for (const key of filters.acces) if (row.access_modes.includes(ACCESS_MODE_LABELS[key])) reasons.push(ACCESS_MODE_LABELS[key]);
  if (filters.ouvert?.kind === 'now') reasons.push('Ouvert maintenant');
  if (filters.ouvert?.kind === 'saturday') reasons.push('Ouvert le samedi');
  if (filters.ouvert?.kind === 'at') reasons.push('Ouvert au moment choisi');
  if (filters.creneau.length) {
    reasons.push(`Ouvert ${filters.creneau.map((s) => `le ${s.day} ${s.halfDay === 'matin' ? 'matin' : 'après-midi'}`).join(' ou ')}`);
  }
  return reasons;
}
