import { suggest } from '@/lib/geo';
import { guarded } from '@/lib/observability/unavailable';
import { clientIp, hit } from '@/lib/security/rate-limit';

export const dynamic = 'force-dynamic';

export const GET = guarded(async (request: Request) => {
  const limit = await hit(`suggest:${clientIp(request.headers)}`, { limit: 120, windowSeconds: 60 });
  if (!limit.ok) {
    return Response.json(
      { suggestions: [], error: 'Trop de demandes : réessayez dans un instant.' },
      { status: 429, headers: { 'Retry-After': String(limit.retryAfterSeconds) } },
    );
  }
  const q = new URL(request.url).searchParams.get('q') ?? '';
  const suggestions = await suggest(q);
  return Response.json({ suggestions }, { headers: { 'Cache-Control': 'public, max-age=3600' } });
});
