// /lieux/<slug>: the place page (GET) and its "Signaler une erreur" form (POST). This route owns
// the HTTP: which status each page answers (301 from an old slug, 404, 410 for a place closed for
// good over a year ago, 422/429 for a refused report), the origin check and the form. The data
// comes from lib/places (one statement, lib/places/page-read.ts), the markup from
// components/place/PlacePage.tsx; lib/render/public-page.ts puts the page cache in between.
import { unavailablePageResponse } from '@/app/unavailable-response';
import { placePageHtml } from '@/components/place/PlacePage';
import { db } from '@/lib/db';
import { requestLocale, translator } from '@/lib/i18n';
import { clientKey, sameOrigin } from '@/lib/orientation/http';
import { placePageNow } from '@/lib/places/now';
import { placeIdBySlug, resolvePlacePage } from '@/lib/places/page';
import { SUGGESTION_SENT, type SuggestionFormState } from '@/lib/places/suggestion-parts';
import { submitSuggestion } from '@/lib/places/suggestions';
import { servePage, type RenderedPage } from '@/lib/render/public-page';
import { pageCacheControl } from '@/lib/security/cache-control';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ slug: string }> };

const IDLE: SuggestionFormState = { status: 'idle' };

/** GET: the page; after a report was sent (?signalement=envoye), the page with the thanks. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const sent = new URL(request.url).searchParams.get('signalement') === 'envoye';
  return answer(request, (await params).slug, async () => (sent ? { status: 'sent', message: SUGGESTION_SENT } : IDLE));
}

/** POST: "Signaler une erreur". Sent: back to the page (303) with the thanks; refused or invalid: the page again, what was typed kept. */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  return answer(request, (await params).slug, async (slug) => {
    // A page elsewhere cannot post reports in a visitor's name.
    if (!sameOrigin(request)) return new Response('Demande refusée.', { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    const form = await request.formData().catch(() => null);
    if (!form) return { status: 'invalid', message: 'Le formulaire est illisible : rechargez la page et réessayez.' };
    const placeId = await placeIdBySlug(slug);
    const t = translator(requestLocale(request.headers));
    if (!placeId) return new Response(null, { status: 303, headers: { Location: t.path(`/lieux/${encodeURIComponent(slug)}`) } });
    // The rate limit is keyed on a hash of the address: no IP is kept in clear.
    const state = await submitSuggestion(db, {
      placeId,
      part: form.get('part'),
      message: form.get('message'),
      email: form.get('email'),
      honeypot: form.get('site_web'),
      clientKey: clientKey(request.headers),
    });
    if (state.status === 'sent')
      return new Response(null, {
        status: 303,
        headers: { Location: t.path(`/lieux/${encodeURIComponent(slug)}?signalement=envoye#signalement-envoye`), 'Cache-Control': 'no-store' },
      });
    return state;
  });
}

function decodeSlug(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return '';
  }
}

/** The page at `slug`, with `report` telling the state of its form, or the Response `report` decided on. */
async function answer(request: Request, rawSlug: string, report: (slug: string) => Promise<SuggestionFormState | Response>): Promise<Response> {
  const url = new URL(request.url);
  try {
    const slug = decodeSlug(rawSlug);
    const state = await report(slug);
    if (state instanceof Response) return state;
    return await servePage(request, async (nonce) => {
      const result = await renderPlacePage(request, url, slug, nonce, state);
      const cacheControl =
        result.status === 200 && state.status === 'idle'
          ? pageCacheControl({ method: 'GET', pathname: url.pathname, cookie: request.headers.get('cookie') })
          : 'no-store';
      return { status: result.status, html: result.html, headers: { ...(cacheControl ? { 'Cache-Control': cacheControl } : {}), ...result.headers } };
    });
  } catch (error) {
    return unavailablePageResponse(request, url, error);
  }
}

/** Which status each page answers. */
function statusOf(kind: 'published' | 'closed' | 'gone' | 'not-found', report: SuggestionFormState): number {
  if (kind === 'not-found') return 404;
  if (kind === 'gone') return 410;
  if (kind === 'published' && report.status === 'invalid') return 422;
  if (kind === 'published' && report.status === 'refused') return 429;
  return 200;
}

async function renderPlacePage(request: Request, url: URL, slug: string, nonce: string, report: SuggestionFormState): Promise<RenderedPage> {
  const now = placePageNow(request);
  const t = translator(requestLocale(request.headers));
  const page = await resolvePlacePage(slug, now);
  if (page.kind === 'redirect') return { status: 301, html: '', headers: { Location: t.path(`/lieux/${encodeURIComponent(page.slug)}${url.search}`) } };
  const path = `/lieux/${encodeURIComponent(slug)}${url.search}`;
  return { status: statusOf(page.kind, report), html: placePageHtml(page, { now, nonce, report, t, path }) };
}
