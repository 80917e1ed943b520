import 'server-only';
// What the back-office shows of a place's ateliers: the series with their coming sessions, and
// the registrations list (to print) — only to whoever may manage the place's ateliers.
import type { PrismaClient } from '@prisma/client';
import { canManageAteliers, type SessionUser } from '@/lib/auth/permissions';
import { db as sharedDb } from '@/lib/db';
import { isUuid, placeScope } from './store';

type Db = PrismaClient;

/** What the back-office shows of a session: when, seats taken of how many, cancelled or not. */
export const SESSION_SEATS = { id: true, startsAt: true, endsAt: true, capacity: true, seatsTaken: true, cancelledAt: true } as const;

/** A place's ateliers and their coming sessions, and the place's stops (the form's list), or null when the user may not manage them. */
export async function ateliersOfPlace(user: SessionUser, placeId: string, now = new Date(), db: Db = sharedDb) {
  const found = await placeScope(db, placeId);
  if (!found || !canManageAteliers(user, found.scope)) return null;
  const ateliers = await db.atelier.findMany({
    where: { placeId },
    orderBy: { startsAt: 'asc' },
    include: { sessions: { where: { endsAt: { gte: now } }, orderBy: { startsAt: 'asc' }, take: 20 } },
  });
  const stops = await db.placeStop.findMany({ where: { placeId }, orderBy: { position: 'asc' }, select: { id: true, label: true } });
  return { place: found.place, ateliers, stops };
}

/** The registrations of an atelier's sessions, or null when the user may not see them. */
export async function registrationsFor(user: SessionUser, atelierId: string, db: Db = sharedDb) {
  if (!isUuid(atelierId)) return null;
  const atelier = await db.atelier.findUnique({
    where: { id: atelierId },
    select: { id: true, title: true, timeZone: true, placeId: true, place: { select: { name: true } } },
  });
  if (!atelier) return null;
  const found = await placeScope(db, atelier.placeId);
  if (!found || !canManageAteliers(user, found.scope)) return null;
  const sessions = await db.atelierSession.findMany({
    where: { atelierId },
    orderBy: { startsAt: 'asc' },
    select: {
      ...SESSION_SEATS,
      registrations: {
        where: { state: { not: 'CANCELLED' }, purgedAt: null },
        orderBy: { createdAt: 'asc' },
        select: { id: true, state: true, firstName: true, email: true, phone: true, createdAt: true },
      },
    },
  });
  return { atelier, sessions };
}

/** The form's values of an existing atelier (Prisma gives the lists' keys), to start a copy; dates left empty: a copy is new. */
export function copyValues(atelier: {
  title: string;
  summary: string;
  themes: string[];
  publics: string[];
  level: string | null;
  language: string;
  fee: string;
  accessibilityNotes: string | null;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  capacity: number | null;
  registrationMode: string;
  registrationContact: string | null;
  online: boolean;
  stopId: string | null;
}) {
  const hhmm = (d: Date) => new Intl.DateTimeFormat('fr-FR', { timeZone: atelier.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
  return {
    title: atelier.title,
    summary: atelier.summary,
    themes: atelier.themes,
    publics: atelier.publics,
    level: atelier.level ?? '',
    language: atelier.language,
    fee: atelier.fee,
    accessibilityNotes: atelier.accessibilityNotes ?? '',
    start: hhmm(atelier.startsAt),
    end: hhmm(atelier.endsAt),
    capacity: atelier.capacity === null ? '' : String(atelier.capacity),
    registrationMode: atelier.registrationMode,
    registrationContact: atelier.registrationContact ?? '',
    online: atelier.online ? 'on' : '',
    stopId: atelier.stopId ?? '',
  };
}
