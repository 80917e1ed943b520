// Keeps a series' AtelierSession rows in step with its rule. Not 'server-only': the demo seed
// (prisma/demo-ateliers.ts, run by scripts outside Next.js) calls it too.
import type { Prisma, PrismaClient } from '@prisma/client';
import { horizon, occurrences, type Series } from './recurrence';

type Tx = Prisma.TransactionClient;

/**
 * Makes AtelierSession match the series from `now` to the horizon: new occurrences are added,
 * those the series no longer gives are deleted when nobody registered, or cancelled when someone
 * did (they keep their list and are told). Past sessions are left as they are.
 */
export async function syncSessions(tx: Tx, atelier: Series & { id: string; capacity: number | null; cancelledAt: Date | null }, now: Date) {
  const wanted = atelier.cancelledAt ? [] : occurrences(atelier, now, horizon(now));
  const existing = await tx.atelierSession.findMany({
    where: { atelierId: atelier.id, startsAt: { gte: now } },
    select: { id: true, startsAt: true, seatsTaken: true, _count: { select: { registrations: true } } },
  });
  const wantedAt = new Set(wanted.map((o) => o.startsAt.getTime()));
  const have = new Map(existing.map((s) => [s.startsAt.getTime(), s]));
  const gone = existing.filter((s) => !wantedAt.has(s.startsAt.getTime()));
  const dropped = gone.filter((s) => s._count.registrations === 0).map((s) => s.id);
  const kept = gone.filter((s) => s._count.registrations > 0).map((s) => s.id);
  if (dropped.length) await tx.atelierSession.deleteMany({ where: { id: { in: dropped } } });
  if (kept.length) await tx.atelierSession.updateMany({ where: { id: { in: kept }, cancelledAt: null }, data: { cancelledAt: now } });
  const fresh = wanted.filter((o) => !have.has(o.startsAt.getTime()));
  if (fresh.length)
    await tx.atelierSession.createMany({
      data: fresh.map((o) => ({ atelierId: atelier.id, startsAt: o.startsAt, endsAt: o.endsAt, capacity: atelier.capacity })),
      skipDuplicates: true,
    });
  // A new capacity applies to coming sessions, never below the seats already taken.
  await tx.$executeRaw`UPDATE "AtelierSession" SET "capacity" = CASE WHEN ${atelier.capacity}::int IS NULL THEN NULL ELSE GREATEST(${atelier.capacity}::int, "seatsTaken") END
    WHERE "atelierId" = ${atelier.id}::uuid AND "startsAt" >= ${now}`;
  return { added: fresh.length, removed: dropped.length, cancelled: kept.length };
}

/** Expands every running series up to today's horizon. Run daily (scripts/ateliers-daily.ts). */
export async function extendHorizons(db: PrismaClient, now = new Date()): Promise<number> {
  const series = await db.atelier.findMany({ where: { cancelledAt: null, rrule: { not: null } } });
  let added = 0;
  for (const atelier of series) added += (await db.$transaction((tx) => syncSessions(tx, atelier, now))).added;
  return added;
}
