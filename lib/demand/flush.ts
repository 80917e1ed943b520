// Writes the buffer's aggregates (lib/demand/buffer.ts) in one statement: each key's counters are
// added to its row (INSERT … ON CONFLICT DO UPDATE). The table stays bounded whatever the traffic:
// a commune-week holds at most MAX_KEYS_PER_COMMUNE_WEEK distinct keys; a new key beyond that adds
// to the commune-week's merged row (needs and filters "*", one per radius band), so a flood of
// distinct searches grows nothing but counters. (Two processes writing at the same instant may
// each admit the last free places: the cap holds to within one batch.) Rows older than
// RETENTION_WEEKS are deleted, at most once an hour per process.
import 'server-only';
import { Prisma, type PrismaClient } from '@prisma/client';
import { COUNTER_NAMES, type Entry } from './buffer';
import { OVERFLOW } from './key';

export const MAX_KEYS_PER_COMMUNE_WEEK = 200;
/** Two years and a fortnight: the pages read 12 months, the open data keeps two years. */
export const RETENTION_WEEKS = 106;

type Db = Pick<PrismaClient, '$executeRaw'>;

const counters = Prisma.raw(COUNTER_NAMES.map((c) => `"${c}"`).join(', '));
const sums = Prisma.raw(COUNTER_NAMES.map((c) => `sum("${c}")::int`).join(', '));
const additions = Prisma.raw(COUNTER_NAMES.map((c) => `"${c}" = "SearchDemand"."${c}" + EXCLUDED."${c}"`).join(', '));

/** Adds the entries to the table; returns the number of rows written. */
export async function writeDemand(db: Db, entries: Entry[], cap = MAX_KEYS_PER_COMMUNE_WEEK): Promise<number> {
  if (!entries.length) return 0;
  const column = <T>(pick: (e: Entry) => T) => entries.map(pick);
  const counterArrays = COUNTER_NAMES.map((name) => Prisma.sql`${column((e) => e.counters[name])}::int[]`);
  return db.$executeRaw`
    WITH batch AS (
      SELECT * FROM unnest(${column((e) => e.key.week)}::date[], ${column((e) => e.key.inseeCode)}::text[], ${column((e) => e.key.departement)}::text[],
        ${column((e) => e.key.needs)}::text[], ${column((e) => e.key.filters)}::text[], ${column((e) => e.key.radiusBand)}::int2[], ${Prisma.join(counterArrays)})
        AS b(week, "inseeCode", departement, needs, filters, "radiusBand", ${counters})
    ), placed AS (
      SELECT b.*,
        EXISTS (SELECT 1 FROM "SearchDemand" d WHERE d.week = b.week AND d."inseeCode" = b."inseeCode" AND d.needs = b.needs
          AND d.filters = b.filters AND d."radiusBand" = b."radiusBand") OR b.needs = ${OVERFLOW} AS present,
        (SELECT count(*) FROM "SearchDemand" d WHERE d.week = b.week AND d."inseeCode" = b."inseeCode" AND d.needs <> ${OVERFLOW}) AS used
      FROM batch b
    ), ranked AS (
      SELECT p.*, CASE WHEN p.present THEN 0 ELSE row_number() OVER (PARTITION BY p.week, p."inseeCode", p.present ORDER BY p.searches DESC) END AS rank
      FROM placed p
    ), routed AS (
      SELECT week, "inseeCode", departement, "radiusBand", ${counters},
        CASE WHEN present OR used + rank <= ${cap} THEN needs ELSE ${OVERFLOW} END AS needs,
        CASE WHEN present OR used + rank <= ${cap} THEN filters ELSE ${OVERFLOW} END AS filters
      FROM ranked
    )
    INSERT INTO "SearchDemand" (week, "inseeCode", departement, needs, filters, "radiusBand", ${counters})
    SELECT week, "inseeCode", departement, needs, filters, "radiusBand", ${sums} FROM routed
    GROUP BY week, "inseeCode", departement, needs, filters, "radiusBand"
    ON CONFLICT (week, "inseeCode", needs, filters, "radiusBand") DO UPDATE SET ${additions}`;
}

/** Deletes the weeks past the retention. */
export async function purgeDemand(db: Db, now = new Date()): Promise<number> {
  return db.$executeRaw`DELETE FROM "SearchDemand" WHERE week < ${now}::date - ${RETENTION_WEEKS * 7}::int`;
}
