// Downloads of all published places (or of a search's results: same URL filters as /recherche).
import { dataInclusionStream } from '@/lib/export/data-inclusion';
import { exportStream } from '@/lib/export/standard';
import { filterSql, rateLimited } from '@/lib/export/api';
import { CURSOR_HEADER, presentCursor } from '@/lib/export/changes';
import { db, readDb } from '@/lib/db';
import { guarded } from '@/lib/observability/unavailable';

export const dynamic = 'force-dynamic';

const TYPES = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
  geojson: 'application/geo+json',
  'data-inclusion-structures': 'application/json',
  'data-inclusion-services': 'application/json',
} as const;

export const GET = guarded(async (request: Request, { params }: { params: Promise<{ format: string }> }) => {
  const format = (await params).format as keyof typeof TYPES;
  if (!(format in TYPES)) return new Response('Format inconnu : csv, json, geojson, data-inclusion-structures ou data-inclusion-services.', { status: 404 });
  const limited = await rateLimited(request);
  if (limited) return limited;
  const { where } = filterSql(new URL(request.url).searchParams);
  // The change feed's position, taken before the export is read: a harvester follows /api/v1/changements from it.
  const feedCursor = await presentCursor(db);
  const date = new Date().toISOString().slice(0, 10);
  const dataInclusion = format === 'data-inclusion-structures' || format === 'data-inclusion-services';
  const name = dataInclusion ? `${date}_reperes_${format}.json` : `${date}_reperes_lieux-de-mediation-numerique_france.${format}`;
  const body = dataInclusion
    ? dataInclusionStream(readDb, format === 'data-inclusion-structures' ? 'structures' : 'services', where)
    : exportStream(readDb, format, where);
  return new Response(body, {
    headers: {
      'Content-Type': TYPES[format],
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'public, max-age=300, stale-while-revalidate=3600',
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Expose-Headers': CURSOR_HEADER,
      [CURSOR_HEADER]: feedCursor,
    },
  });
});
