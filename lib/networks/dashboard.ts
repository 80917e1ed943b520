// The coordinator's dashboard of a network: places by status, freshness (not confirmed for 6 / 12
// months, oldest first), completeness (least complete first, with what is missing), pending
// changes and public reports, recent activity. Only the network's coordinators and admins see it
// (`canManageNetwork`; lists of networks through `networkScopeWhere`). Pages call these without a
// client (the shared one); tests may pass theirs last.
import 'server-only';
import type { PlaceStatus, PrismaClient } from '@prisma/client';
import { canManageNetwork, networkScopeWhere, type SessionUser } from '@/lib/auth/permissions';
import { computeCoverage, communeReferenceCount } from '@/lib/coverage';
import { callList, callListCsv, campaignRates, candidatePlaces, campaignProgress, type Criterion } from '@/lib/campaigns';
import { DEFAULT_SERVICE } from '@/lib/coverage/params';
import { db as sharedDb, readDb } from '@/lib/db';
import { completeness } from '@/lib/places/completeness';
import { networkFreshness, territoryCommunePoints } from './freshness';
import { furthestCommunes } from './reach';

type Db = Pick<PrismaClient, 'network' | 'place' | 'placeRevision' | 'suggestion' | 'campaign'>;

const MONTH_MS = 30.44 * 24 * 3600 * 1000;

export function monthsSince(date: Date, now: Date): number {
  return Math.floor((now.getTime() - date.getTime()) / MONTH_MS);
}

/** The network when the user may manage it; null when it does not exist or is not theirs (same answer, nothing leaks). */
export async function managedNetwork(user: SessionUser, slug: string, db: Pick<PrismaClient, 'network'> = sharedDb) {
  const network = await db.network.findUnique({ where: { slug } });
  if (!network || !canManageNetwork(user, network.id)) return null;
  return network;
}

/** The networks a user manages (admins: all; editors: none), by name: for pickers and filters too. */
export async function managedNetworks(user: SessionUser, db: Pick<PrismaClient, 'network'> = sharedDb) {
  return db.network.findMany({ where: networkScopeWhere(user), orderBy: { name: 'asc' }, select: { id: true, slug: true, name: true, territory: true } });
}

/** Every network, by name (the import sources page gives a source to any of them: admins only). */
export async function allNetworks(db: Pick<PrismaClient, 'network'> = sharedDb) {
  return db.network.findMany({ orderBy: { name: 'asc' }, select: { id: true, slug: true, name: true } });
}

/** Coverage of each département of the network's territory (null where the communes are not loaded). */
export async function territoryCoverage(territory: string[]) {
  return Promise.all(
    territory.map(async (code) =>
      (await communeReferenceCount(readDb, code))
        ? { code, result: await computeCoverage(readDb, { departement: code, service: DEFAULT_SERVICE, free: false, saturday: false }) }
        : { code, result: null },
    ),
  );
}

/** The network's places, pending changes and reports, recent activity and campaigns, read at once. */
function dashboardRows(networkId: string, db: Db) {
  const inNetwork = { networks: { some: { networkId } } };
  return Promise.all([
    db.place.findMany({
      where: inNetwork,
      select: {
        id: true,
        slug: true,
        name: true,
        commune: true,
        status: true,
        dateMaj: true,
        closedFrom: true,
        closedUntil: true,
        phone: true,
        emails: true,
        websites: true,
        openingHours: true,
        summary: true,
        presentation: true,
        latitude: true,
        longitude: true,
        services: true,
        fees: true,
        accessModes: true,
        supportModes: true,
        publics: true,
        typologies: true,
        accesLibreUrl: true,
        pivot: true,
      },
    }),
    db.placeRevision.findMany({
      where: { state: 'PENDING', place: inNetwork },
      orderBy: { createdAt: 'asc' },
      include: { place: { select: { id: true, name: true } }, author: { select: { name: true, email: true } } },
    }),
    db.suggestion.findMany({
      where: { state: 'PENDING', place: inNetwork },
      orderBy: { createdAt: 'asc' },
      include: { place: { select: { id: true, name: true } } },
    }),
    db.placeRevision.findMany({
      where: { place: inNetwork },
      orderBy: { createdAt: 'desc' },
      take: 20,
      include: { place: { select: { id: true, name: true } }, author: { select: { name: true, email: true } } },
    }),
    db.campaign.findMany({ where: { networkId }, orderBy: { createdAt: 'desc' }, include: { _count: { select: { targets: true } } } }),
  ]);
}

type DashboardPlace = Awaited<ReturnType<typeof dashboardRows>>[0][number];

/** Places by status, and the published ones temporarily closed today. */
function statusCounts(places: DashboardPlace[], now: Date) {
  const byStatus: Record<PlaceStatus, number> = { PUBLISHED: 0, DRAFT: 0, ARCHIVED: 0 };
  for (const p of places) byStatus[p.status]++;
  const today = now.toISOString().slice(0, 10);
  const temporarilyClosed = places.filter((p) => {
    if (p.status !== 'PUBLISHED' || (!p.closedFrom && !p.closedUntil)) return false;
    const from = p.closedFrom?.toISOString().slice(0, 10) ?? today;
    const until = p.closedUntil?.toISOString().slice(0, 10) ?? today;
    return from <= today && today <= until;
  }).length;
  return { byStatus, temporarilyClosed };
}

/** Freshness (oldest first) and completeness (least complete first) of the places not archived. */
function freshnessAndCompleteness(places: DashboardPlace[], now: Date) {
  const live = places.filter((p) => p.status !== 'ARCHIVED');
  const stale = live
    .map((p) => ({ id: p.id, slug: p.slug, name: p.name, commune: p.commune, status: p.status, dateMaj: p.dateMaj, months: monthsSince(p.dateMaj, now) }))
    .filter((p) => p.months >= 6)
    .sort((a, b) => a.dateMaj.getTime() - b.dateMaj.getTime() || a.name.localeCompare(b.name, 'fr'));
  const scored = live
    .map((p) => ({ id: p.id, slug: p.slug, name: p.name, commune: p.commune, status: p.status, ...completeness(p) }))
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name, 'fr'));
  const meanScore = scored.length ? Math.round(scored.reduce((sum, p) => sum + p.score, 0) / scored.length) : null;
  return { stale, scored, meanScore };
}

export async function networkDashboard(user: SessionUser, slug: string, now = new Date(), db: Db = sharedDb) {
  const network = await managedNetwork(user, slug, db);
  if (!network) return null;
  const [places, pendingRevisions, pendingSuggestions, activity, campaigns] = await dashboardRows(network.id, db);
  const { byStatus, temporarilyClosed } = statusCounts(places, now);
  const { stale, scored, meanScore } = freshnessAndCompleteness(places, now);

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

const DAY_MS = 24 * 3600 * 1000;

/** The oldest change or report waiting for review and its age in whole days; null when nothing waits. */
export function reviewQueueAge(pending: { revisions: Array<{ createdAt: Date }>; suggestions: Array<{ createdAt: Date }> }, now: Date) {
  const dates = [...pending.revisions, ...pending.suggestions].map((x) => x.createdAt.getTime());
  if (!dates.length) return null;
  const oldest = new Date(Math.min(...dates));
  return { oldest, days: Math.floor((now.getTime() - oldest.getTime()) / DAY_MS), waiting: dates.length };
}

/**
 * The dashboard's overview of issue #23, for a network the page already checked (`networkDashboard`):
 * the freshness map and its 12 months, each campaign's answers, the places to call, the communes
 * furthest from the network's places.
 */
export async function networkOverview(network: { id: string; territory: string[] }, now = new Date(), db: PrismaClient = sharedDb) {
  const [freshness, background, rates, toCall, furthest] = await Promise.all([
    networkFreshness(db, network.id, now),
    territoryCommunePoints(db, network.territory),
    campaignRates(db, network.id),
    callList(db, network.id),
    furthestCommunes(db, network.id, network.territory),
  ]);
  return { freshness, background, rates, toCall, furthest };
}

/** The places to call, or null when the user does not manage the network (same answer for an unknown one). */
export async function networkCallList(user: SessionUser, slug: string, db: PrismaClient = sharedDb) {
  const network = await managedNetwork(user, slug, db);
  if (!network) return null;
  return { network, rows: await callList(db, network.id) };
}

/** The places to call as CSV (see `callListCsv`), or null when the user does not manage the network (same answer for an unknown one). */
export async function callListCsvFor(user: SessionUser, slug: string, baseUrl: string, db: PrismaClient = sharedDb) {
  const list = await networkCallList(user, slug, db);
  if (!list) return null;
  const { network, rows } = list;
  return { network, csv: callListCsv(rows, (id) => `${baseUrl}/admin/lieux/${id}`) };
}

export type NetworkDashboard = NonNullable<Awaited<ReturnType<typeof networkDashboard>>>;

// `lib/campaigns` is also run by `scripts/campaign-reminders.ts`, outside Next.js: it takes its
// client as an argument. The pages read through these, on the shared client.

/** The network's places a new campaign would target (see `candidatePlaces`). */
export function campaignCandidates(networkId: string, criterion: Criterion, now = new Date()) {
  return candidatePlaces(sharedDb, networkId, criterion, now);
}

/** Whether the user manages the network of this campaign (false for an unknown campaign). */
export async function managesCampaign(user: SessionUser, campaignId: string, db: Pick<PrismaClient, 'campaign'> = sharedDb): Promise<boolean> {
  const campaign = await db.campaign.findUnique({ where: { id: campaignId }, select: { networkId: true } });
  return !!campaign && canManageNetwork(user, campaign.networkId);
}

/** A campaign's progress, or null when the user does not manage its network (see `campaignProgress`). */
export function campaignProgressFor(user: SessionUser, campaignId: string) {
  return campaignProgress(sharedDb, user, campaignId);
}
