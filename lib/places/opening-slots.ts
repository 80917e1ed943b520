// Keeps PlaceOpeningSlot in step with a place's hours (and its stops' hours). Call it in the
// same transaction as any write that changes `openingHours` or the stops.
import type { Prisma, PrismaClient } from '@prisma/client';
import { closedOnHolidays, weeklySlots } from '../hours';

type Tx = Prisma.TransactionClient | PrismaClient;

export function slotRows(placeId: string, openingHours: string | null, stops: Array<{ id: string; openingHours: string | null }> = []) {
  const rows: Prisma.PlaceOpeningSlotCreateManyInput[] = [];
  for (const slot of weeklySlots(openingHours) ?? []) rows.push({ placeId, stopId: null, ...slot });
  for (const stop of stops) for (const slot of weeklySlots(stop.openingHours) ?? []) rows.push({ placeId, stopId: stop.id, ...slot });
  return rows;
}

export async function replaceOpeningSlots(tx: Tx, placeId: string) {
  const place = await tx.place.findUniqueOrThrow({
    where: { id: placeId },
    select: { openingHours: true, stops: { select: { id: true, openingHours: true } } },
  });
  await tx.placeOpeningSlot.deleteMany({ where: { placeId } });
  const rows = slotRows(placeId, place.openingHours, place.stops);
  if (rows.length) await tx.placeOpeningSlot.createMany({ data: rows });
  await tx.place.update({ where: { id: placeId }, data: { closedOnHolidays: closedOnHolidays(place.openingHours) }, select: { id: true } });
}

/** Rebuilds the slots of many places at once (imports, seed). */
export async function rebuildOpeningSlots(tx: Tx, placeIds: string[]) {
  if (placeIds.length === 0) return;
  const places = await tx.place.findMany({
    where: { id: { in: placeIds } },
    select: { id: true, openingHours: true, stops: { select: { id: true, openingHours: true } } },
  });
  await tx.placeOpeningSlot.deleteMany({ where: { placeId: { in: placeIds } } });
  const rows = places.flatMap((p) => slotRows(p.id, p.openingHours, p.stops));
  for (let i = 0; i < rows.length; i += 5000) await tx.placeOpeningSlot.createMany({ data: rows.slice(i, i + 5000) });
  const holidayClosed = places.filter((p) => closedOnHolidays(p.openingHours)).map((p) => p.id);
  if (holidayClosed.length) await tx.place.updateMany({ where: { id: { in: holidayClosed } }, data: { closedOnHolidays: true } });
}
