// Downloads of the coming sessions of ateliers (CSV, JSON; same URL filters as /api/v1/ateliers)
// and their Table Schema (data/ateliers/schema.json).
import { readDataText } from '@/lib/data/files';
import { problem, rateLimited } from '@/lib/export/api';
import { sessionConditions, sessionExportStream } from '@/lib/export/ateliers';
import { guarded } from '@/lib/observability/unavailable';

export const dynamic = 'force-dynamic';

const TYPES = { csv: 'text/csv; charset=utf-8', json: 'application/json' } as const;
const HEADERS = { 'Cache-Control': 'public, max-age=300, stale-while-revalidate=3600', 'Access-Control-Allow-Origin': '*' };

export const GET = guarded(async (request: Request, { params }: { params: Promise<{ format: string }> }) => {
  const format = (await params).format;
  if (format === 'schema.json') return new Response(readDataText('ateliersSchema'), { headers: { ...HEADERS, 'Content-Type': 'application/json' } });
  if (format !== 'csv' && format !== 'json') return new Response('Format inconnu : csv, json ou schema.json.', { status: 404 });
  const limited = await rateLimited(request);
  if (limited) return limited;
  const query = await sessionConditions(new URL(request.url), new Date());
  if ('error' in query) return problem(400, query.error);
  const name = `${new Date().toISOString().slice(0, 10)}_reperes_seances-ateliers.${format}`;
  return new Response(sessionExportStream(query.where, format), {
    headers: { ...HEADERS, 'Content-Type': TYPES[format], 'Content-Disposition': `attachment; filename="${name}"` },
  });
});
