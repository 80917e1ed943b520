// GET /api/hors-ligne/49: the places of one département for a phone to keep (issue #21,
// lib/offline). Public data only, the same for everyone: cacheable by any cache, revalidated with
// its ETag (a phone refreshing a week-old copy gets a 304 when nothing changed).
import { readDb } from '@/lib/db';
import { guarded } from '@/lib/observability/unavailable';
import { packageBody, readOfflinePackage } from '@/lib/offline/read';
import { clientIp, hit } from '@/lib/security/rate-limit';

export const dynamic = 'force-dynamic';

const CACHE = 'public, max-age=0, s-maxage=300, stale-while-revalidate=3600';

export const GET = guarded(async (request: Request, context: { params: Promise<{ departement: string }> }) => {
  const limit = await hit(`offline:${clientIp(request.headers)}`, { limit: 30, windowSeconds: 60 });
  if (!limit.ok) {
    return Response.json(
      { error: 'Trop de téléchargements : réessayez dans une minute.' },
      { status: 429, headers: { 'Retry-After': String(limit.retryAfterSeconds), 'Cache-Control': 'no-store' } },
    );
  }
  const { departement } = await context.params;
  const pkg = await readOfflinePackage(readDb, departement);
  if (!pkg)
    return Response.json(
      { error: 'Ce département n’existe pas : donnez son numéro, par exemple 49.' },
      { status: 404, headers: { 'Cache-Control': 'no-store' } },
    );
  const { body, etag } = packageBody(pkg);
  const headers = { ETag: etag, 'Cache-Control': CACHE, 'Content-Type': 'application/json; charset=utf-8' };
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers });
});
