import 'server-only';
// What the back-office shows of a place's ateliers: the series with their coming sessions, and
// the registrations list (to print) — only to whoever may manage the place's ateliers.
import type { PrismaClient } from '@prisma/client';
import { canManageAteliers, type SessionUser } from '@/lib/auth/permissions';
import { isUuid, placeScope } from './store';

type Db = PrismaClient;

/** A place's ateliers and their coming sessions, or null when the user may not manage them. */
export async function ateliersOfPlace(db: Db, user: SessionUser, placeId: string, now = new Date()) {
  const found = await placeScope(db, placeId);
  if (!found || !canManageAteliers(user, found.scope)) return null;
  const ateliers = await db.atelier.findMany({
    where: { placeId },
    orderBy: { startsAt: 'asc' },
    include: { sessions: { where: { endsAt: { gte: now } }, orderBy: { startsAt: 'asc' }, take: 20 } },
  });
  return { place: found.place, ateliers };
}

/** The registrations of an atelier's sessions, or null when the user may not see them. */
export async function registrationsFor(db: Db, user: SessionUser, atelierId: string) {
  if (!isUuid(atelierId)) return null;
  const atelier = await db.atelier.findUnique({ where: { id: atelierId }, select: { id: true, title: true, timeZone: true, placeId: true, place: { select: { name: true } } } });
  if (!atelier) return null;
  const found = await placeScope(db, atelier.placeId);
  if (!found || !canManageAteliers(user, found.scope)) return null;
  const sessions = await db.atelierSession.findMany({
    where: { atelierId },
    orderBy: { startsAt: 'asc' },
    select: {
      id: true, startsAt: true, endsAt: true, capacity: true, seatsTaken: true, cancelledAt: true,
      registrations: { where: { state: { not: 'CANCELLED' }, purgedAt: null }, orderBy: { createdAt: 'asc' }, select: { id: true, state: true, firstName: true, email: true, phone: true, createdAt: true } },
    },
  });
  return { atelier, sessions };
}
