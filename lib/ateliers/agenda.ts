import 'server-only';
// A network's agenda, for the embed (/embed?reseau=<slug>&vue=ateliers): the coming sessions of
// the network's published places, soonest first — never a cancelled session, never a session of
// a cancelled series, never another network's. One SQL query over the sessions' startsAt index.
import { Prisma, type PrismaClient } from '@prisma/client';
import { readDb } from '@/lib/db';
import { window, type When } from './filters';
import { PUBLIC_PLACE, SESSION_COLUMNS, SESSION_FROM, type SessionRow } from './search';

export const AGENDA_LIMIT = 30;

export type AgendaNetwork = { id: string; slug: string; name: string; color: string | null };

/** The network named by `slug`, or null. */
export async function agendaNetwork(slug: string | null, db: Pick<PrismaClient, 'network'> = readDb): Promise<AgendaNetwork | null> {
  if (!slug || !/^[a-z0-9-]{1,120}$/.test(slug)) return null;
  return db.network.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, color: true } });
}

/** The network's coming sessions (at most `limit`), within `quand` (this week, this weekend…) when given. */
export async function networkAgenda(
  networkId: string,
  options: { now?: Date; quand?: When; limit?: number; db?: Pick<PrismaClient, '$queryRaw'> } = {},
): Promise<SessionRow[]> {
  const db = options.db ?? readDb;
  const { from, to } = window(options.quand ?? null, options.now ?? new Date());
  const until = to ? Prisma.sql`AND s."startsAt" < ${to}` : Prisma.empty;
  return db.$queryRaw<SessionRow[]>`SELECT ${SESSION_COLUMNS}, NULL::float8 AS distance FROM ${SESSION_FROM}
    WHERE ${PUBLIC_PLACE} AND s."startsAt" >= ${from} ${until} AND s."cancelledAt" IS NULL AND a."cancelledAt" IS NULL
      AND EXISTS (SELECT 1 FROM "NetworkMembership" m WHERE m."placeId" = p."id" AND m."networkId" = ${networkId}::uuid)
    ORDER BY s."startsAt", a."title", s."id" LIMIT ${options.limit ?? AGENDA_LIMIT}`;
}
