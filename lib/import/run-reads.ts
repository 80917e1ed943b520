// What the back-office import pages read: the recent runs on /admin/import, one run with its
// report on /admin/import/<id> (and its CSV downloads), the columns of a file waiting for its
// mapping, and the sources on /admin/import/sources. Each run is narrowed by
// `lib/auth/permissions.ts` (`importRunScopeWhere`, `canSeeImportRun`). Pages call these without
// a client (the shared one); tests may pass theirs last. The writes are in runs.ts.
import 'server-only';
import type { PrismaClient } from '@prisma/client';
import { canManageImportSources, canSeeImportRun, importRunScopeWhere, type SessionUser } from '@/lib/auth/permissions';
import { db as sharedDb } from '@/lib/db';
import type { ImportReport } from './run';
import { fileColumns } from './runs';
import { listSources } from './sources';

const UUID = /^[0-9a-f-]{36}$/i;

/** The user's last 15 runs (admins: everyone's), newest first. */
export async function recentImportRuns(user: SessionUser, db: PrismaClient = sharedDb) {
  return db.importRun.findMany({
    where: importRunScopeWhere(user),
    orderBy: { startedAt: 'desc' },
    take: 15,
    select: { id: true, fileName: true, sourceName: true, format: true, state: true, startedAt: true, summary: true },
  });
}
export type RecentImportRun = Awaited<ReturnType<typeof recentImportRuns>>[number];

/** One run as its page shows it (everything but the file), or null when it does not exist or is not the user's to see. */
export async function importRunForPage(user: SessionUser, id: string, db: PrismaClient = sharedDb) {
  if (!UUID.test(id)) return null;
  const run = await db.importRun.findUnique({
    where: { id },
    select: {
      id: true,
      userId: true,
      format: true,
      sourceName: true,
      fileName: true,
      networkSlug: true,
      state: true,
      summary: true,
      report: true,
      done: true,
      fraction: true,
      error: true,
      mapping: true,
      startedAt: true,
      finishedAt: true,
      updatedAt: true,
    },
  });
  return run && canSeeImportRun(user, run) ? run : null;
}
export type ImportRunView = NonNullable<Awaited<ReturnType<typeof importRunForPage>>>;

/** A run's report and source name, for its CSV downloads; null when there is none the user may see. */
export async function importRunReport(
  user: SessionUser,
  id: string,
  db: PrismaClient = sharedDb,
): Promise<{ report: ImportReport; sourceName: string } | null> {
  const run = UUID.test(id) ? await db.importRun.findUnique({ where: { id }, select: { userId: true, report: true, sourceName: true } }) : null;
  if (!run || !canSeeImportRun(user, run) || !run.report) return null;
  return { report: run.report as unknown as ImportReport, sourceName: run.sourceName };
}

/**
 * The columns of the file a run keeps, for the column chooser (read apart from the run, so that
 * only this step loads the file); none when the file is gone, unreadable or not the user's.
 */
export async function importRunFileColumns(user: SessionUser, id: string, db: PrismaClient = sharedDb): Promise<string[]> {
  const run = await db.importRun.findUniqueOrThrow({ where: { id }, select: { file: true, userId: true } });
  if (!canSeeImportRun(user, run) || !run.file) return [];
  return fileColumns(Buffer.from(run.file)).catch(() => []);
}

/** The import sources with their owner and number of places (/admin/import/sources): admins only. */
export async function importSourcesForAdmin(user: SessionUser, db: PrismaClient = sharedDb) {
  return canManageImportSources(user) ? listSources(db) : [];
}
