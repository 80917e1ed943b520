// One of an import report's lists (rejected rows, possible duplicates) as a CSV download, for the
// person who ran the import or those allowed to see it (lib/import/run-reads decides which).
import { getCurrentUser } from '@/lib/auth/session';
import type { ImportReport } from '@/lib/import/run';
import { importRunReport } from '@/lib/import/run-reads';

export async function reportCsv(params: Promise<{ id: string }>, toCsv: (report: ImportReport) => string, suffix: string): Promise<Response> {
  const { id } = await params;
  const user = await getCurrentUser();
  if (!user) return new Response('Connectez-vous.', { status: 401 });
  const run = await importRunReport(user, id);
  if (!run) return new Response('Import introuvable.', { status: 404 });
  return new Response(`\uFEFF${toCsv(run.report)}`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${run.sourceName}_${suffix}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
