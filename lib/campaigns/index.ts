// Update campaigns: a coordinator asks the contacts of a selection of places to confirm their
// listing. Each contact receives (through lib/mail) a personal link that expires with the campaign,
// works once and only for its own place; only a SHA-256 hash of it is stored. Without an account,
// the contact confirms ("tout est à jour": date_maj becomes today), proposes corrections (a pending
// revision in the coordinator's review queue, plus a report for what the form cannot say), or says
// the place has closed (a report the coordinator acts on). Contacts who unsubscribe or say they are
// the wrong person are never emailed again; the campaign sends one reminder after its delay.
import { randomBytes } from 'node:crypto';
import type { Prisma, PrismaClient } from '@prisma/client';
import { canManageNetwork, type SessionUser } from '@/lib/auth/permissions';
import { hashToken } from '@/lib/auth/tokens';
import { parseSection } from '@/lib/editing/sections';
import { isEmail, sendMail } from '@/lib/mail';

type Db = PrismaClient;

export const CRITERIA = {
  annee: 'Non confirmés cette année',
  '6mois': 'Non confirmés depuis 6 mois',
  '12mois': 'Non confirmés depuis 12 mois',
  tous: 'Tous les lieux publiés',
} as const;
export type Criterion = keyof typeof CRITERIA;

const DAY_MS = 24 * 3600 * 1000;
const MAX_TARGETS = 2000;

function threshold(criterion: Criterion, now: Date): Date | null {
  if (criterion === 'annee') return new Date(Date.UTC(now.getUTCFullYear(), 0, 1));
  if (criterion === '6mois') return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 6, now.getUTCDate()));
  if (criterion === '12mois') return new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth(), now.getUTCDate()));
  return null;
}

/** The emails of a place that may be written to (the first one is used), opt-outs removed. */
async function reachableEmails(db: Pick<PrismaClient, 'contactOptOut'>, emails: string[]): Promise<string[]> {
  const normalised = [...new Set(emails.map((e) => e.trim().toLowerCase()).filter(isEmail))];
  if (!normalised.length) return [];
  const opted = await db.contactOptOut.findMany({ where: { email: { in: normalised } }, select: { email: true } });
  const blocked = new Set(opted.map((o) => o.email));
  return normalised.filter((e) => !blocked.has(e));
}

/** The network's published places matching a criterion, oldest confirmation first, with who can be emailed. */
export async function candidatePlaces(db: Db, networkId: string, criterion: Criterion, now = new Date()) {
  const before = threshold(criterion, now);
  const places = await db.place.findMany({
    where: { status: 'PUBLISHED', networks: { some: { networkId } }, ...(before ? { dateMaj: { lt: before } } : {}) },
    orderBy: [{ dateMaj: 'asc' }, { name: 'asc' }],
    select: { id: true, name: true, commune: true, dateMaj: true, emails: true, phone: true },
    take: MAX_TARGETS,
  });
  const optOuts = new Set((await db.contactOptOut.findMany({ where: { email: { in: places.flatMap((p) => p.emails.map((e) => e.toLowerCase())) } }, select: { email: true } })).map((o) => o.email));
  return places.map((p) => ({ ...p, email: p.emails.map((e) => e.toLowerCase()).find((e) => isEmail(e) && !optOuts.has(e)) ?? null }));
}

const frenchDate = (date: Date) => date.toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });

function campaignMail(input: { to: string; network: string; place: { name: string; commune: string; dateMaj: Date }; link: string; expiresAt: Date; reminder: boolean }) {
  const subject = `${input.reminder ? 'Rappel — ' : ''}${input.network} : la fiche « ${input.place.name} » est-elle à jour ?`;
  const text = [
    'Bonjour,',
    '',
    `Le réseau ${input.network} tient à jour l’annuaire Repères, où les habitants trouvent de l’aide au numérique près de chez eux.`,
    `La fiche de « ${input.place.name} » (${input.place.commune}) a été confirmée pour la dernière fois le ${frenchDate(input.place.dateMaj)}.`,
    '',
    'En un clic, dites-nous si elle est toujours juste, corrigez-la, ou signalez que le lieu a fermé :',
    input.link,
    '',
    `Ce lien personnel est valable jusqu’au ${frenchDate(input.expiresAt)} et ne sert qu’une fois. Aucun compte n’est nécessaire.${input.reminder ? ' Il remplace celui du premier message.' : ''}`,
    '',
    'Vous n’êtes pas la bonne personne, ou ne souhaitez plus recevoir ces messages ? Dites-le nous par le même lien (en bas de la page).',
    '',
    `— ${input.network}`,
  ].join('\n');
  return { to: input.to, subject, text };
}

const newToken = () => randomBytes(32).toString('base64url');
const linkFor = (baseUrl: string, token: string) => `${baseUrl.replace(/\/$/, '')}/mise-a-jour/${token}`;

export type StartResult =
  | { status: 'forbidden' }
  | { status: 'invalid'; message: string }
  | { status: 'started'; campaignId: string; sent: number; withoutEmail: number };

export async function startCampaign(
  db: Db,
  user: SessionUser,
  input: { networkId: string; name: string; placeIds: string[]; reminderAfterDays: number; validDays: number; baseUrl: string; now?: Date },
): Promise<StartResult> {
  if (!canManageNetwork(user, input.networkId)) return { status: 'forbidden' };
  const now = input.now ?? new Date();
  const name = input.name.trim().slice(0, 200);
  if (!name) return { status: 'invalid', message: 'Donnez un nom à la campagne.' };
  const placeIds = [...new Set(input.placeIds)].slice(0, MAX_TARGETS);
  if (!placeIds.length) return { status: 'invalid', message: 'Choisissez au moins un lieu.' };
  if (!Number.isInteger(input.reminderAfterDays) || input.reminderAfterDays < 1 || input.reminderAfterDays > 90) return { status: 'invalid', message: 'Le délai de relance va de 1 à 90 jours.' };
  if (!Number.isInteger(input.validDays) || input.validDays <= input.reminderAfterDays || input.validDays > 180) return { status: 'invalid', message: 'La durée de validité des liens doit dépasser le délai de relance (180 jours au plus).' };
  const network = await db.network.findUniqueOrThrow({ where: { id: input.networkId } });
  const places = await db.place.findMany({
    where: { id: { in: placeIds }, status: 'PUBLISHED', networks: { some: { networkId: input.networkId } } },
    select: { id: true, name: true, commune: true, dateMaj: true, emails: true },
  });
  // Only the network's own published places: anything else in the form is ignored.
  if (places.length !== placeIds.length) return { status: 'invalid', message: 'Certains lieux choisis ne sont pas des lieux publiés du réseau.' };
  const expiresAt = new Date(now.getTime() + input.validDays * DAY_MS);

  return db.$transaction(
    async (tx) => {
      const campaign = await tx.campaign.create({ data: { networkId: network.id, name, createdById: user.id, reminderAfterDays: input.reminderAfterDays, expiresAt, createdAt: now } });
      let sent = 0;
      for (const place of places) {
        const [email] = await reachableEmails(tx, place.emails);
        const token = newToken();
        await tx.campaignTarget.create({
          data: { campaignId: campaign.id, placeId: place.id, email: email ?? null, tokenHash: hashToken(token), state: email ? 'SENT' : 'PENDING', sentAt: email ? now : null },
        });
        if (email) {
          await sendMail(tx, campaignMail({ to: email, network: network.name, place, link: linkFor(input.baseUrl, token), expiresAt, reminder: false }));
          sent++;
        }
      }
      return { status: 'started' as const, campaignId: campaign.id, sent, withoutEmail: places.length - sent };
    },
    { timeout: 60_000 },
  );
}

/** Sends the one reminder to contacts who have not answered once the campaign's delay has passed. */
export async function sendReminders(db: Db, input: { campaignId?: string; baseUrl: string; now?: Date }): Promise<number> {
  const now = input.now ?? new Date();
  const targets = await db.campaignTarget.findMany({
    where: {
      ...(input.campaignId ? { campaignId: input.campaignId } : {}),
      state: { in: ['SENT', 'OPENED'] },
      usedAt: null,
      reminderSentAt: null,
      email: { not: null },
      campaign: { expiresAt: { gt: now } },
    },
    include: { campaign: { include: { network: { select: { name: true } } } }, place: { select: { name: true, commune: true, dateMaj: true } } },
  });
  let sent = 0;
  for (const target of targets) {
    if (!target.sentAt || target.sentAt.getTime() + target.campaign.reminderAfterDays * DAY_MS > now.getTime()) continue;
    const [email] = await reachableEmails(db, [target.email!]);
    if (!email) continue;
    const token = newToken();
    // The hash is replaced: the reminder's link is now the only valid one.
    await db.$transaction(async (tx) => {
      const { count } = await tx.campaignTarget.updateMany({ where: { id: target.id, reminderSentAt: null, usedAt: null }, data: { tokenHash: hashToken(token), reminderSentAt: now } });
      if (count !== 1) return;
      await sendMail(tx, campaignMail({ to: email, network: target.campaign.network.name, place: target.place, link: linkFor(input.baseUrl, token), expiresAt: target.campaign.expiresAt, reminder: true }));
      sent++;
    });
  }
  return sent;
}

/** The reminder is due for this campaign from this date. */
export function reminderDueAt(campaign: { createdAt: Date; reminderAfterDays: number }): Date {
  return new Date(campaign.createdAt.getTime() + campaign.reminderAfterDays * DAY_MS);
}

export async function campaignProgress(db: Db, user: SessionUser, campaignId: string) {
  const campaign = await db.campaign.findUnique({
    where: { id: campaignId },
    include: {
      network: true,
      targets: { include: { place: { select: { id: true, slug: true, name: true, commune: true, phone: true, emails: true, dateMaj: true } } }, orderBy: { place: { name: 'asc' } } },
    },
  });
  if (!campaign || !canManageNetwork(user, campaign.networkId)) return null;
  const t = campaign.targets;
  const answered = (s: string) => ['CONFIRMED', 'CORRECTED', 'CLOSED'].includes(s);
  const optOuts = await db.contactOptOut.findMany({ where: { email: { in: t.map((x) => x.email).filter((e): e is string => !!e) } } });
  const optOutBy = new Map(optOuts.map((o) => [o.email, o.reason]));
  const counts = {
    targets: t.length,
    sent: t.filter((x) => x.sentAt).length,
    opened: t.filter((x) => x.openedAt).length,
    confirmed: t.filter((x) => x.state === 'CONFIRMED').length,
    corrected: t.filter((x) => x.state === 'CORRECTED').length,
    closed: t.filter((x) => x.state === 'CLOSED').length,
    wrongContact: t.filter((x) => x.state === 'BOUNCED').length,
    noAnswer: t.filter((x) => x.sentAt && !answered(x.state) && x.state !== 'BOUNCED').length,
    reminded: t.filter((x) => x.reminderSentAt).length,
    withoutEmail: t.filter((x) => !x.sentAt).length,
  };
  // To call: no email, wrong contact, unsubscribed, or no answer after the reminder.
  const toCall = t
    .filter((x) => !answered(x.state) && (!x.sentAt || x.state === 'BOUNCED' || x.reminderSentAt || (x.email && optOutBy.has(x.email))))
    .map((x) => ({
      ...x,
      why: !x.sentAt ? 'pas d’adresse électronique utilisable' : x.state === 'BOUNCED' ? 'mauvais contact' : x.email && optOutBy.get(x.email) === 'unsubscribed' ? 'ne souhaite plus de courriels' : 'sans réponse après la relance',
    }));
  return { campaign, counts, toCall, reminderDue: reminderDueAt(campaign) };
}

export type CampaignLink =
  | { status: 'invalid' | 'expired' | 'used' }
  | { status: 'ok'; target: { id: string; email: string | null; state: string }; campaign: { name: string; network: string; expiresAt: Date }; place: Prisma.PlaceGetPayload<{ select: typeof PLACE_FIELDS }> };

const PLACE_FIELDS = { id: true, slug: true, name: true, street: true, postcode: true, commune: true, phone: true, emails: true, websites: true, appointmentUrl: true, openingHours: true, dateMaj: true, version: true } as const;

async function findTarget(db: Db, token: string) {
  if (!token || token.length > 200) return null;
  return db.campaignTarget.findUnique({ where: { tokenHash: hashToken(token) }, include: { campaign: { include: { network: { select: { name: true } } } }, place: { select: PLACE_FIELDS } } });
}

/** Reads the link (and records that it was opened). */
export async function openCampaignLink(db: Db, token: string, now = new Date()): Promise<CampaignLink> {
  const target = await findTarget(db, token);
  if (!target) return { status: 'invalid' };
  if (target.usedAt) return { status: 'used' };
  if (target.campaign.expiresAt <= now) return { status: 'expired' };
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
export type CorrectionState = { errors?: Record<string, string>; message?: string; values?: Record<string, string> };

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
const plain = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : (value ?? null));
const same = (a: unknown, b: unknown) => JSON.stringify(plain(a)) === JSON.stringify(plain(b));
const contactLabel = (campaign: string) => `Contact du lieu (campagne « ${campaign} »)`;

/** "Tout est à jour": date_maj becomes today. */
export async function confirmListing(db: Db, input: { token: string; placeId: string; now?: Date }): Promise<RespondResult> {
  const now = input.now ?? new Date();
  const found = await usable(db, input.token, input.placeId, now);
  if (found.status !== 'ok') return found;
  const { target } = found;
  return db.$transaction(async (tx) => {
    if (!(await consume(tx, target.id, 'CONFIRMED', now))) return { status: 'used' as const };
    const place = await tx.place.findUniqueOrThrow({ where: { id: target.placeId }, select: { dateMaj: true, version: true } });
    const today = dayOf(now);
    await tx.place.update({ where: { id: target.placeId }, data: { dateMaj: today, confirmedBy: `Contact du lieu (${target.campaign.network.name})`, version: { increment: 1 } } });
    await tx.placeRevision.create({
      data: { placeId: target.placeId, kind: 'CONFIRM', authorLabel: contactLabel(target.campaign.name), changes: { dateMaj: { before: plain(place.dateMaj), after: plain(today) } }, baseVersion: place.version },
    });
    return { status: 'done' as const };
  });
}

/** Corrections go to the review queue: a pending revision (fields) and a report (free text). */
export async function proposeCorrection(db: Db, input: { token: string; placeId: string; values: Record<string, unknown>; message: string; now?: Date }): Promise<RespondResult> {
  const now = input.now ?? new Date();
  const found = await usable(db, input.token, input.placeId, now);
  if (found.status !== 'ok') return found;
  const { target } = found;
  const contact = parseSection('contact', { phone: input.values.phone ?? '', emails: input.values.emails ?? '', websites: input.values.websites ?? '', appointmentUrl: input.values.appointmentUrl ?? '' });
  const hours = parseSection('horaires', { openingHours: input.values.openingHours ?? '' });
  const message = input.message.trim().slice(0, 2000);
  const errors = { ...(contact.ok ? {} : contact.errors), ...(hours.ok ? {} : hours.errors) };
  if (!contact.ok || !hours.ok) return { status: 'errors', errors };
  const proposed = { ...contact.data, ...hours.data };
  return db.$transaction(async (tx) => {
    const place = await tx.place.findUniqueOrThrow({ where: { id: target.placeId } });
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    for (const [field, after] of Object.entries(proposed)) {
      const before = (place as Record<string, unknown>)[field];
      if (!same(before, after)) changes[field] = { before: plain(before), after: plain(after) };
    }
    if (!Object.keys(changes).length && !message) return { status: 'errors' as const, errors: { form: 'Vous n’avez rien modifié : si tout est juste, choisissez « Tout est à jour ».' } };
    if (!(await consume(tx, target.id, 'CORRECTED', now))) return { status: 'used' as const };
    if (Object.keys(changes).length) {
      // Applying the proposal also confirms the listing.
      changes.dateMaj = { before: plain(place.dateMaj), after: plain(dayOf(now)) };
      await tx.placeRevision.create({
        data: { placeId: place.id, kind: 'UPDATE', state: 'PENDING', authorLabel: contactLabel(target.campaign.name), changes: changes as Prisma.InputJsonValue, baseVersion: place.version, reason: message || null },
      });
    }
    if (message) await tx.suggestion.create({ data: { placeId: place.id, part: 'OTHER', message: `${contactLabel(target.campaign.name)} : ${message}`, email: target.email } });
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
    await tx.suggestion.create({ data: { placeId: target.placeId, part: 'CLOSED', message: `${contactLabel(target.campaign.name)} : le lieu a fermé.${detail ? ` ${detail}` : ''}`, email: target.email } });
    return { status: 'done' as const };
  });
}

/** Unsubscribe, or "je ne suis pas la bonne personne": this address is never emailed again. */
export async function optOut(db: Db, input: { token: string; placeId: string; reason: 'unsubscribed' | 'wrong_contact'; now?: Date }): Promise<RespondResult> {
  const now = input.now ?? new Date();
  const target = await findTarget(db, input.token);
  // Honoured even after the link was used or expired: only the place must match.
  if (!target || target.placeId !== input.placeId || !target.email) return { status: 'invalid' };
  await db.contactOptOut.upsert({ where: { email: target.email }, create: { email: target.email, reason: input.reason, createdAt: now }, update: { reason: input.reason } });
  if (input.reason === 'wrong_contact') await db.campaignTarget.updateMany({ where: { id: target.id, usedAt: null }, data: { state: 'BOUNCED', usedAt: now } });
  return { status: 'done' };
}
