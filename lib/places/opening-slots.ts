// Keeps a place's weekly hours in step with its `openingHours` (the place's `hoursWeek`) and with
// its stops' hours (PlaceOpeningSlot, one row per slot of a stop). The database's triggers make
// `openWeek` of both (migration 20261206183000). Call it in the same transaction as any write that
// changes `openingHours` or the stops.
import type { Prisma, PrismaClient } from '@prisma/client';
import { closedOnHolidays, weeklySlots } from '../hours';
import { hoursWeek } from '../hours/week';

type Tx = Prisma.TransactionClient | PrismaClient;
type Hours = { id: string; openingHours: string | null; stops: Array<{ id: string; openingHours: string | null }> };

/** The slot rows of a place's stops. */
export function stopSlotRows(placeId: string, stops: Hours['stops']) {
  const rows: Prisma.PlaceOpeningSlotCreateManyInput[] = [];
  for (const stop of stops) for (const slot of weeklySlots(stop.openingHours) ?? []) rows.push({ placeId, stopId: stop.id, ...slot });
  return rows;
}

export async function replaceOpeningSlots(tx: Tx, placeId: string) {
  await rebuildOpeningSlots(tx, [placeId]);
}

/** Rebuilds the weekly hours of many places at once (merges, seed): one statement for their own hours, one for their stops'. */
export async function rebuildOpeningSlots(tx: Tx, placeIds: string[]) {
  if (placeIds.length === 0) return;
  const places: Hours[] = await tx.place.findMany({
    where: { id: { in: placeIds } },
    select: { id: true, openingHours: true, stops: { select: { id: true, openingHours: true } } },
  });
  const own = places.map((p) => ({ id: p.id, week: hoursWeek(p.openingHours), holidays: closedOnHolidays(p.openingHours) }));
  await tx.$executeRaw`
    UPDATE "Place" p SET "hoursWeek" = r.week::int4multirange, "closedOnHolidays" = r.holidays
    FROM jsonb_to_recordset(${JSON.stringify(own)}::jsonb) AS r(id uuid, week text, holidays boolean)
    WHERE p.id = r.id`;
  await tx.placeOpeningSlot.deleteMany({ where: { placeId: { in: placeIds } } });
  const rows = places.flatMap((p) => stopSlotRows(p.id, p.stops));
  for (let i = 0; i < rows.length; i += 5000) await tx.placeOpeningSlot.createMany({ data: rows.slice(i, i + 5000) });
}
