// The set-based SQL of an import batch (each statement reads a JSON array of rows with
// jsonb_to_recordset, so a batch of 500 rows is one statement per kind of write), and the JSON
// its rows are turned into.
import { closedOnHolidays } from '../hours';
import { STANDARD_LISTS, type StandardListName } from '../standard/enums';
import { keyOf } from './formats/standard';
import { MERGED_FIELDS, readSources } from './provenance';
import type { ImportedFields } from './types';

/** Every column an import writes: the merged fields, the longitude that goes with `latitude`, and the row's date. */
export const COMPARED = [...MERGED_FIELDS, 'longitude', 'dateMaj'] as const;

/** The enum list of each enum-array field: the database stores the standard's labels. */
export const ENUM_FIELDS: Partial<Record<keyof ImportedFields, StandardListName>> = {
  typologies: 'Typologie',
  itinerance: 'Itinerance',
  services: 'Service',
  publics: 'PublicSpecifiquementAdresse',
  specificSupport: 'PriseEnChargeSpecifique',
  fees: 'FraisACharge',
  programmes: 'DispositifProgrammeNational',
  labels: 'FormationLabel',
  accessModes: 'ModaliteAcces',
  supportModes: 'ModaliteAccompagnement',
};
const TEXT_ARRAYS = new Set<keyof ImportedFields>(['emails', 'websites', 'otherLabels']);
const FLOATS = new Set<keyof ImportedFields>(['latitude', 'longitude']);

const quote = (column: string) => `"${column}"`;
const columnType = (field: keyof ImportedFields) =>
  ENUM_FIELDS[field] || TEXT_ARRAYS.has(field) ? 'text[]' : FLOATS.has(field) ? 'float8' : field === 'dateMaj' ? 'date' : 'text';
const columnValue = (field: keyof ImportedFields) => (ENUM_FIELDS[field] ? `r.${quote(field)}::${quote(ENUM_FIELDS[field]!)}[]` : `r.${quote(field)}`);
const FIELD_DEFS = COMPARED.map((f) => `${quote(f)} ${columnType(f)}`).join(', ');

// A batch's new places in one statement, with what each new place comes with: its creation's
// revision, written by the same statement from the same JSON. A place's weekly hours are the
// row's `week`, the multirange literal of its schedule (hoursWeek, lib/hours/week.ts), written
// as "hoursWeek" and as "openWeek" (a new place has no stops: the two are equal, and the place's
// open-week trigger, migration 20261206183000, is not even called).
// "facetSetId" comes from facet-sets.ts (one lookup per distinct set of the batch): the facet set's
// trigger then checks it instead of computing it (migration 20261206121953_facet_set_given).
// $1: the rows; $2: the source's name; $3: the revisions' author.
export const INSERT_SQL = `
  WITH r AS MATERIALIZED (
    SELECT r.*, r.week::int4multirange AS open_week, row_number() OVER () AS n
    FROM jsonb_to_recordset($1::jsonb)
      AS r(slug text, status text, "sourceId" text, ${FIELD_DEFS}, "closedOnHolidays" boolean, "locationApproximate" boolean, "fieldSources" jsonb, week text, "facetSetId" int, line int)
  ), created AS (
    INSERT INTO "Place" (id, slug, status, "sourceName", "sourceId", ${COMPARED.map(quote).join(', ')}, "closedOnHolidays", "locationApproximate", "fieldSources", "archivedAt", "updatedAt", "hoursWeek", "openWeek", "facetSetId")
    SELECT gen_random_uuid(), r.slug, r.status::"PlaceStatus", $2, r."sourceId", ${COMPARED.map(columnValue).join(', ')}, r."closedOnHolidays",
           coalesce(r."locationApproximate", false), r."fieldSources", CASE WHEN r.status = 'archived' THEN now() END, now(),
           r.open_week, r.open_week, r."facetSetId"
    FROM r ORDER BY r.n
    ON CONFLICT ("sourceName", "sourceId") DO NOTHING
    RETURNING id, "sourceId"
  ), revisions AS (
    INSERT INTO "PlaceRevision" (id, "placeId", kind, "authorLabel", changes, reason, "baseVersion")
    SELECT gen_random_uuid(), c.id, 'import', $3, '{}'::jsonb, 'Création par l’import ' || $2 || ' (ligne ' || r.line || ')', NULL
    FROM created c JOIN r ON r."sourceId" = c."sourceId"
    ORDER BY r.n
  )
  SELECT id::text AS id, "sourceId" FROM created`;

// A changed place's weekly hours come with it (`week`): unchanged hours write the same value, and
// the place's trigger recomputes "openWeek" (with its stops') only when they changed.
export const UPDATE_SQL = `
  UPDATE "Place" p SET ${COMPARED.map((f) => `${quote(f)} = ${columnValue(f)}`).join(', ')},
    "closedOnHolidays" = r."closedOnHolidays", "locationApproximate" = coalesce(r."locationApproximate", false), "fieldSources" = r."fieldSources",
    status = CASE WHEN r.status IS NULL THEN p.status ELSE r.status::"PlaceStatus" END,
    "archivedAt" = CASE WHEN r.status IS NULL THEN p."archivedAt" WHEN r.status = 'archived' THEN now() ELSE NULL END,
    version = p.version + 1, "updatedAt" = now(), "facetSetId" = r."facetSetId", "hoursWeek" = r.week::int4multirange
  FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, status text, ${FIELD_DEFS}, "closedOnHolidays" boolean, "locationApproximate" boolean, "fieldSources" jsonb, "facetSetId" int, week text)
  WHERE p.id = r.id`;

/** Provenance that changed while no value did (a source confirming a value another gave): no new version. */
export const PROVENANCE_SQL = `
  UPDATE "Place" p SET "fieldSources" = r."fieldSources"
  FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, "fieldSources" jsonb) WHERE p.id = r.id`;

export const LINKS_SQL = `
  INSERT INTO "PlaceSourceLink" ("sourceName", "sourceId", "placeId")
  SELECT $2, r."sourceId", r."placeId" FROM jsonb_to_recordset($1::jsonb) AS r("sourceId" text, "placeId" uuid)
  ON CONFLICT ("sourceName", "sourceId") DO UPDATE SET "placeId" = excluded."placeId"`;

// The commune's centre for rows without coordinates: by INSEE code, else by postcode and name.
export const COMMUNE_CENTRE_SQL = `
  SELECT r.i, c.latitude, c.longitude
  FROM jsonb_to_recordset($1::jsonb) AS r(i int, insee text, postcode text, commune text)
  CROSS JOIN LATERAL (
    SELECT c.latitude, c.longitude FROM "Commune" c
    WHERE c.latitude IS NOT NULL AND c.longitude IS NOT NULL
      AND (c."inseeCode" = r.insee
           OR (c.departement = CASE WHEN r.postcode LIKE '97%' THEN left(r.postcode, 3) WHEN r.postcode LIKE '20%' THEN c.departement ELSE left(r.postcode, 2) END
               AND r.postcode = ANY(c.postcodes) AND public.reperes_fold(c.name) = public.reperes_fold(r.commune)))
    ORDER BY (c."inseeCode" = r.insee) DESC
    LIMIT 1
  ) c`;

export const REVISIONS_SQL = `
  INSERT INTO "PlaceRevision" (id, "placeId", kind, "authorLabel", changes, reason, "baseVersion")
  SELECT gen_random_uuid(), r."placeId", r.kind::"RevisionKind", $2, r.changes, r.reason, r."baseVersion"
  FROM jsonb_to_recordset($1::jsonb) AS r("placeId" uuid, kind text, changes jsonb, reason text, "baseVersion" int)`;

// Places of other sources that may be the same: in the same postcode (index lookups per row),
// with a similar name or within 300 m; the three best by name similarity.
export const CANDIDATES_SQL = `
  SELECT r.i, m.id::text AS id, m.name, m.slug, m.sim, m.dist, m.same_address
  FROM jsonb_to_recordset($1::jsonb) AS r(i int, name text, street text, postcode text, lat float8, lng float8)
  CROSS JOIN LATERAL (
    SELECT * FROM (
      SELECT p.id, p.name, p.slug,
        similarity(public.reperes_fold(p.name), public.reperes_fold(r.name))::float8 AS sim,
        CASE WHEN r.lat IS NOT NULL AND p.latitude IS NOT NULL
          THEN public.earth_distance(public.reperes_earth(r.lat, r.lng), public.reperes_earth(p.latitude, p.longitude)) END AS dist,
        similarity(public.reperes_fold(p.street), public.reperes_fold(r.street)) >= 0.6 AS same_address
      FROM "Place" p
      -- "sourceName" IS DISTINCT FROM $2, written as three ranges of the (postcode, sourceName) index:
      -- the places of the source being imported are never read, however many share a postcode.
      WHERE p.postcode = r.postcode AND (p."sourceName" < $2 OR p."sourceName" > $2 OR p."sourceName" IS NULL) AND p.status <> 'archived'
        -- a fictional demonstration place is never the same place as a real one
        AND NOT p.demo
        -- A coordinator's import never compares drafts of other networks (nor mentions them).
        AND ($3::boolean OR p.status = 'published'
             OR EXISTS (SELECT 1 FROM "NetworkMembership" m WHERE m."placeId" = p.id AND m."networkId" = $4::uuid))
    ) c
    WHERE c.sim >= 0.3 OR c.dist <= 300 OR c.same_address
    ORDER BY c.sim DESC
    LIMIT 3
  ) m`;

/** A place's fields as the JSON the SQL above reads: enum keys become the standard's labels, null values are left out. */
export function record(fields: Pick<ImportedFields, (typeof COMPARED)[number]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of COMPARED) {
    const value = fields[field];
    const list = ENUM_FIELDS[field];
    if (list) out[field] = labelsOf(list, value as string[]);
    // A missing key reads as NULL in jsonb_to_recordset: the nulls (a third of a row's fields) are not sent.
    else if (value !== null) out[field] = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  }
  out.closedOnHolidays = closedOnHolidays(fields.openingHours);
  return out;
}

/**
 * The standard's labels of a list's keys. A file's rows share a few dozen combinations of each
 * list: each combination's labels are one array, remembered (within a bound) and never changed,
 * instead of a new array for every list of every row.
 */
function labelsOf(list: StandardListName, keys: string[]): string[] {
  if (keys.length === 0) return NO_LABELS;
  const id = `${list}|${keys.join('|')}`;
  let labels = LABELS.get(id);
  if (!labels) {
    labels = Object.freeze(keys.map((key) => (STANDARD_LISTS[list] as Record<string, string>)[key])) as string[];
    if (LABELS.size >= 5000) LABELS.clear();
    LABELS.set(id, labels);
  }
  return labels;
}
const LABELS = new Map<string, string[]>();
const NO_LABELS = Object.freeze([]) as unknown as string[];

// The two lookups by (source, id) below probe the unique key once per id of the batch (a LATERAL
// subquery with LIMIT 1, which the planner cannot flatten): as `"sourceName" = $1 AND "sourceId" =
// ANY($2)`, a table whose statistics lag behind the import (a first import, autovacuum off or not
// yet run) was read by its "sourceName" alone — every place of the source, for each batch: 209 ms
// at 100,000 places instead of 4 ms.

/** This source's own places among a batch's ids. */
export const OWN_SQL = `
  SELECT p.id::text AS id, p."sourceId", upper(p.status::text) AS status
  FROM unnest($2::text[]) AS s(id)
  CROSS JOIN LATERAL (SELECT id, "sourceId", status FROM "Place" WHERE "sourceName" = $1 AND "sourceId" = s.id LIMIT 1) p`;

/** The places this source's rows completed before (links), among a batch's ids. */
export const LINKED_SQL = `
  SELECT l."sourceId", l."placeId"::text AS "placeId"
  FROM unnest($2::text[]) AS s(id)
  CROSS JOIN LATERAL (SELECT "sourceId", "placeId" FROM "PlaceSourceLink" WHERE "sourceName" = $1 AND "sourceId" = s.id LIMIT 1) l`;

/** The existing places a batch may change, locked in one ordered statement (no deadlock between batches written at the same time). */
export const LOCK_SQL = `SELECT id FROM "Place" WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`;

const targetColumn = (field: (typeof COMPARED)[number]) =>
  ENUM_FIELDS[field] || TEXT_ARRAYS.has(field)
    ? `coalesce(p.${quote(field)}::text[], '{}') AS ${quote(field)}`
    : field === 'dateMaj'
      ? `p."dateMaj"::text AS "dateMaj"`
      : `p.${quote(field)}`;

/** What an existing place looks like to the merge: its compared fields, provenance, status and networks. */
export const TARGETS_SQL = `
  SELECT p.id::text AS id, p.version, upper(p.status::text) AS status, p."sourceName", p."sourceId", p."fieldSources", p."locationApproximate",
    ARRAY(SELECT m."networkId"::text FROM "NetworkMembership" m WHERE m."placeId" = p.id) AS "networkIds",
    ${COMPARED.map(targetColumn).join(', ')}
  FROM "Place" p WHERE p.id = ANY($1::uuid[])`;

export type Target = Record<string, unknown> & {
  id: string;
  version: number;
  status: string;
  sourceName: string | null;
  sourceId: string | null;
  fieldSources: unknown;
  locationApproximate: boolean;
  dateMaj: Date;
  networks: Array<{ networkId: string }>;
};

/** A row of TARGETS_SQL in the importer's terms: list keys instead of the standard's labels, the date as a Date. */
export function targetOf(row: Record<string, unknown>): Target {
  const { networkIds, ...place } = row as Record<string, unknown> & { networkIds: string[] };
  for (const [field, list] of Object.entries(ENUM_FIELDS) as Array<[keyof ImportedFields, StandardListName]>) {
    place[field] = (place[field] as string[]).map((label) => keyOf(list, label) ?? label);
  }
  place.dateMaj = new Date(`${place.dateMaj as string}T00:00:00Z`);
  place.fieldSources = readSources(place.fieldSources);
  return { ...(place as Target), networks: networkIds.map((networkId) => ({ networkId })) };
}

export const MEMBERS_SQL = `
  INSERT INTO "NetworkMembership" ("placeId", "networkId") SELECT value::uuid, $2::uuid FROM jsonb_array_elements_text($1::jsonb) ON CONFLICT DO NOTHING`;

export type Flag = { placeId: string; otherId: string; score: number; details: unknown };

export async function insertFlags(sql: { $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number> }, flags: Flag[], sourceName: string) {
  if (!flags.length) return;
  await sql.$executeRawUnsafe(
    `INSERT INTO "PlaceDuplicate" (id, "placeId", "otherId", score, details, "sourceName")
     SELECT gen_random_uuid(), r."placeId", r."otherId", r.score, r.details, $2 FROM jsonb_to_recordset($1::jsonb) AS r("placeId" uuid, "otherId" uuid, score float8, details jsonb)
     ON CONFLICT ("placeId", "otherId") DO NOTHING`,
    JSON.stringify(flags),
    sourceName,
  );
}
