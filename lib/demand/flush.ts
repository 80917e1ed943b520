// Writes the buffer's aggregates (lib/demand/buffer.ts) in one statement: each key's counters are
// added to its row (INSERT … ON CONFLICT DO UPDATE). The table stays bounded whatever the traffic:
// a commune-week holds at most MAX_KEYS_PER_COMMUNE_WEEK distinct keys; a new key beyond that adds
// to the commune-week's merged row (needs and filters "*", one per radius band), so a flood of
// distinct searches grows nothing but counters. (Two processes writing at the same instant may
// each admit the last free places: the cap holds to within one batch.) Rows older than
// RETENTION_WEEKS are deleted, and the weeks that are over compacted (purgeDemand), at most once an hour per process. The pages' rollup
// (SearchDemandRollup: per week and commune, per week, département and need) is written in the
// same transaction, from the same entries.
import 'server-only';
import { Prisma, type PrismaClient } from '@prisma/client';
import { COUNTER_NAMES, type Entry } from './buffer';
import { MIN_SEARCHES, OVERFLOW, weekOf } from './key';

export const MAX_KEYS_PER_COMMUNE_WEEK = 200;
/** Two years and a fortnight: the pages read 12 months, the open data keeps two years. */
export const RETENTION_WEEKS = 106;
/**
 * The upkeep compacts the weeks ended within this many weeks, an index range: earlier ones were
 * compacted by earlier runs (hourly), and scanning the whole year's keys each hour (about 5 million
 * rows at 100,000 searches a day) took seconds. A week missed for a month stays as written: bigger,
 * never less private (small keys are published merged whatever the table holds).
 */
export const COMPACTED_WEEKS = 4;

type Db = Pick<PrismaClient, '$executeRaw' | '$transaction'>;

/** A line of the rollup: its key and its sums. */
type RollupLine = { week: string; departement: string; inseeCode: string; need: string; sums: number[] };
const ROLLUP_SUMS = ['searches', 'none5', 'measured5', 'none10', 'measured10', 'none20', 'measured20'] as const;

/** The rollup of the entries: a line per week and commune (need "#"), one per week, département and need (inseeCode ""). */
export function rollup(entries: Entry[]): RollupLine[] {
  const lines = new Map<string, RollupLine>();
  const add = (week: string, departement: string, inseeCode: string, need: string, c: Entry['counters']) => {
    const id = `${week} ${inseeCode} ${departement} ${need}`;
    let line = lines.get(id);
    if (!line) lines.set(id, (line = { week, departement, inseeCode, need, sums: ROLLUP_SUMS.map(() => 0) }));
    const values = [c.searches, c.none5, c.none5 + c.few5 + c.many5, c.none10, c.none10 + c.few10 + c.many10, c.none20, c.none20 + c.few20 + c.many20];
    values.forEach((v, i) => (line.sums[i] += v));
  };
  for (const { key, counters } of entries) {
    add(key.week, key.departement, key.inseeCode, '#', counters);
    for (const need of key.needs.split('|')) add(key.week, key.departement, '', need, counters);
  }
  return [...lines.values()];
}

const rollupColumns = Prisma.raw(ROLLUP_SUMS.map((c) => `"${c}"`).join(', '));
const rollupAdditions = Prisma.raw(ROLLUP_SUMS.map((c) => `"${c}" = "SearchDemandRollup"."${c}" + EXCLUDED."${c}"`).join(', '));

function rollupStatement(db: Pick<PrismaClient, '$executeRaw'>, lines: RollupLine[]) {
  const column = <T>(pick: (l: RollupLine) => T) => lines.map(pick);
  const sums = ROLLUP_SUMS.map((_, i) => Prisma.sql`${column((l) => l.sums[i])}::int[]`);
  return db.$executeRaw`
    INSERT INTO "SearchDemandRollup" (week, departement, "inseeCode", need, ${rollupColumns})
    SELECT * FROM unnest(${column((l) => l.week)}::date[], ${column((l) => l.departement)}::text[], ${column((l) => l.inseeCode)}::text[],
      ${column((l) => l.need)}::text[], ${Prisma.join(sums)})
    ON CONFLICT (departement, week, "inseeCode", need) DO UPDATE SET ${rollupAdditions}`;
}

const counters = Prisma.raw(COUNTER_NAMES.map((c) => `"${c}"`).join(', '));
const sums = Prisma.raw(COUNTER_NAMES.map((c) => `sum("${c}")::int`).join(', '));
const additions = Prisma.raw(COUNTER_NAMES.map((c) => `"${c}" = "SearchDemand"."${c}" + EXCLUDED."${c}"`).join(', '));

/**
 * A batch of MAX_KEYS keys, or a week's compaction, can outlast Prisma's default 5 s on a loaded
 * machine (the demand benchmark's year at 100,000 searches a day failed so, 2026-12-06): the write
 * is off the request path, so it may take its time rather than lose the counts.
 */
const WRITE_TRANSACTION = { maxWait: 10_000, timeout: 60_000 };

/** Adds the entries to the table and its rollup, in one transaction; returns the number of keys' rows written. */
export async function writeDemand(db: Db, entries: Entry[], cap = MAX_KEYS_PER_COMMUNE_WEEK): Promise<number> {
  if (!entries.length) return 0;
  return db.$transaction(async (tx) => {
    const written = await keysStatement(tx, entries, cap);
    await rollupStatement(tx, rollup(entries));
    return written;
  }, WRITE_TRANSACTION);
}

function keysStatement(db: Pick<PrismaClient, '$executeRaw'>, entries: Entry[], cap: number) {
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

/**
 * Deletes the weeks past the retention, and compacts the weeks that are over: their keys of fewer
 * than MIN_SEARCHES searches are added into their commune's merged row for the radius band (needs
 * and filters "*"). The open data publishes such keys only merged anyway, and at 100,000 searches
 * a day most keys of a week are single searches (bench/README.md): this keeps the table to the
 * keys worth keeping. The rollup (the pages) is untouched.
 */
export async function purgeDemand(db: Db, now = new Date()): Promise<number> {
  const current = weekOf(now);
  return db.$transaction(async (tx) => {
    const keys = await tx.$executeRaw`
      WITH gone AS (
        DELETE FROM "SearchDemand" WHERE week >= ${current}::date - ${COMPACTED_WEEKS * 7}::int AND week < ${current}::date
          AND searches < ${MIN_SEARCHES} AND needs <> ${OVERFLOW} RETURNING *)
      INSERT INTO "SearchDemand" (week, "inseeCode", departement, needs, filters, "radiusBand", ${counters})
      SELECT week, "inseeCode", departement, ${OVERFLOW}, ${OVERFLOW}, "radiusBand", ${sums} FROM gone
      GROUP BY week, "inseeCode", departement, "radiusBand"
      ON CONFLICT (week, "inseeCode", needs, filters, "radiusBand") DO UPDATE SET ${additions}`;
    await tx.$executeRaw`DELETE FROM "SearchDemand" WHERE week < ${now}::date - ${RETENTION_WEEKS * 7}::int`;
    await tx.$executeRaw`DELETE FROM "SearchDemandRollup" WHERE week < ${now}::date - ${RETENTION_WEEKS * 7}::int`;
    return keys;
  }, WRITE_TRANSACTION);
}
