// Unmet demand as the pages show it (issue #22): over the last 3 or 12 months of a territory's
// aggregates, per commune searched and per need, how many searches found no place within 5, 10
// and 20 km. Only a commune (or a need) with at least MIN_SEARCHES searches is named; the others
// are added up into one line ("autres communes", "autres besoins"), so that no small count
// points at a person. One statement per table, on the rollup's key (departement, week, …):
// a département's year is a few tens of thousands of rows (lib/demand/flush.ts).
import 'server-only';
import { Prisma, type PrismaClient } from '@prisma/client';
import { readDb } from '@/lib/db';
import { DISTANCES_KM, MIN_SEARCHES, weekOf, type DistanceKm } from './key';

export { MIN_SEARCHES };
export const DEMAND_MONTHS = [3, 12] as const;
export type DemandMonths = (typeof DEMAND_MONTHS)[number];

/** For each distance: the searches with no place within it, and those for which it was measured (the radius reached it, or 3 places were nearer). */
export type Unmet = Record<DistanceKm, { none: number; measured: number }>;
export type DemandLine = { code: string | null; label: string; searches: number; unmet: Unmet };
export type DemandLayer = {
  months: DemandMonths;
  since: string;
  searches: number;
  unmet: Unmet;
  /** Communes with at least MIN_SEARCHES searches, most searches without a place within 10 km first; then "autres communes" if any. */
  communes: DemandLine[];
  /** Needs (a search citing two counts for each), same rule; "" is a search without a need, "*" the merged keys of a busy commune-week. */
  needs: DemandLine[];
};

type Db = Pick<PrismaClient, '$queryRaw'>;
type Row = { code: string; label: string | null; searches: number } & Record<`${'none' | 'measured'}${DistanceKm}`, number>;

/** `?demande=3` or `12` (the default: a year). */
export function parseDemandMonths(value: string | string[] | undefined): DemandMonths {
  return (Array.isArray(value) ? value[0] : value) === '3' ? 3 : 12;
}

/** The Monday of the first week counted: the current week and the ones before, 13 or 52 in all. */
export function sinceWeek(months: DemandMonths, now = new Date()): string {
  const monday = new Date(`${weekOf(now)}T00:00:00Z`);
  monday.setUTCDate(monday.getUTCDate() - 7 * ((months === 3 ? 13 : 52) - 1));
  return monday.toISOString().slice(0, 10);
}

const sums = Prisma.raw(
  ['sum(searches)::int AS searches', ...DISTANCES_KM.flatMap((km) => [`sum(none${km})::int AS none${km}`, `sum(measured${km})::int AS measured${km}`])].join(
    ', ',
  ),
);
const totals = Prisma.raw(['searches', ...DISTANCES_KM.flatMap((km) => [`none${km}`, `measured${km}`])].map((c) => `t.${c}`).join(', '));

const unmetOf = (row: Row): Unmet => ({
  5: { none: row.none5, measured: row.measured5 },
  10: { none: row.none10, measured: row.measured10 },
  20: { none: row.none20, measured: row.measured20 },
});

function merge(rows: Row[], otherLabel: string): DemandLine[] {
  const shown: DemandLine[] = rows
    .filter((r) => r.searches >= MIN_SEARCHES)
    .map((r) => ({ code: r.code, label: r.label ?? r.code, searches: r.searches, unmet: unmetOf(r) }));
  const rest = rows.filter((r) => r.searches < MIN_SEARCHES);
  shown.sort((a, b) => b.unmet[10].none - a.unmet[10].none || b.searches - a.searches || a.label.localeCompare(b.label, 'fr'));
  if (rest.length) shown.push({ code: null, label: otherLabel, searches: sum(rest, 'searches'), unmet: addUnmet(rest) });
  return shown;
}

const sum = (rows: Row[], field: keyof Row) => rows.reduce((total, r) => total + Number(r[field]), 0);
function addUnmet(rows: Row[]): Unmet {
  const at = (km: DistanceKm) => ({ none: sum(rows, `none${km}`), measured: sum(rows, `measured${km}`) });
  return { 5: at(5), 10: at(10), 20: at(20) };
}

/** The layer for one or more départements (a network's territory spans several). */
export async function demandLayer(departements: string[], months: DemandMonths, options: { db?: Db; now?: Date } = {}): Promise<DemandLayer> {
  const db = options.db ?? readDb;
  const since = sinceWeek(months, options.now);
  const where = Prisma.sql`r.departement = ANY(${departements}::text[]) AND r.week >= ${since}::date`;
  const [communes, needs] = await Promise.all([
    db.$queryRaw<Row[]>`
      SELECT t.code, (SELECT c.name FROM "Commune" c WHERE c."inseeCode" = t.code LIMIT 1) AS label, ${totals}
      FROM (SELECT r."inseeCode" AS code, ${sums} FROM "SearchDemandRollup" r WHERE ${where} AND r.need = '#' AND r."inseeCode" <> '' GROUP BY r."inseeCode") AS t`,
    db.$queryRaw<Row[]>`
      SELECT r.need AS code, NULL AS label, ${sums} FROM "SearchDemandRollup" r WHERE ${where} AND r."inseeCode" = '' GROUP BY r.need`,
  ]);
  return {
    months,
    since,
    searches: sum(communes, 'searches'),
    unmet: addUnmet(communes),
    communes: merge(communes, 'Autres communes'),
    needs: merge(needs, 'Autres besoins'),
  };
}
