// What an update campaign asks about a place's ateliers: its coming sessions, listed on the
// personal link's page, and those the contact says will not take place — cancelled with the
// listing's confirmation, in the same transaction, and told to the people registered.
import type { Prisma, PrismaClient } from '@prisma/client';
import { sessionWhen } from './format';

type Db = PrismaClient;
type Tx = Prisma.TransactionClient;

/** How far ahead, and how many, coming sessions a campaign asks about. */
export const CAMPAIGN_SESSION_DAYS = 60;
export const CAMPAIGN_SESSION_LIMIT = 30;

export type CampaignSession = { id: string; when: string; title: string };

/** The place's coming sessions (not cancelled) within the campaign's look-ahead. */
export async function comingSessionsToConfirm(db: Db, placeId: string, now = new Date()): Promise<CampaignSession[]> {
  const sessions = await db.atelierSession.findMany({
    where: {
      cancelledAt: null,
      startsAt: { gt: now, lt: new Date(now.getTime() + CAMPAIGN_SESSION_DAYS * 86_400_000) },
      atelier: { placeId, cancelledAt: null },
    },
    orderBy: { startsAt: 'asc' },
    take: CAMPAIGN_SESSION_LIMIT,
    select: { id: true, startsAt: true, endsAt: true, atelier: { select: { title: true, timeZone: true } } },
  });
  return sessions.map((s) => ({ id: s.id, title: s.atelier.title, when: sessionWhen(s.startsAt, s.endsAt, s.atelier.timeZone) }));
}

/**
 * Cancels the sessions the contact ticked, among the place's own coming ones only (an id of
 * another place's session, a past or already cancelled one, is ignored), each a line of the
 * place's history. Returns the ids cancelled, whose registrants are then told.
 */
export async function cancelSessionsFromCampaign(tx: Tx, placeId: string, sessionIds: string[], authorLabel: string, now: Date): Promise<string[]> {
  const ids = [...new Set(sessionIds)].filter((id) => /^[0-9a-f-]{36}$/i.test(id)).slice(0, CAMPAIGN_SESSION_LIMIT);
  if (!ids.length) return [];
  const sessions = await tx.atelierSession.findMany({
    where: { id: { in: ids }, cancelledAt: null, startsAt: { gt: now }, atelier: { placeId } },
    select: { id: true, startsAt: true, endsAt: true, atelier: { select: { title: true, timeZone: true } } },
  });
  for (const s of sessions) {
    await tx.atelierSession.update({ where: { id: s.id }, data: { cancelledAt: now } });
    const what = `Séance de « ${s.atelier.title} », ${sessionWhen(s.startsAt, s.endsAt, s.atelier.timeZone)}`;
    await tx.placeRevision.create({ data: { placeId, kind: 'ATELIER', authorLabel, changes: { [what]: { before: 'prévue', after: 'annulée' } } } });
  }
  return sessions.map((s) => s.id);
}
