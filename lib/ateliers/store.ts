import 'server-only';
// Writing ateliers: creation, cancellation of a series or of one session, and the expansion of
// sessions (sessions.ts, re-run on every change and by extendHorizons). Every write for a
// signed-in person asks lib/auth/permissions.ts first.
import { randomBytes } from 'node:crypto';
import type { Prisma, PrismaClient } from '@prisma/client';
import { canManageAteliers, needsReview, type SessionUser } from '@/lib/auth/permissions';
import { slugify } from '@/lib/geo/fold';
import { instantAt, isOpenBetween, wallTimeIn } from '@/lib/hours';
import { sessionDay, sessionWhen } from './format';
import { translator } from '@/lib/i18n';
import { sendMail } from '@/lib/mail';
import { registrationLocale, sessionCancelledMail } from './mail';
import { syncSessions } from './sessions';
import { checkAtelier, type AtelierErrors, type AtelierFields } from './validate';

type Db = PrismaClient;
type Tx = Prisma.TransactionClient;

export { syncSessions };

/** Created (`pending` false), or proposed for review (`pending` true: `id` is the proposal's, no page yet), or refused. */
export type WriteResult = { ok: true; pending: boolean; id: string; slug: string; warnings: string[] } | { ok: false; errors: AtelierErrors };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);

export const NOT_ALLOWED = 'Vous ne pouvez pas gérer les ateliers de ce lieu.';

/** The place with what rights are decided on, or null. */
export async function placeScope(db: Db | Tx, placeId: string) {
  if (!isUuid(placeId)) return null;
  const place = await db.place.findUnique({
    where: { id: placeId },
    select: {
      id: true,
      slug: true,
      name: true,
      timeZone: true,
      openingHours: true,
      demo: true,
      status: true,
      stops: { select: { id: true } },
      networks: { select: { networkId: true, network: { select: { reviewAteliers: true } } } },
    },
  });
  if (!place) return null;
  return {
    place,
    scope: { id: place.id, networkIds: place.networks.map((m) => m.networkId) },
    reviewRequired: place.networks.some((m) => m.network.reviewAteliers),
  };
}

/**
 * Sessions on a day the place is closed (by its opening hours, holidays included): a warning,
 * not a refusal — ateliers often take place outside opening hours or in a borrowed room.
 */
export function closedDayWarnings(openingHours: string | null, timeZone: string, starts: Date[]): string[] {
  if (!openingHours) return [];
  const closed = starts.filter((start) => {
    const w = wallTimeIn(timeZone, start);
    const from = instantAt(timeZone, w.year, w.month, w.day);
    return !isOpenBetween(openingHours, timeZone, from, new Date(from.getTime() + 24 * 3600_000));
  });
  if (closed.length === 0) return [];
  const days = closed
    .slice(0, 3)
    .map((d) => sessionDay(d, timeZone))
    .join(', ');
  return [
    `Le lieu est fermé ${closed.length > 1 ? `certains jours de séance (${closed.length})` : 'le jour de la séance'} d’après ses horaires : ${days}${closed.length > 3 ? '…' : ''}. L’atelier est enregistré ; vérifiez que la salle sera ouverte.`,
  ];
}

async function freeSlug(tx: Tx, title: string, commune: string): Promise<string> {
  const base = slugify(`${title} ${commune}`).slice(0, 80) || 'atelier';
  for (let i = 0; i < 5; i++) {
    const slug = i === 0 ? base : `${base}-${randomBytes(3).toString('hex')}`;
    if (!(await tx.atelier.findUnique({ where: { slug }, select: { id: true } }))) return slug;
  }
  return `${base}-${randomBytes(6).toString('hex')}`;
}

/** Creates an atelier for a place the user may edit, with its sessions — or, when the place's
 * network reviews its editors' ateliers (Network.reviewAteliers) at a published place, proposes it to the coordination
 * (a pending line of the place's history, created by `approveProposedAtelier`). */
export async function createAtelier(db: Db, user: SessionUser, placeId: string, fields: AtelierFields, now = new Date()): Promise<WriteResult> {
  const found = await placeScope(db, placeId);
  if (!found || !canManageAteliers(user, found.scope)) return { ok: false, errors: { form: NOT_ALLOWED } };
  const checked = checkAtelier(fields, found.place.timeZone, now);
  if (!checked.ok) return checked;
  const { stopId, ...data } = checked.data;
  if (stopId && !found.place.stops.some((s) => s.id === stopId)) return { ok: false, errors: { stopId: 'Cette étape n’est pas celle de ce lieu.' } };
  if (needsReview(user, { status: found.place.status, networksReviewRequired: found.reviewRequired })) {
    const proposal = await db.placeRevision.create({
      data: {
        placeId,
        kind: 'ATELIER',
        state: 'PENDING',
        authorId: user.id,
        changes: { [`Atelier « ${data.title} »`]: { before: null, after: `proposé : première séance le ${sessionDay(data.startsAt, found.place.timeZone)}` } },
        payload: fields as Prisma.InputJsonValue,
      },
    });
    return { ok: true, pending: true, id: proposal.id, slug: '', warnings: [] };
  }
  return db.$transaction((tx) => insertAtelier(tx, user, found, checked.data, now));
}

type Found = NonNullable<Awaited<ReturnType<typeof placeScope>>>;
type Checked = Extract<ReturnType<typeof checkAtelier>, { ok: true }>['data'];

async function insertAtelier(tx: Tx, user: SessionUser, found: Found, checked: Checked, now: Date): Promise<WriteResult> {
  const { stopId, ...data } = checked;
  const placeId = found.place.id;
  const commune = (await tx.place.findUniqueOrThrow({ where: { id: placeId }, select: { commune: true } })).commune;
  const atelier = await tx.atelier.create({
    data: { ...data, stopId, placeId, timeZone: found.place.timeZone, slug: await freeSlug(tx, data.title, commune), createdById: user.id },
  });
  await syncSessions(tx, atelier, now);
  const starts = (await tx.atelierSession.findMany({ where: { atelierId: atelier.id }, orderBy: { startsAt: 'asc' }, select: { startsAt: true } })).map(
    (s) => s.startsAt,
  );
  const first = starts[0] ? ` à partir du ${sessionDay(starts[0], atelier.timeZone)}` : '';
  await recordAtelierChange(tx, user, placeId, `Atelier « ${atelier.title} »`, null, `créé : ${starts.length} séance${starts.length > 1 ? 's' : ''}${first}`);
  return { ok: true, pending: false, id: atelier.id, slug: atelier.slug, warnings: closedDayWarnings(found.place.openingHours, found.place.timeZone, starts) };
}

/** A coordinator approves a proposed atelier: checked again (dates may have passed), then created
 * as the proposal's line of history turns applied. Null when there is no such pending proposal. */
export async function approveProposedAtelier(
  db: Db,
  reviewer: SessionUser,
  revision: { id: string; placeId: string; payload: Prisma.JsonValue },
  note: string | null,
  now = new Date(),
): Promise<WriteResult> {
  const found = await placeScope(db, revision.placeId);
  if (!found || !canManageAteliers(reviewer, found.scope)) return { ok: false, errors: { form: NOT_ALLOWED } };
  const checked = checkAtelier((revision.payload ?? {}) as AtelierFields, found.place.timeZone, now);
  if (!checked.ok) return checked;
  return db.$transaction(async (tx) => {
    const { count } = await tx.placeRevision.updateMany({
      where: { id: revision.id, state: 'PENDING' },
      data: { state: 'APPLIED', reviewerId: reviewer.id, reviewNote: note, reviewedAt: now },
    });
    if (count !== 1) return { ok: false as const, errors: { form: 'Cette proposition a déjà été traitée.' } };
    return insertAtelier(tx, reviewer, found, checked.data, now);
  });
}

async function ownedAtelier(db: Db | Tx, user: SessionUser, atelierId: string) {
  if (!isUuid(atelierId)) return null;
  const atelier = await db.atelier.findUnique({ where: { id: atelierId } });
  if (!atelier) return null;
  const found = await placeScope(db, atelier.placeId);
  return found && canManageAteliers(user, found.scope) ? atelier : null;
}

/** Cancels one session (it stays listed, marked cancelled; its registrants keep their entry and are told by mail). */
export async function cancelSession(db: Db, user: SessionUser, sessionId: string, now = new Date()): Promise<{ ok: boolean; message?: string }> {
  const session = isUuid(sessionId)
    ? await db.atelierSession.findUnique({ where: { id: sessionId }, select: { atelierId: true, startsAt: true, endsAt: true } })
    : null;
  const atelier = session ? await ownedAtelier(db, user, session.atelierId) : null;
  if (!session || !atelier) return { ok: false, message: NOT_ALLOWED };
  const count = await db.$transaction(async (tx) => {
    const { count } = await tx.atelierSession.updateMany({ where: { id: sessionId, cancelledAt: null }, data: { cancelledAt: now } });
    const when = sessionWhen(session.startsAt, session.endsAt, atelier.timeZone);
    if (count === 1) await recordAtelierChange(tx, user, atelier.placeId, `Séance de « ${atelier.title} », ${when}`, 'prévue', 'annulée');
    return count;
  });
  if (count === 1) await tellRegistrants(db, sessionId);
  return { ok: true };
}

/** Mails everyone registered to a session (confirmed or waiting, with an e-mail) that it is cancelled, each in their language. */
export async function tellRegistrants(db: Db, sessionId: string) {
  const session = await db.atelierSession.findUniqueOrThrow({
    where: { id: sessionId },
    include: {
      atelier: { include: { place: { select: { name: true, street: true, postcode: true, commune: true, phone: true } } } },
      registrations: { where: { state: { in: ['CONFIRMED', 'WAITING'] }, email: { not: null } } },
    },
  });
  for (const r of session.registrations)
    await sendMail(db, sessionCancelledMail(session, { to: r.email!, firstName: r.firstName ?? '' }, translator(registrationLocale(r.locale)))).catch(
      () => undefined,
    );
}

/** Cancels the whole series: its coming sessions are cancelled. */
export async function cancelAtelier(db: Db, user: SessionUser, atelierId: string, now = new Date()): Promise<{ ok: boolean; message?: string }> {
  const atelier = await ownedAtelier(db, user, atelierId);
  if (!atelier) return { ok: false, message: NOT_ALLOWED };
  if (atelier.cancelledAt) return { ok: true };
  await db.$transaction(async (tx) => {
    await tx.atelier.update({ where: { id: atelierId }, data: { cancelledAt: now } });
    const { count } = await tx.atelierSession.updateMany({ where: { atelierId, startsAt: { gte: now }, cancelledAt: null }, data: { cancelledAt: now } });
    await recordAtelierChange(tx, user, atelier.placeId, `Atelier « ${atelier.title} »`, `${count} séance${count > 1 ? 's' : ''} à venir`, 'annulé');
  });
  return { ok: true };
}

/** A line of the place's history (same page, same rights as the place's own changes). */
async function recordAtelierChange(tx: Tx, user: SessionUser, placeId: string, what: string, before: string | null, after: string) {
  await tx.placeRevision.create({ data: { placeId, kind: 'ATELIER', authorId: user.id, changes: { [what]: { before, after } } } });
}
