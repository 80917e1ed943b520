// Facet counts: how many of the places a search finds offer each value of each list (needs, fees,
// publics…), shown beside the filters. The search counts its places by FacetSet (in SQL over its
// scope, or in JavaScript over the rows the opening hours decided); the sets' lists are added up here.
import 'server-only';
import { Prisma } from '@prisma/client';
import { prepared } from '@/lib/db/prepared';
import { PLACE_TYPES } from '@/lib/standard/plain-words';
import { FACET_KEYS, type ListKey } from './query';

export type Facets = Record<'besoin' | 'frais' | 'accompagnement' | 'acces' | 'public' | 'prise_en_charge' | 'dispositif' | 'type', Record<string, number>>;

export type FacetRow = { facet: string; value: string; count: bigint | number };

// The facet families: the search's name for each, and the FacetSet's column.
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

/** The column the facets are counted by (place alias `p`): the place's FacetSet, its combination of lists. */
export const FACET_COLUMNS = Prisma.raw('p."facetSetId"');

/**
 * How many places of a search hold each FacetSet, with the set's fingerprint (`key`; id and key null
 * for places without a set, counted in the total only).
 */
export type SetCount = { id: number | null; key: string | null; n: number };

/** The SetCounts over the relation `scope` (which has the FACET_COLUMNS), as a json_agg. */
export function setCountsOver(scope: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT json_agg(c) FROM (SELECT counts.id, s.key, counts.n
    FROM (SELECT "facetSetId" AS id, count(*)::int AS n FROM ${scope} GROUP BY 1) AS counts LEFT JOIN "FacetSet" s ON s.id = counts.id) AS c)`;
}

type FacetSetLists = Record<(typeof FACET_FAMILIES)[number][1], string[]>;

// The lists of each FacetSet, by its fingerprint. Sets are only ever added to (prisma/schema.prisma),
// so a set read once stays true for the life of the process; keyed by fingerprint rather than id,
// an id reused after a restore or a test's reset cannot give another set's lists. A few hundred exist.
const knownSets = new Map<string, FacetSetLists>();

const SET_COLUMNS = Prisma.raw(FACET_FAMILIES.map(([, column]) => `coalesce(s."${column}"::text[], '{}') AS "${column}"`).join(', '));

type Db = { $queryRaw<T>(query: Prisma.Sql): Promise<T> };

/**
 * The facets of a search and its number of places, from its SetCounts: each set's lists, read from
 * the database the first time the process meets it, are added up here. (Unnesting the sets' eight
 * lists in each search's statement was a third of its planning time.)
 */
export async function facetsOfSets(db: Db, counts: SetCount[]): Promise<{ facets: Facets; total: number }> {
  const missing = [...new Set(counts.flatMap(({ key }) => (key !== null && !knownSets.has(key) ? [key] : [])))];
  if (missing.length) {
    const rows = await db.$queryRaw<Array<FacetSetLists & { key: string }>>(
      prepared(Prisma.sql`SELECT s.key, ${SET_COLUMNS} FROM "FacetSet" s WHERE s.key = ANY(${missing}::text[])`),
    );
    for (const { key, ...lists } of rows) knownSets.set(key, lists);
  }
  let total = 0;
  const sums = FACET_FAMILIES.map(() => new Map<string, number>());
  for (const { key, n } of counts) {
    total += n;
    const set = key === null ? undefined : knownSets.get(key);
    if (!set) continue;
    FACET_FAMILIES.forEach(([, column], i) => {
      for (const value of set[column]) sums[i].set(value, (sums[i].get(value) ?? 0) + n);
    });
  }
  const rows = FACET_FAMILIES.flatMap(([facet], i) => [...sums[i]].map(([value, count]) => ({ facet, value, count })));
  return { facets: facetsOf(rows), total };
}

/** The SetCounts of rows already read (when the opening hours decide in JavaScript): their sets' keys are read by id. */
export async function setCountsOf(db: Db, rows: Array<{ facetSetId: number | null }>): Promise<SetCount[]> {
  const counts = new Map<number | null, number>();
  for (const row of rows) counts.set(row.facetSetId, (counts.get(row.facetSetId) ?? 0) + 1);
  const ids = [...counts.keys()].filter((id): id is number => id !== null);
  const keys = ids.length
    ? new Map(
        (await db.$queryRaw<Array<{ id: number; key: string }>>(prepared(Prisma.sql`SELECT id, key FROM "FacetSet" WHERE id = ANY(${ids}::int[])`))).map(
          (r) => [r.id, r.key],
        ),
      )
    : new Map<number, string>();
  return [...counts].map(([id, n]) => ({ id, key: id === null ? null : (keys.get(id) ?? null), n }));
}

export function noFacets(): Facets {
  return { besoin: {}, frais: {}, accompagnement: {}, acces: {}, public: {}, prise_en_charge: {}, dispositif: {}, type: {} };
}

/** Counts by standard label → counts by the search's keys (types: by the plain-words groups). */
export function facetsOf(rows: FacetRow[]): Facets {
  const facets = noFacets();
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
