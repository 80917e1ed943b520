// Unmet demand as open data (issue #22): the weekly aggregates of searches, nothing personal
// (lib/demand/export.ts; schema data/recherches-sans-lieu/schema.json).
import { readDb } from '@/lib/db';
import { demandCsvStream } from '@/lib/demand/export';
import { rateLimited } from '@/lib/export/api';
import { guarded } from '@/lib/observability/unavailable';

export const dynamic = 'force-dynamic';

export const GET = guarded(async (request: Request) => {
  const limited = await rateLimited(request);
  if (limited) return limited;
  const date = new Date().toISOString().slice(0, 10);
  return new Response(demandCsvStream(readDb), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${date}_reperes_recherches-sans-lieu.csv"`,
      'Cache-Control': 'public, max-age=3600, stale-while-revalidate=86400',
      'Access-Control-Allow-Origin': '*',
    },
  });
});
