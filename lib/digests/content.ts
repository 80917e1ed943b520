// What a coordinator's weekly digest says (issue #23), for the networks they coordinate only
// (`UserNetwork`): reports and proposed changes waiting (new this week first), places that became
// stale this week (their last confirmation passed six months), and the campaigns' answers of the
// week, each with a direct, absolute link. A person who coordinates no network gets none.
import type { PrismaClient } from '@prisma/client';
import { SUGGESTION_PARTS } from '@/lib/places/suggestion-parts';

type Db = Pick<PrismaClient, 'network' | 'placeRevision' | 'suggestion' | 'place' | 'campaignTarget'>;

const DAY_MS = 24 * 3600 * 1000;
const LIST_MAX = 10;

export type DigestLine = { text: string; href: string };
export type DigestSection = { title: string; lines: DigestLine[]; more?: DigestLine };
export type DigestNetwork = { name: string; dashboard: string; sections: DigestSection[] };

const STATE = { CONFIRMED: 'confirmée à jour', CORRECTED: 'corrections proposées', CLOSED: 'lieu fermé', BOUNCED: 'mauvais contact' } as const;
const day = (date: Date) => date.toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', timeZone: 'Europe/Paris' });
const sixMonthsBefore = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - 6, date.getUTCDate()));

/** The pending changes and reports of the network: how many wait, and the newest of the week. */
async function waiting(db: Db, networkId: string, since: Date, base: string): Promise<DigestSection | null> {
  const inNetwork = { state: 'PENDING' as const, place: { networks: { some: { networkId } } } };
  const [revisions, suggestions, revisionCount, suggestionCount] = await Promise.all([
    db.placeRevision.findMany({ where: { ...inNetwork, createdAt: { gte: since } }, orderBy: { createdAt: 'desc' }, take: LIST_MAX, include: { place: true } }),
    db.suggestion.findMany({ where: { ...inNetwork, createdAt: { gte: since } }, orderBy: { createdAt: 'desc' }, take: LIST_MAX, include: { place: true } }),
    db.placeRevision.count({ where: inNetwork }),
    db.suggestion.count({ where: inNetwork }),
  ]);
  if (!revisionCount && !suggestionCount) return null;
  const queue = `${base}/admin/a-valider`;
  const lines = [
    ...revisions.map((r) => ({ text: `Modification proposée : ${r.place.name} (${r.place.commune}), le ${day(r.createdAt)}`, href: queue })),
    ...suggestions.map((s) => ({
      text: `Signalement « ${SUGGESTION_PARTS[s.part]} » : ${s.place.name} (${s.place.commune}), le ${day(s.createdAt)}`,
      href: queue,
    })),
  ];
  const title = `À valider : ${revisionCount} modification${revisionCount > 1 ? 's' : ''} proposée${revisionCount > 1 ? 's' : ''} et ${suggestionCount} signalement${suggestionCount > 1 ? 's' : ''} en attente (${lines.length} nouveau${lines.length > 1 ? 'x' : ''} cette semaine)`;
  return { title, lines, more: { text: 'Ouvrir la file à valider', href: queue } };
}

/** The network's live places whose last confirmation passed six months during the week. */
async function becameStale(db: Db, networkId: string, since: Date, now: Date, base: string): Promise<DigestSection | null> {
  const places = await db.place.findMany({
    where: { networks: { some: { networkId } }, status: { not: 'ARCHIVED' }, dateMaj: { gt: sixMonthsBefore(since), lte: sixMonthsBefore(now) } },
    orderBy: [{ dateMaj: 'asc' }, { name: 'asc' }],
    select: { id: true, name: true, commune: true, dateMaj: true },
  });
  if (!places.length) return null;
  return {
    title: `Devenues anciennes cette semaine (dernière confirmation il y a plus de 6 mois) : ${places.length}`,
    lines: places.slice(0, LIST_MAX).map((p) => ({ text: `${p.name} (${p.commune}), confirmée le ${day(p.dateMaj)}`, href: `${base}/admin/lieux/${p.id}` })),
  };
}

/** The campaigns' answers of the week. */
async function campaignAnswers(db: Db, networkId: string, since: Date, base: string, slug: string): Promise<DigestSection | null> {
  const answers = await db.campaignTarget.findMany({
    where: { campaign: { networkId }, respondedAt: { gte: since } },
    orderBy: { respondedAt: 'desc' },
    select: { state: true, respondedAt: true, campaignId: true, place: { select: { name: true, commune: true } } },
  });
  if (!answers.length) return null;
  return {
    title: `Réponses aux campagnes cette semaine : ${answers.length}`,
    lines: answers.slice(0, LIST_MAX).map((a) => ({
      text: `${a.place.name} (${a.place.commune}) : ${STATE[a.state as keyof typeof STATE] ?? 'réponse'}, le ${day(a.respondedAt!)}`,
      href: `${base}/admin/reseaux/${slug}/campagnes/${a.campaignId}`,
    })),
  };
}

/** The digest of each network the person coordinates (empty when none, or when nothing happened). */
export async function digestNetworks(db: Db, userId: string, now: Date, baseUrl: string): Promise<DigestNetwork[]> {
  const base = baseUrl.replace(/\/$/, '');
  const since = new Date(now.getTime() - 7 * DAY_MS);
  const networks = await db.network.findMany({
    where: { coordinators: { some: { userId } } },
    orderBy: { name: 'asc' },
    select: { id: true, slug: true, name: true },
  });
  const result: DigestNetwork[] = [];
  for (const n of networks) {
    const sections = await Promise.all([
      waiting(db, n.id, since, base),
      becameStale(db, n.id, since, now, base),
      campaignAnswers(db, n.id, since, base, n.slug),
    ]);
    const kept = sections.filter((s): s is DigestSection => !!s);
    if (kept.length) result.push({ name: n.name, dashboard: `${base}/admin/reseaux/${n.slug}`, sections: kept });
  }
  return result;
}
