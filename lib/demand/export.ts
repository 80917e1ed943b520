// The open data of unmet demand (issue #22): /donnees/export/recherches-sans-lieu.csv, described by
// data/recherches-sans-lieu/schema.json (Table Schema). The aggregates only, one line per key of
// lib/demand/key.ts — except that a key with fewer than MIN_SEARCHES searches in its week is not
// published as it is: such keys are added up into one line per week and département, without
// commune, needs, filters or radius. Read one week at a time (ordered), so memory stays flat.
import 'server-only';
import { Prisma, type PrismaClient } from '@prisma/client';
import { SERVICE_LABELS } from '@/lib/standard/enums';
import { COUNTER_NAMES } from './buffer';
import { MIN_SEARCHES, OVERFLOW } from './key';

type Db = Pick<PrismaClient, '$queryRaw'>;

/** The columns, in the schema's order (lib/demand/demand.test.ts checks them against the file). */
export const DEMAND_COLUMNS = [
  'semaine',
  'departement',
  'code_insee',
  'besoins',
  'filtres',
  'rayon_km_min',
  'recherches',
  'aucun_lieu_5km',
  'un_ou_deux_lieux_5km',
  'trois_lieux_ou_plus_5km',
  'aucun_lieu_10km',
  'un_ou_deux_lieux_10km',
  'trois_lieux_ou_plus_10km',
  'aucun_lieu_20km',
  'un_ou_deux_lieux_20km',
  'trois_lieux_ou_plus_20km',
] as const;

type Row = { week: Date; departement: string; code: string | null; needs: string | null; filters: string | null; band: number | null } & Record<
  (typeof COUNTER_NAMES)[number],
  number
>;

const needsLabels = (needs: string | null) =>
  needs === null || needs === OVERFLOW
    ? (needs ?? '')
    : needs
        .split('|')
        .filter(Boolean)
        .map((key) => SERVICE_LABELS[key as keyof typeof SERVICE_LABELS] ?? key)
        .join('|');

const cell = (value: string | number | null) => (value === null ? '' : typeof value === 'number' ? String(value) : `"${value.replace(/"/g, '""')}"`);

export const demandCsvHeader = () => `${DEMAND_COLUMNS.join(',')}\r\n`;

export function demandCsvLine(r: Row): string {
  const merged = r.code === null;
  const values = [
    r.week.toISOString().slice(0, 10),
    r.departement,
    r.code,
    merged ? null : needsLabels(r.needs),
    merged ? null : r.filters,
    r.band,
    ...COUNTER_NAMES.map((c) => Number(r[c])),
  ];
  return `${values.map(cell).join(',')}\r\n`;
}

const sums = Prisma.raw(COUNTER_NAMES.map((c) => `sum("${c}")::int AS "${c}"`).join(', '));

/** The weeks held, oldest first. */
async function weeks(db: Db): Promise<Date[]> {
  return (await db.$queryRaw<Array<{ week: Date }>>`SELECT DISTINCT week FROM "SearchDemand" ORDER BY week`).map((r) => r.week);
}

/** One week's lines: the keys with MIN_SEARCHES searches or more, then each département's merged rest. */
export async function demandWeek(db: Db, week: Date): Promise<Row[]> {
  const shown = Prisma.sql`searches >= ${MIN_SEARCHES}`;
  return db.$queryRaw<Row[]>`
    SELECT week, departement, CASE WHEN ${shown} THEN "inseeCode" END AS code, CASE WHEN ${shown} THEN needs END AS needs,
      CASE WHEN ${shown} THEN filters END AS filters, CASE WHEN ${shown} THEN "radiusBand" END AS band, ${sums}
    FROM "SearchDemand" WHERE week = ${week}::date
    GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY departement, code NULLS LAST, needs, filters, band`;
}

export function demandCsvStream(db: Db): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let pending: Date[] | null = null;
  return new ReadableStream({
    start(controller) {
      controller.enqueue(encoder.encode(demandCsvHeader()));
    },
    async pull(controller) {
      pending ??= await weeks(db);
      const week = pending.shift();
      if (!week) return controller.close();
      controller.enqueue(encoder.encode((await demandWeek(db, week)).map(demandCsvLine).join('')));
    },
  });
}
