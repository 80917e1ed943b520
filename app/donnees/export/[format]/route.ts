// Downloads of all published places (or of a search's results: same URL filters as /recherche).
import { exportStream } from '@/lib/export/standard';
import { filterSql, rateLimited } from '@/lib/export/api';
import { readDb } from '@/lib/db';
import { guarded } from '@/lib/observability/unavailable';

export const dynamic = 'force-dynamic';

const TYPES = { csv: 'text/csv; charset=utf-8', json: 'application/json', geojson: 'application/geo+json' } as const;

export const GET = guarded(async (request: Request, { params }: { params: Promise<{ format: string }> }) => {
  const format = (await params).format as keyof typeof TYPES;
  if (!(format in TYPES)) return new Response('Format inconnu : csv, json ou geojson.', { status: 404 });
  const limited = await rateLimited(request);
  if (limited) return limited;
  const { where } = filterSql(new URL(request.url).searchParams);
  const date = new Date().toISOString().slice(0, 10);
  const name = `${date}_reperes_lieux-de-mediation-numerique_france.${format}`;
  return new Response(exportStream(readDb, format, where), {
    headers: {
      'Content-Type': TYPES[format],
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'public, max-age=300, stale-while-revalidate=3600',
      'Access-Control-Allow-Origin': '*',
    },
  });
});
