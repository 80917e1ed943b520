// The rejected rows of an import, as CSV (line, identifier, name, reason).
import { getCurrentUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { canSeeRun } from '@/lib/import/runs';
import { rejectedCsv, type ImportReport } from '@/lib/import/run';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getCurrentUser();
  if (!user) return new Response('Connectez-vous.', { status: 401 });
  const run = /^[0-9a-f-]{36}$/i.test(id) ? await db.importRun.findUnique({ where: { id }, select: { userId: true, report: true, sourceName: true } }) : null;
  if (!run || !canSeeRun(user, run) || !run.report) return new Response('Import introuvable.', { status: 404 });
  return new Response(`\uFEFF${rejectedCsv(run.report as unknown as ImportReport)}`, {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${run.sourceName}_lignes-rejetees.csv"`, 'Cache-Control': 'no-store' },
  });
}
