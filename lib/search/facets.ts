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

/** The columns facetCountsOver() reads, under their own names (place alias `p`). */
export const FACET_COLUMNS = Prisma.raw(FACET_FAMILIES.map(([, column]) => `p."${column}"`).join(', '));

const FAMILY_COLUMNS = FACET_FAMILIES.map(([, column]) => `"${column}"`).join(', ');

/**
 * One count per facet value over the relation `scope` (which has the FACET_COLUMNS). Places share
 * few distinct sets of lists (18 service sets in the real sources): they are grouped first, in one
 * pass, and only the distinct sets are unnested — instead of unnesting every place's eight lists
 * (eight passes over a materialised scope, which spilled to disk for national searches).
 */
export function facetCountsOver(scope: Prisma.Sql): Prisma.Sql {
  const unnests = FACET_FAMILIES.map(
    ([facet, column]) => `SELECT '${facet}' AS facet, v::text AS value, sum(sets.n) AS count FROM sets, unnest(sets."${column}") v GROUP BY 1, 2`,
  ).join('\n    UNION ALL ');
  return Prisma.sql`WITH sets AS (SELECT ${Prisma.raw(FAMILY_COLUMNS)}, count(*) AS n FROM ${scope} GROUP BY ${Prisma.raw(FAMILY_COLUMNS)})
    ${Prisma.raw(unnests)}`;
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
