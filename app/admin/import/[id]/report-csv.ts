// One of an import report's lists (rejected rows, possible duplicates) as a CSV download, for the
// person who ran the import or those allowed to see it.
import { canSeeImportRun } from '@/lib/auth/permissions';
import { getCurrentUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import type { ImportReport } from '@/lib/import/run';

export async function reportCsv(params: Promise<{ id: string }>, toCsv: (report: ImportReport) => string, suffix: string): Promise<Response> {
  const { id } = await params;
  const user = await getCurrentUser();
  if (!user) return new Response('Connectez-vous.', { status: 401 });
  const run = /^[0-9a-f-]{36}$/i.test(id) ? await db.importRun.findUnique({ where: { id }, select: { userId: true, report: true, sourceName: true } }) : null;
  if (!run || !canSeeImportRun(user, run) || !run.report) return new Response('Import introuvable.', { status: 404 });
  return new Response(`\uFEFF${toCsv(run.report as unknown as ImportReport)}`, {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${run.sourceName}_${suffix}.csv"`, 'Cache-Control': 'no-store' },
  });
}
