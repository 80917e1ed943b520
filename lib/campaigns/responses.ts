// The contact's side of an update campaign, through the personal link and without an account:
// open it (openCampaignLink), confirm ("tout est à jour": date_maj becomes today), propose
// corrections (a pending revision in the coordinator's review queue, plus a report for what the form
// cannot say), say the place has closed (a report), or opt out for good. A link works once, until
// the campaign expires, and only for its own place.
import type { Prisma, PrismaClient } from '@prisma/client';
import { cancelSessionsFromCampaign } from '@/lib/ateliers/campaign';
import { tellRegistrants } from '@/lib/ateliers/store';
import { hashToken } from '@/lib/auth/tokens';
import { revisionValue, sameRevisionValue } from '@/lib/editing/values';
import { BY_PLACE } from '../places/verification';
import { readCorrection, type CorrectionValues } from './correction';

type Db = PrismaClient;

/** Where a refused link leads: the place's public page and the network's contact. */
export type LinkHelp = { placeName: string; placeSlug: string; network: string; networkEmail: string | null; networkPhone: string | null };

export type CampaignLink =
  | { status: 'invalid' }
  | { status: 'expired' | 'used'; help: LinkHelp }
  | {
      status: 'ok';
      target: { id: string; email: string | null; state: string };
      campaign: { name: string; network: string; expiresAt: Date };
      place: Prisma.PlaceGetPayload<{ select: typeof PLACE_FIELDS }>;
    };

const PLACE_FIELDS = {
  id: true,
  slug: true,
  name: true,
  street: true,
  postcode: true,
  commune: true,
  phone: true,
  emails: true,
  websites: true,
  appointmentUrl: true,
  openingHours: true,
  timeZone: true,
  services: true,
  publics: true,
  accessModes: true,
  dateMaj: true,
  version: true,
} as const;

async function findTarget(db: Db, token: string) {
  if (!token || token.length > 200) return null;
  return db.campaignTarget.findUnique({
    where: { tokenHash: hashToken(token) },
    include: {
      campaign: { include: { network: { select: { name: true, slug: true, contactEmail: true, contactPhone: true } } } },
      place: { select: PLACE_FIELDS },
    },
  });
}

/** Reads the link (and records that it was opened). */
export async function openCampaignLink(db: Db, token: string, now = new Date()): Promise<CampaignLink> {
  const target = await findTarget(db, token);
  if (!target) return { status: 'invalid' };
  const { network } = target.campaign;
  const help = {
    placeName: target.place.name,
    placeSlug: target.place.slug,
    network: network.name,
    networkEmail: network.contactEmail,
    networkPhone: network.contactPhone,
  };
  if (target.usedAt) return { status: 'used', help };
  if (target.campaign.expiresAt <= now) return { status: 'expired', help };
  if (!target.openedAt) {
    await db.campaignTarget.updateMany({ where: { id: target.id, openedAt: null }, data: { openedAt: now } });
    await db.campaignTarget.updateMany({ where: { id: target.id, state: 'SENT' }, data: { state: 'OPENED' } });
  }
  return {
    status: 'ok',
    target: { id: target.id, email: target.email, state: target.state },
    campaign: { name: target.campaign.name, network: target.campaign.network.name, expiresAt: target.campaign.expiresAt },
    place: target.place,
  };
}

export type RespondResult = { status: 'done' | 'invalid' | 'expired' | 'used' } | { status: 'errors'; errors: Record<string, string> };
/** What the contact's correction form shows after an attempt: errors by field, a message, what was typed. */
export type CorrectionState = { errors?: Record<string, string>; message?: string; values?: CorrectionValues };

/** Marks the link used, atomically: of two concurrent answers only one goes through. */
async function consume(tx: Prisma.TransactionClient, targetId: string, state: 'CONFIRMED' | 'CORRECTED' | 'CLOSED', now: Date) {
  const { count } = await tx.campaignTarget.updateMany({ where: { id: targetId, usedAt: null }, data: { usedAt: now, respondedAt: now, state } });
  return count === 1;
}

async function usable(db: Db, token: string, placeId: string, now: Date) {
  const target = await findTarget(db, token);
  // A link only ever acts on its own place.
  if (!target || target.placeId !== placeId) return { status: 'invalid' as const };
  if (target.usedAt) return { status: 'used' as const };
  if (target.campaign.expiresAt <= now) return { status: 'expired' as const };
  return { status: 'ok' as const, target };
}

const dayOf = (now: Date) => new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
const contactLabel = (campaign: string) => `Contact du lieu (campagne « ${campaign} »)`;

/** "Tout est à jour": date_maj becomes today; the coming sessions the contact ticked are cancelled
 * (the others are thereby confirmed), and their registrants told. */
export async function confirmListing(db: Db, input: { token: string; placeId: string; cancelSessionIds?: string[]; now?: Date }): Promise<RespondResult> {
  const now = input.now ?? new Date();
  const found = await usable(db, input.token, input.placeId, now);
  if (found.status !== 'ok') return found;
  const { target } = found;
  const result = await db.$transaction(async (tx) => {
    if (!(await consume(tx, target.id, 'CONFIRMED', now))) return { status: 'used' as const, cancelled: [] };
    const place = await tx.place.findUniqueOrThrow({ where: { id: target.placeId }, select: { dateMaj: true, version: true } });
    const today = dayOf(now);
    await tx.place.update({
      where: { id: target.placeId },
      data: { dateMaj: today, ...BY_PLACE, version: { increment: 1 } },
    });
    await tx.placeRevision.create({
      data: {
        placeId: target.placeId,
        kind: 'CONFIRM',
        authorLabel: contactLabel(target.campaign.name),
        changes: { dateMaj: { before: revisionValue(place.dateMaj), after: revisionValue(today) } },
        baseVersion: place.version,
      },
    });
    const cancelled = await cancelSessionsFromCampaign(tx, target.placeId, input.cancelSessionIds ?? [], contactLabel(target.campaign.name), now);
    return { status: 'done' as const, cancelled };
  });
  for (const id of result.cancelled) await tellRegistrants(db, id).catch(() => undefined);
  return { status: result.status };
}

/** Corrections go to the review queue: a pending revision (fields) and a report (free text). */
export async function proposeCorrection(
  db: Db,
  input: { token: string; placeId: string; values: CorrectionValues; message: string; now?: Date },
): Promise<RespondResult> {
  const now = input.now ?? new Date();
  const found = await usable(db, input.token, input.placeId, now);
  if (found.status !== 'ok') return found;
  const { target } = found;
  const read = readCorrection(input.values, target.place);
  if (!read.ok) return { status: 'errors', errors: read.errors };
  const message = input.message.trim().slice(0, 2000);
  const proposed = read.data;
  return db.$transaction(async (tx) => {
    const place = await tx.place.findUniqueOrThrow({ where: { id: target.placeId } });
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    for (const [field, after] of Object.entries(proposed)) {
      const before = (place as Record<string, unknown>)[field];
      if (!sameRevisionValue(before, after)) changes[field] = { before: revisionValue(before), after: revisionValue(after) };
    }
    if (!Object.keys(changes).length && !message)
      return { status: 'errors' as const, errors: { form: 'Vous n’avez rien modifié : si tout est juste, choisissez « Tout est à jour ».' } };
    if (!(await consume(tx, target.id, 'CORRECTED', now))) return { status: 'used' as const };
    if (Object.keys(changes).length) {
      // Applying the proposal also confirms the listing.
      changes.dateMaj = { before: revisionValue(place.dateMaj), after: revisionValue(dayOf(now)) };
      await tx.placeRevision.create({
        data: {
          placeId: place.id,
          kind: 'UPDATE',
          state: 'PENDING',
          authorLabel: contactLabel(target.campaign.name),
          changes: changes as Prisma.InputJsonValue,
          baseVersion: place.version,
          reason: message || null,
        },
      });
    }
    if (message)
      await tx.suggestion.create({
        data: { placeId: place.id, part: 'OTHER', message: `${contactLabel(target.campaign.name)} : ${message}`, email: target.email },
      });
    return { status: 'done' as const };
  });
}

/** "Le lieu a fermé": a report the coordinator acts on (the place is not archived automatically). */
export async function reportClosed(db: Db, input: { token: string; placeId: string; message: string; now?: Date }): Promise<RespondResult> {
  const now = input.now ?? new Date();
  const found = await usable(db, input.token, input.placeId, now);
  if (found.status !== 'ok') return found;
  const { target } = found;
  return db.$transaction(async (tx) => {
    if (!(await consume(tx, target.id, 'CLOSED', now))) return { status: 'used' as const };
    const detail = input.message.trim().slice(0, 2000);
    await tx.suggestion.create({
      data: {
        placeId: target.placeId,
        part: 'CLOSED',
        message: `${contactLabel(target.campaign.name)} : le lieu a fermé.${detail ? ` ${detail}` : ''}`,
        email: target.email,
      },
    });
    return { status: 'done' as const };
  });
}

/** Unsubscribe, or "je ne suis pas la bonne personne": this address is never emailed again. */
export async function optOut(db: Db, input: { token: string; placeId: string; reason: 'unsubscribed' | 'wrong_contact'; now?: Date }): Promise<RespondResult> {
  const now = input.now ?? new Date();
  const target = await findTarget(db, input.token);
  // Honoured even after the link was used or expired: only the place must match.
  if (!target || target.placeId !== input.placeId || !target.email) return { status: 'invalid' };
  await db.contactOptOut.upsert({
    where: { email: target.email },
    create: { email: target.email, reason: input.reason, createdAt: now },
    update: { reason: input.reason },
  });
  if (input.reason === 'wrong_contact') await db.campaignTarget.updateMany({ where: { id: target.id, usedAt: null }, data: { state: 'BOUNCED', usedAt: now } });
  return { status: 'done' };
}
