// /ateliers.ics: the coming sessions as an iCalendar feed any calendar app can subscribe to, with
// the /ateliers filters (lieu=<place slug>, reseau=<network slug>, ou=<commune>&rayon=<km>, theme…).
// The feed, its short cache and its validators are lib/ateliers/feed.ts; here, HTTP: 304 to a
// conditional request the validators match, HEAD without a body, 503 when it fails.
import { atelierFeed, notModified } from '@/lib/ateliers/feed';
import { paramsOf, parseAtelierParams } from '@/lib/ateliers/filters';
import { publicUrl } from '@/lib/config/env';
import { forRequest } from '@/lib/observability/logger';

export const dynamic = 'force-dynamic';

const CACHE_CONTROL = 'public, max-age=300, s-maxage=300';

export async function GET(request: Request) {
  const { filters, problems } = parseAtelierParams(paramsOf(new URL(request.url)));
  try {
    const feed = await atelierFeed(filters, problems, publicUrl());
    if (feed.status !== 200) return new Response(feed.body, { status: feed.status, headers: feed.headers });
    const headers = { ...feed.headers, 'Cache-Control': CACHE_CONTROL };
    if (notModified(request.headers, { etag: feed.headers.ETag, lastModified: feed.headers['Last-Modified'] })) {
      return new Response(null, { status: 304, headers });
    }
    // Bytes rather than the string: undici would scan 2 MB for lone surrogates and encode it again.
    return new Response(request.method === 'HEAD' ? null : Buffer.from(feed.body), {
      headers: { ...headers, 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': 'inline; filename="ateliers.ics"' },
    });
  } catch (error) {
    forRequest(request.headers.get('x-request-id')).error({ err: error, path: '/ateliers.ics' }, 'ics feed failed');
    return new Response('Agenda momentanément indisponible : réessayez dans quelques instants.', {
      status: 503,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '10', 'Cache-Control': 'no-store' },
    });
  }
}
