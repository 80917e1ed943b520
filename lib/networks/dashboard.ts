// The coordinator's dashboard of a network: places by status, freshness (not confirmed for 6 / 12
// months, oldest first), completeness (least complete first, with what is missing), pending
// changes and public reports, recent activity. Only the network's coordinators and admins see it.
import type { PlaceStatus, PrismaClient } from '@prisma/client';
import { canManageNetwork, type SessionUser } from '@/lib/auth/permissions';
import { completeness } from '@/lib/places/completeness';

type Db = Pick<PrismaClient, 'network' | 'place' | 'placeRevision' | 'suggestion' | 'campaign'>;

const MONTH_MS = 30.44 * 24 * 3600 * 1000;

export function monthsSince(date: Date, now: Date): number {
  return Math.floor((now.getTime() - date.getTime()) / MONTH_MS);
}

/** The network when the user may manage it; null when it does not exist or is not theirs (same answer, nothing leaks). */
export async function managedNetwork(db: Pick<PrismaClient, 'network'>, user: SessionUser, slug: string) {
  const network = await db.network.findUnique({ where: { slug } });
  if (!network || !canManageNetwork(user, network.id)) return null;
  return network;
}

/** The networks a user manages (admins: all). */
export async function managedNetworks(db: Pick<PrismaClient, 'network'>, user: SessionUser) {
  const where = user.role === 'ADMIN' ? {} : user.role === 'COORDINATOR' ? { id: { in: user.networkIds } } : { id: { in: [] as string[] } };
  return db.network.findMany({ where, orderBy: { name: 'asc' }, select: { id: true, slug: true, name: true, territory: true } });
}

export async function networkDashboard(db: Db, user: SessionUser, slug: string, now = new Date()) {
  const network = await managedNetwork(db, user, slug);
  if (!network) return null;
  const inNetwork = { networks: { some: { networkId: network.id } } };
  const [places, pendingRevisions, pendingSuggestions, activity, campaigns] = await Promise.all([
    db.place.findMany({
      where: inNetwork,
      select: {
        id: true, slug: true, name: true, commune: true, status: true, dateMaj: true, closedFrom: true, closedUntil: true, phone: true, emails: true,
        websites: true, openingHours: true, summary: true, presentation: true, latitude: true, longitude: true, services: true, fees: true,
        accessModes: true, supportModes: true, publics: true, typologies: true, accesLibreUrl: true, pivot: true,
      },
    }),
    db.placeRevision.findMany({ where: { state: 'PENDING', place: inNetwork }, orderBy: { createdAt: 'asc' }, include: { place: { select: { id: true, name: true } }, author: { select: { name: true, email: true } } } }),
    db.suggestion.findMany({ where: { state: 'PENDING', place: inNetwork }, orderBy: { createdAt: 'asc' }, include: { place: { select: { id: true, name: true } } } }),
    db.placeRevision.findMany({ where: { place: inNetwork }, orderBy: { createdAt: 'desc' }, take: 20, include: { place: { select: { id: true, name: true } }, author: { select: { name: true, email: true } } } }),
    db.campaign.findMany({ where: { networkId: network.id }, orderBy: { createdAt: 'desc' }, include: { _count: { select: { targets: true } } } }),
  ]);

  const byStatus: Record<PlaceStatus, number> = { PUBLISHED: 0, DRAFT: 0, ARCHIVED: 0 };
  for (const p of places) byStatus[p.status]++;
  const today = now.toISOString().slice(0, 10);
  const temporarilyClosed = places.filter((p) => {
    if (p.status !== 'PUBLISHED' || (!p.closedFrom && !p.closedUntil)) return false;
    const from = p.closedFrom?.toISOString().slice(0, 10) ?? today;
    const until = p.closedUntil?.toISOString().slice(0, 10) ?? today;
    return from <= today && today <= until;
  }).length;

  const live = places.filter((p) => p.status !== 'ARCHIVED');
  const stale = live
    .map((p) => ({ id: p.id, slug: p.slug, name: p.name, commune: p.commune, status: p.status, dateMaj: p.dateMaj, months: monthsSince(p.dateMaj, now) }))
    .filter((p) => p.months >= 6)
    .sort((a, b) => a.dateMaj.getTime() - b.dateMaj.getTime() || a.name.localeCompare(b.name, 'fr'));
  const scored = live
    .map((p) => ({ id: p.id, slug: p.slug, name: p.name, commune: p.commune, status: p.status, ...completeness(p) }))
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name, 'fr'));
  const meanScore = scored.length ? Math.round(scored.reduce((sum, p) => sum + p.score, 0) / scored.length) : null;

  return {
    network,
    byStatus,
    temporarilyClosed,
    freshness: { over6: stale.length, over12: stale.filter((p) => p.months >= 12).length, oldest: stale },
    completeness: { meanScore, least: scored },
    pending: { revisions: pendingRevisions, suggestions: pendingSuggestions },
    activity,
    campaigns,
  };
}

export type NetworkDashboard = NonNullable<Awaited<ReturnType<typeof networkDashboard>>>;
