// The coordinator's side of an update campaign: which places to ask (candidatePlaces), the first
// message with a personal link to each reachable contact (startCampaign), the one reminder once the
// delay has passed (sendReminders), and who answered or must be called (campaignProgress). Only a
// SHA-256 hash of each link is stored; opted-out addresses are never emailed.
import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import { canManageNetwork, type SessionUser } from '@/lib/auth/permissions';
import { hashToken } from '@/lib/auth/tokens';
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
  const optOuts = new Set(
    (await db.contactOptOut.findMany({ where: { email: { in: places.flatMap((p) => p.emails.map((e) => e.toLowerCase())) } }, select: { email: true } })).map(
      (o) => o.email,
    ),
  );
  return places.map((p) => ({ ...p, email: p.emails.map((e) => e.toLowerCase()).find((e) => isEmail(e) && !optOuts.has(e)) ?? null }));
}

const frenchDate = (date: Date) => date.toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });

function campaignMail(input: {
  to: string;
  network: string;
  place: { name: string; commune: string; dateMaj: Date };
  link: string;
  expiresAt: Date;
  reminder: boolean;
}) {
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
  { status: 'forbidden' } | { status: 'invalid'; message: string } | { status: 'started'; campaignId: string; sent: number; withoutEmail: number };

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
  if (!Number.isInteger(input.reminderAfterDays) || input.reminderAfterDays < 1 || input.reminderAfterDays > 90)
    return { status: 'invalid', message: 'Le délai de relance va de 1 à 90 jours.' };
  if (!Number.isInteger(input.validDays) || input.validDays <= input.reminderAfterDays || input.validDays > 180)
    return { status: 'invalid', message: 'La durée de validité des liens doit dépasser le délai de relance (180 jours au plus).' };
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
      const campaign = await tx.campaign.create({
        data: { networkId: network.id, name, createdById: user.id, reminderAfterDays: input.reminderAfterDays, expiresAt, createdAt: now },
      });
      let sent = 0;
      for (const place of places) {
        const [email] = await reachableEmails(tx, place.emails);
        const token = newToken();
        await tx.campaignTarget.create({
          data: {
            campaignId: campaign.id,
            placeId: place.id,
            email: email ?? null,
            tokenHash: hashToken(token),
            state: email ? 'SENT' : 'PENDING',
            sentAt: email ? now : null,
          },
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
      const { count } = await tx.campaignTarget.updateMany({
        where: { id: target.id, reminderSentAt: null, usedAt: null },
        data: { tokenHash: hashToken(token), reminderSentAt: now },
      });
      if (count !== 1) return;
      await sendMail(
        tx,
        campaignMail({
          to: email,
          network: target.campaign.network.name,
          place: target.place,
          link: linkFor(input.baseUrl, token),
          expiresAt: target.campaign.expiresAt,
          reminder: true,
        }),
      );
      sent++;
    });
  }
  return sent;
}

/** The reminder is due for this campaign from this date. */
export function reminderDueAt(campaign: { createdAt: Date; reminderAfterDays: number }): Date {
  return new Date(campaign.createdAt.getTime() + campaign.reminderAfterDays * DAY_MS);
}

const ANSWERED = new Set(['CONFIRMED', 'CORRECTED', 'CLOSED']);

/**
 * Why a campaign's place must be called, or null when it need not be: no email, wrong contact,
 * unsubscribed, or no answer after the reminder. Shared by a campaign's page and the network's
 * dashboard list (with its CSV).
 */
export function callReason(
  target: { state: string; sentAt: Date | null; reminderSentAt: Date | null; email: string | null },
  optOutReason: string | undefined,
): string | null {
  if (ANSWERED.has(target.state)) return null;
  if (!target.sentAt) return 'pas d’adresse électronique utilisable';
  if (target.state === 'BOUNCED') return 'mauvais contact';
  if (optOutReason === 'unsubscribed') return 'ne souhaite plus de courriels';
  if (target.reminderSentAt) return 'sans réponse après la relance';
  if (optOutReason) return 'mauvais contact';
  return null;
}

export async function campaignProgress(db: Db, user: SessionUser, campaignId: string) {
  const campaign = await db.campaign.findUnique({
    where: { id: campaignId },
    include: {
      network: true,
      targets: {
        include: { place: { select: { id: true, slug: true, name: true, commune: true, phone: true, emails: true, dateMaj: true } } },
        orderBy: { place: { name: 'asc' } },
      },
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
    /** Contacts who answered (confirmed, corrected or reported a closure), of those emailed. */
    answered: t.filter((x) => x.sentAt && answered(x.state)).length,
  };
  // A percentage of the contacts emailed; none emailed, no rate.
  const responseRate = counts.sent ? Math.round((100 * counts.answered) / counts.sent) : null;
  const toCall = t.flatMap((x) => {
    const why = callReason(x, x.email ? optOutBy.get(x.email) : undefined);
    return why ? [{ ...x, why }] : [];
  });
  return { campaign, counts: { ...counts, responseRate }, toCall, reminderDue: reminderDueAt(campaign) };
}
