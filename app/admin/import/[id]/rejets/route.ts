// The rejected rows of an import, as CSV (line, identifier, name, reason).
import { rejectedCsv } from '@/lib/import/run';
import { reportCsv } from '../report-csv';

export const dynamic = 'force-dynamic';

export function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return reportCsv(params, rejectedCsv, 'lignes-rejetees');
}
