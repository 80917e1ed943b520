// Importing a place's iCalendar feed (read by ical-read.ts) into its ateliers, for the back-office
// upload and `npm run ateliers:import`. Not 'server-only': the command line runs it outside Next.js.
//
// - Re-importable: an atelier keeps its event's UID (Atelier.importUid, unique per place); the
//   same feed imported again changes nothing, a changed event updates its atelier (title,
//   description, times, rule, exceptions, status) and its sessions are re-expanded (syncSessions).
// - An event gone from the feed: its atelier (imported earlier from a feed of this place) is
//   cancelled with its coming sessions, which stay listed as cancelled; it is not deleted (people
//   may hold the date). Ateliers typed in the back-office are never touched.
// - All or nothing: every write happens in one transaction; a dry run does the same work and
//   rolls it back, so its figures are those of the real import.
import { createHash } from 'node:crypto';
import type { PrismaClient, Service } from '@prisma/client';
import { canManageAteliers, type SessionUser } from '@/lib/auth/permissions';
import { slugify } from '@/lib/geo/fold';
import { SERVICE_LABELS } from '@/lib/standard/enums';
import { readFeed, type FeedEvent, type FeedRefusal } from './ical-read';
import { syncSessions } from './sessions';

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export type FeedImportOptions = { defaultTheme?: string | null; dryRun?: boolean; now?: Date };
export type FeedImportReport = {
  ok: true;
  dryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
  cancelled: number;
  past: number;
  sessions: number;
  refused: FeedRefusal[];
  warnings: string[];
};
export type FeedImportResult = FeedImportReport | { ok: false; error: string };

export const IMPORT_NOT_ALLOWED = 'Vous ne pouvez pas gérer les ateliers de ce lieu.';

class DryRun extends Error {
  constructor(readonly report: FeedImportReport) {
    super('dry run');
  }
}

const sameDates = (a: Date[], b: Date[]) => a.length === b.length && a.every((d, i) => d.getTime() === b[i].getTime());

function fieldsOf(e: FeedEvent, now: Date) {
  return {
    title: e.title,
    summary: e.summary,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    timeZone: e.timeZone,
    rrule: e.rrule,
    exdates: [...e.exdates].sort((a, b) => a.getTime() - b.getTime()),
    cancelledAt: e.cancelled ? now : null,
  };
}

type Existing = Awaited<ReturnType<Tx['atelier']['findMany']>>[number];

function changed(a: Existing, f: ReturnType<typeof fieldsOf>): boolean {
  return (
    a.title !== f.title ||
    a.summary !== f.summary ||
    a.startsAt.getTime() !== f.startsAt.getTime() ||
    a.endsAt.getTime() !== f.endsAt.getTime() ||
    a.timeZone !== f.timeZone ||
    a.rrule !== f.rrule ||
    !sameDates(a.exdates, f.exdates) ||
    (a.cancelledAt === null) !== (f.cancelledAt === null)
  );
}

function slugFor(title: string, commune: string, uid: string, placeId: string) {
  const tail = createHash('sha256').update(`${placeId}|${uid}`).digest('hex').slice(0, 8);
  return `${(slugify(`${title} ${commune}`).slice(0, 80) || 'atelier').replace(/-$/, '')}-${tail}`;
}

type Target = { placeId: string; commune: string; theme: string | null; userId: string; now: Date };

/** One event into its atelier (created, updated or left), then the atelier's sessions. */
async function writeEvent(tx: Tx, e: FeedEvent, before: Existing | undefined, t: Target, report: FeedImportReport) {
  const { placeId, theme, now } = t;
  const fields = fieldsOf(e, now);
  let atelier = before;
  if (!before) {
    const themes = e.themes.length ? e.themes : [theme as Service];
    const registration = e.link ? { registrationMode: 'EXTERNAL' as const, registrationContact: e.link } : {};
    atelier = await tx.atelier.create({
      data: {
        ...fields,
        ...registration,
        themes,
        placeId,
        importUid: e.uid,
        slug: slugFor(e.title, t.commune, e.uid, placeId),
        createdById: t.userId || null,
      },
    });
    report.created++;
  } else if (changed(before, fields)) {
    const keepCancel = before.cancelledAt && fields.cancelledAt ? { cancelledAt: before.cancelledAt } : {};
    atelier = await tx.atelier.update({
      where: { id: before.id },
      data: { ...fields, ...keepCancel, ...(e.themes.length ? { themes: e.themes } : {}) },
    });
    // Back in the feed after being cancelled with it: its coming sessions are on again.
    if (before.cancelledAt && !fields.cancelledAt)
      await tx.atelierSession.updateMany({
        where: { atelierId: before.id, startsAt: { gte: now }, cancelledAt: before.cancelledAt },
        data: { cancelledAt: null },
      });
    report.updated++;
  } else report.unchanged++;
  if (atelier!.cancelledAt)
    await tx.atelierSession.updateMany({ where: { atelierId: atelier!.id, startsAt: { gte: now }, cancelledAt: null }, data: { cancelledAt: now } });
  else report.sessions += (await syncSessions(tx, atelier!, now)).added;
}

/** Imports `bytes` (an .ics file) into the ateliers of `placeId`, for a user who may manage them. */
export async function importFeed(
  db: PrismaClient,
  user: SessionUser,
  placeId: string,
  bytes: Uint8Array,
  options: FeedImportOptions = {},
): Promise<FeedImportResult> {
  const now = options.now ?? new Date();
  const place = /^[0-9a-f-]{36}$/i.test(placeId)
    ? await db.place.findUnique({ where: { id: placeId }, select: { id: true, commune: true, timeZone: true, networks: { select: { networkId: true } } } })
    : null;
  if (!place || !canManageAteliers(user, { id: place.id, networkIds: place.networks.map((m) => m.networkId) })) return { ok: false, error: IMPORT_NOT_ALLOWED };
  const theme = options.defaultTheme || null;
  if (theme && !(theme in SERVICE_LABELS)) return { ok: false, error: 'Thème par défaut inconnu : choisissez un service du standard.' };
  const feed = readFeed(bytes, place.timeZone, now);
  if (!feed.ok) return feed;
  const refused = [...feed.refused];
  const events = feed.events.filter((e) => {
    if (e.themes.length || theme) return true;
    refused.push({
      uid: e.uid,
      title: e.title,
      message: 'Aucun thème : ses catégories (CATEGORIES) ne sont pas des services du standard ; choisissez un thème par défaut.',
    });
    return false;
  });
  // Events refused this time keep their atelier as it is: a typo in the feed cancels nothing.
  const kept = new Set([...feed.past, ...refused.map((r) => r.uid ?? '')]);
  const report: FeedImportReport = {
    ok: true,
    dryRun: Boolean(options.dryRun),
    created: 0,
    updated: 0,
    unchanged: 0,
    cancelled: 0,
    past: feed.past.length,
    sessions: 0,
    refused,
    warnings: feed.warnings,
  };
  try {
    await db.$transaction(
      async (tx) => {
        const existing = new Map((await tx.atelier.findMany({ where: { placeId, importUid: { not: null } } })).map((a) => [a.importUid!, a]));
        for (const e of events) await writeEvent(tx, e, existing.get(e.uid), { placeId, commune: place.commune, theme, userId: user.id, now }, report);
        const inFeed = new Set(events.map((e) => e.uid));
        const gone = [...existing.values()].filter((a) => !inFeed.has(a.importUid!) && !kept.has(a.importUid!) && a.cancelledAt === null).map((a) => a.id);
        if (gone.length) {
          await tx.atelier.updateMany({ where: { id: { in: gone } }, data: { cancelledAt: now } });
          await tx.atelierSession.updateMany({ where: { atelierId: { in: gone }, startsAt: { gte: now }, cancelledAt: null }, data: { cancelledAt: now } });
        }
        report.cancelled = gone.length;
        if (options.dryRun) throw new DryRun(report);
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
  } catch (error) {
    if (error instanceof DryRun) return error.report;
    throw error;
  }
  return report;
}

/** The report in French, one line per fact (the command line prints it; the back-office shows it). */
export function reportLines(r: FeedImportReport): string[] {
  const lines = [
    `${r.dryRun ? 'Essai (rien n’a été écrit) : ' : ''}${r.created} atelier(s) créé(s), ${r.updated} modifié(s), ${r.unchanged} inchangé(s), ${r.cancelled} annulé(s) car absent(s) du calendrier ; ${r.sessions} séance(s) ajoutée(s).`,
  ];
  if (r.past) lines.push(`${r.past} évènement(s) passé(s) ignoré(s).`);
  for (const w of r.warnings) lines.push(`Attention : ${w}`);
  for (const x of r.refused) lines.push(`Refusé${x.title ? ` « ${x.title.slice(0, 80)} »` : ''}${x.uid ? ` (UID ${x.uid.slice(0, 60)})` : ''} : ${x.message}`);
  return lines;
}
