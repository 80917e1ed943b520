// Import sources and their owners. The source name is typed freely, and re-imports find their
// rows by (source name, row id): so a name belongs to the network it was first imported into (or
// to the administrators), and a coordinator cannot import, nor archive, under another's name.
import type { PrismaClient } from '@prisma/client';
import { canImportUnderSource, canManageImportSources, isAdmin, type SessionUser } from '../auth/permissions';
import type { SourceOrder } from './provenance';

export const SOURCE_REFUSALS = {
  source:
    'Ce nom de source appartient à un autre réseau : choisissez un autre nom de source (les lieux d’un autre réseau ne peuvent être ni modifiés ni archivés par votre import).',
  'source-admin': 'Ce nom de source est géré par l’administration de Repères : choisissez un autre nom de source.',
} as const;
export type SourceRefusal = keyof typeof SOURCE_REFUSALS;

/** An import that is not allowed at all (nothing was read nor written). */
export class ImportRefusedError extends Error {
  constructor(
    readonly code: SourceRefusal | 'droits',
    message: string,
  ) {
    super(message);
    this.name = 'ImportRefusedError';
  }
}

type Db = Pick<PrismaClient, 'importSource' | '$queryRaw'>;
type AdminDb = Pick<PrismaClient, 'importSource' | 'network'>;

/**
 * The owner of a source name: its record, or for a name used before sources had owners, the one
 * network holding all its places (null, the administrators, when they are spread or without network).
 */
async function ownerOf(db: Db, name: string, networkId: string | null): Promise<{ networkId: string | null } | undefined> {
  const source = await db.importSource.findUnique({ where: { name }, select: { networkId: true } });
  if (source) return source;
  const [usage] = await db.$queryRaw<Array<{ places: bigint; outside: bigint }>>`
    SELECT count(*) AS places,
           count(*) FILTER (WHERE ${networkId}::uuid IS NULL OR NOT EXISTS (SELECT 1 FROM "NetworkMembership" m WHERE m."placeId" = p.id AND m."networkId" = ${networkId}::uuid)) AS outside
    FROM "Place" p WHERE p."sourceName" = ${name}`;
  if (Number(usage.places) === 0) return undefined;
  return { networkId: Number(usage.outside) === 0 ? networkId : null };
}

/** Why this user may not import under this name into this network, or null. */
export async function sourceRefusal(db: Db, user: SessionUser | null, name: string, networkId: string | null): Promise<SourceRefusal | null> {
  if (!user || isAdmin(user)) return null;
  const owner = await ownerOf(db, name, networkId);
  if (canImportUnderSource(user, networkId, owner)) return null;
  return owner?.networkId ? 'source' : 'source-admin';
}

/** Records the owner of a new source name (the first import under it wins a race). */
export async function claimSource(db: Db, name: string, networkId: string | null, userId: string | null): Promise<void> {
  await db.$queryRaw`INSERT INTO "ImportSource" (name, "networkId", "createdById") VALUES (${name}, ${networkId}::uuid, ${userId}::uuid) ON CONFLICT (name) DO NOTHING RETURNING name`;
}

/**
 * Every source's owner, and their order when two rows of the same date disagree: the higher
 * priority first, then the older source, then the name (names never recorded come last).
 */
export async function sourcesInfo(db: Db): Promise<{ owners: Map<string, string | null>; order: SourceOrder }> {
  const sources = await db.importSource.findMany({ select: { name: true, networkId: true, priority: true, createdAt: true } });
  const owners = new Map(sources.map((s) => [s.name, s.networkId]));
  const ranked = [...sources].sort((a, b) => b.priority - a.priority || a.createdAt.getTime() - b.createdAt.getTime() || a.name.localeCompare(b.name));
  const rank = new Map(ranked.map((s, i) => [s.name, i]));
  const order: SourceOrder = (a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0);
  return { owners, order };
}

/** The sources, their owners and how many places each gave, for the administrators' page. */
export async function listSources(db: Pick<PrismaClient, 'importSource' | '$queryRaw'>) {
  const [sources, counts] = await Promise.all([
    db.importSource.findMany({ orderBy: [{ priority: 'desc' }, { createdAt: 'asc' }], include: { network: { select: { slug: true, name: true } } } }),
    db.$queryRaw<
      Array<{ name: string; places: bigint }>
    >`SELECT "sourceName" AS name, count(*) AS places FROM "Place" WHERE "sourceName" IS NOT NULL GROUP BY "sourceName"`,
  ]);
  const places = new Map(counts.map((c) => [c.name, Number(c.places)]));
  return sources.map((s) => ({ ...s, places: places.get(s.name) ?? 0 }));
}

export type SourceUpdate = { name: string; networkSlug: string | null; priority: number };
export type SourceUpdateResult = 'done' | 'forbidden' | 'unknown-source' | 'unknown-network' | 'invalid-priority';

/** An administrator gives a source to a network (or to the administrators) and sets its priority. */
export async function updateSource(db: AdminDb, user: SessionUser, update: SourceUpdate): Promise<SourceUpdateResult> {
  if (!canManageImportSources(user)) return 'forbidden';
  if (!Number.isInteger(update.priority) || Math.abs(update.priority) > 1000) return 'invalid-priority';
  const network = update.networkSlug ? await db.network.findUnique({ where: { slug: update.networkSlug }, select: { id: true } }) : null;
  if (update.networkSlug && !network) return 'unknown-network';
  const updated = await db.importSource.updateMany({ where: { name: update.name }, data: { networkId: network?.id ?? null, priority: update.priority } });
  return updated.count ? 'done' : 'unknown-source';
}
