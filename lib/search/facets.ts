// Facet counts: how many of the places a search finds offer each value of each list (needs, fees,
// publics…), shown beside the filters. Counted in SQL over the search's scope, or in JavaScript over
// the rows already read when the opening hours decide there.
import 'server-only';
import { Prisma } from '@prisma/client';
import { PLACE_TYPES } from '@/lib/standard/plain-words';
import { FACET_KEYS, type ListKey } from './query';

export type Facets = Record<'besoin' | 'frais' | 'accompagnement' | 'acces' | 'public' | 'prise_en_charge' | 'dispositif' | 'type', Record<string, number>>;

export type FacetRow = { facet: string; value: string; count: bigint | number };

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

/** The column facetCountsOver() reads (place alias `p`): the place's FacetSet, its combination of lists. */
export const FACET_COLUMNS = Prisma.raw('p."facetSetId"');

const FAMILY_COLUMNS = FACET_FAMILIES.map(([, column]) => `s."${column}"`).join(', ');

/** The row facetCountsOver() adds for the number of places counted (facetsOf() ignores it). */
export const TOTAL_FACET = '#total';

/**
 * One count per facet value over the relation `scope` (which has the FACET_COLUMNS), and the number
 * of places in it (TOTAL_FACET). Places share few combinations of lists (141 among 100,000 realistic
 * places): the scope is grouped by its integer FacetSet id, and only the sets found are unnested —
 * grouping by the eight arrays of each place was two thirds of PostgreSQL's time in national
 * searches (bench/README.md, issue #17).
 */
export function facetCountsOver(scope: Prisma.Sql): Prisma.Sql {
  const unnests = FACET_FAMILIES.map(
    ([facet, column]) => `SELECT '${facet}' AS facet, v::text AS value, sum(sets.n) AS count FROM sets, unnest(sets."${column}") v GROUP BY 1, 2`,
  ).join('\n    UNION ALL ');
  return Prisma.sql`WITH counts AS (SELECT "facetSetId" AS id, count(*) AS n FROM ${scope} GROUP BY 1),
    sets AS (SELECT ${Prisma.raw(FAMILY_COLUMNS)}, counts.n FROM counts JOIN "FacetSet" s ON s.id = counts.id)
    SELECT ${Prisma.raw(`'${TOTAL_FACET}'`)} AS facet, '' AS value, coalesce(sum(n), 0) AS count FROM counts
    UNION ALL ${Prisma.raw(unnests)}`;
}

/** The number of places facetCountsOver() counted. */
export function facetTotal(rows: FacetRow[]): number {
  return Number(rows.find((row) => row.facet === TOTAL_FACET)?.count ?? 0);
}

export type FacetLists = { facet_values: string };

/**
 * The lists the facets count, read with the candidates when the opening hours decide in
 * JavaScript: one string per row (families split by U+001E, values by U+001F), which JavaScript
 * splits several times faster than the driver parses eight PostgreSQL arrays.
 */
export const FACET_LISTS = Prisma.raw(
  `concat_ws(E'\\x1e', ${FACET_FAMILIES.map(([, column]) => `coalesce(array_to_string(p."${column}"::text[], E'\\x1f'), '')`).join(', ')}) AS facet_values`,
);

/** The same counts as facetCountsOver(), from rows already read (no second query over the kept places). */
export function facetsFromLists(rows: FacetLists[]): Facets {
  const counts = FACET_FAMILIES.map(() => new Map<string, number>());
  for (const row of rows) {
    const families = row.facet_values.split('\x1e');
    for (let i = 0; i < counts.length; i++) {
      if (!families[i]) continue;
      const count = counts[i];
      for (const value of families[i].split('\x1f')) count.set(value, (count.get(value) ?? 0) + 1);
    }
  }
  return facetsOf(FACET_FAMILIES.flatMap(([facet], i) => [...counts[i]].map(([value, count]) => ({ facet, value, count }))));
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
