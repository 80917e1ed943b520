// /ateliers.ics: the coming sessions as an iCalendar feed any calendar app can subscribe to, with
// the /ateliers filters (lieu=<place slug>, reseau=<network slug>, ou=<commune>&rayon=<km>, theme…).
import { sessionsCalendar } from '@/lib/ateliers/ics';
import { paramsOf, parseAtelierParams } from '@/lib/ateliers/filters';
import { searchSessions } from '@/lib/ateliers/search';
import { publicUrl } from '@/lib/config/env';
import { forRequest } from '@/lib/observability/logger';

export const dynamic = 'force-dynamic';

/** Enough for a network's six months; a feed is not a data dump (the API is). */
const FEED_LIMIT = 3000;

export async function GET(request: Request) {
  const { filters, problems } = parseAtelierParams(paramsOf(new URL(request.url)));
  try {
    const now = new Date();
    const result = await searchSessions(filters, { now, limit: FEED_LIMIT, problems });
    if (result.problems.length && result.sessions.length === 0 && filters.ou && !result.origin) {
      return new Response(result.problems.join('\n'), { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    }
    const name = filters.lieu || filters.reseau || filters.ou ? `Ateliers — ${filters.ou ?? filters.lieu ?? filters.reseau} — Repères` : 'Ateliers — Repères';
    const body = sessionsCalendar(result.sessions, { baseUrl: publicUrl(), name, now });
    return new Response(request.method === 'HEAD' ? null : body, {
      headers: {
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': 'inline; filename="ateliers.ics"',
        'Cache-Control': 'public, max-age=300, s-maxage=300',
      },
    });
  } catch (error) {
    forRequest(request.headers.get('x-request-id')).error({ err: error, path: '/ateliers.ics' }, 'ics feed failed');
    return new Response('Agenda momentanément indisponible : réessayez dans quelques instants.', {
      status: 503,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '10', 'Cache-Control': 'no-store' },
    });
  }
}
