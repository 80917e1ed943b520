// The possible duplicates found by an import, as CSV, with the action chosen for each.
import { duplicatesCsv } from '@/lib/import/run';
import { reportCsv } from '../report-csv';

export const dynamic = 'force-dynamic';

export function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return reportCsv(params, duplicatesCsv, 'doublons-possibles');
}
