import { db } from '@/lib/db';
import { DEFAULT_LOCALE, isLocale } from '@/lib/i18n';
import { loadFichePlaces } from '@/lib/orientation/fiche';
import { loadFicheSessions } from '@/lib/orientation/sessions';
import { baseUrl, clientKey } from '@/lib/orientation/http';
import { hit } from '@/lib/security/rate-limit';

export const dynamic = 'force-dynamic';

// Public details of the selected places and atelier sessions (`seances`), for the fiche preview
// (published places only; sessions still to come, not cancelled), in the page's language (`lang`,
// French when absent or unknown).
export async function GET(request: Request) {
  const limit = await hit(`fiche-lieux:${clientKey(request.headers)}`, { limit: 120, windowSeconds: 60 });
  if (!limit.ok) return Response.json({ error: 'Trop de demandes : réessayez dans un instant.' }, { status: 429 });
  const list = (name: string) =>
    (new URL(request.url).searchParams.get(name) ?? '')
      .split(',')
      .filter((id) => /^[0-9a-f-]{36}$/i.test(id))
      .slice(0, 8);
  const lang = new URL(request.url).searchParams.get('lang');
  const locale = isLocale(lang) ? lang : DEFAULT_LOCALE;
  const ids = list('ids');
  const sessionIds = list('seances');
  const places = ids.length
    ? await loadFichePlaces(
        db,
        ids.map((id) => ({ id })),
        baseUrl(),
        new Date(),
        locale,
      )
    : [];
  const sessions = sessionIds.length
    ? await loadFicheSessions(
        db,
        sessionIds.map((id) => ({ id })),
        baseUrl(),
        new Date(),
        locale,
      )
    : [];
  return Response.json({ places, sessions }, { headers: { 'Cache-Control': 'private, max-age=60' } });
}
