// The facet sets of a batch's places (migration 20261206085000_facet_sets): a batch of 500 places
// holds a few dozen distinct combinations of the ten lists, added when new and read back in two
// statements, so that each place is written with its "facetSetId" and the trigger only checks it
// (migration 20261206121953_facet_set_given) instead of computing the md5 of its lists
// row by row. A set is keyed exactly as the trigger keys it (reperes_facet_set_key: the md5 of
// the ten arrays, as a row, written as text); were an id wrong, the trigger would put it right.
// New sets are added in the order of their keys: two batches written at the same time that both
// add sets wait for each other's in one order, never in a cycle (the trigger, adding them in the
// order of the rows, could deadlock two such batches).
import type { Sql } from './bulk';
import { ENUM_FIELDS } from './statements';

/** The lists of a set, in the order of reperes_facet_set_key (and of FacetSet's columns). */
const LISTS = ['services', 'fees', 'supportModes', 'accessModes', 'publics', 'specificSupport', 'programmes', 'typologies', 'labels', 'itinerance'] as const;

const quote = (column: string) => `"${column}"`;
const typed = LISTS.map((list) => `r.${quote(list)}::${quote(ENUM_FIELDS[list]!)}[]`).join(', ');
const SETS_RECORD = `jsonb_to_recordset($1::jsonb) AS r(i int, ${LISTS.map((list) => `${quote(list)} text[]`).join(', ')})`;

export const ADD_FACET_SETS_SQL = `
  INSERT INTO "FacetSet" (key, ${LISTS.map(quote).join(', ')})
  SELECT md5(ROW(${typed})::text) AS key, ${typed} FROM ${SETS_RECORD}
  ORDER BY key
  ON CONFLICT (key) DO NOTHING`;

// A statement of its own after the INSERT: it sees the sets another batch committed while this one waited for them.
export const FACET_SET_IDS_SQL = `
  SELECT r.i, s.id FROM ${SETS_RECORD} JOIN "FacetSet" s ON s.key = md5(ROW(${typed})::text)`;

/**
 * The ids of sets by their lists (JSON of the ten arrays), for one run: `committed` holds sets its
 * committed batches met (a set is never changed nor removed, so they stay right), `learned` those
 * the current batch met, trusted by the next batches once it commits (an id the batch added itself
 * does not exist for them before). A run's batches meet the same few dozen sets: after the first
 * ones, no statement at all.
 */
export type FacetSetCache = { committed: Map<string, number>; learned: Map<string, number> };

/** The set of each record (a place's fields as statements.ts's record() writes them: the lists as the standard's labels), by index. */
export async function facetSetIds(sql: Sql, records: Array<Record<string, unknown>>, cache?: FacetSetCache): Promise<Array<number | null>> {
  const indexOf = new Map<string, number>();
  const sets: Array<Record<string, unknown>> = [];
  const keys: string[] = [];
  const setOf = records.map((record) => {
    const lists = LISTS.map((list) => record[list] ?? null);
    const key = JSON.stringify(lists);
    const known = cache?.committed.get(key);
    if (known !== undefined) return -1 - known; // an id, not an index of `sets`
    let i = indexOf.get(key);
    if (i === undefined) {
      i = sets.length;
      indexOf.set(key, i);
      keys.push(key);
      sets.push(Object.fromEntries([['i', i], ...LISTS.map((list, n) => [list, lists[n]])]));
    }
    return i;
  });
  const ids = new Map<number, number>();
  if (sets.length) {
    const payload = JSON.stringify(sets);
    await sql.$executeRawUnsafe(ADD_FACET_SETS_SQL, payload);
    for (const r of await sql.$queryRawUnsafe<Array<{ i: number; id: number }>>(FACET_SET_IDS_SQL, payload)) {
      ids.set(r.i, r.id);
      cache?.learned.set(keys[r.i], r.id);
    }
  }
  return setOf.map((i) => (i < 0 ? -1 - i : (ids.get(i) ?? null)));
}
