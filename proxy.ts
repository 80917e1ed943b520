// Runs before every page and API route: gives each request an id (x-request-id, kept from a
// trusted load balancer when well-formed), passes the requested path to server components (the
// "not found" page uses it to offer a search around the right commune), and adds the security
// headers every response carries — a Content-Security-Policy with a fresh nonce, which Next.js
// reads from the request's CSP header to stamp its own inline scripts. A page in another language
// (/ar/recherche, lib/i18n) is rewritten to its French route with the language in LOCALE_HEADER —
// always set here, so a value sent by the client never counts; a prefixed page not yet translated
// is redirected to the French one, and a prefixed address of no page at all is rewritten like a
// translated one, so that app/[...unknown]/route.ts answers "not found" in that language.
import { NextResponse, type NextRequest } from 'next/server';
import { LOCALE_HEADER, prefixedPathKind, splitLocale } from '@/lib/i18n/locales';
import { requestId } from '@/lib/observability/request-id';
import { cachedPageResponse } from '@/lib/render/public-page';
import { cacheControlFor } from '@/lib/security/cache-control';
import { createNonce, securityHeaders } from '@/lib/security/headers';
import { clientIp, hit } from '@/lib/security/rate-limit';

const DEFAULT_TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

/** Searches per client address and minute (the page and its network-scoped form): generous for people, a brake for scrapers. */
const SEARCH_RATE = { limit: Number(process.env.SEARCH_RATE_LIMIT) || 300, windowSeconds: 60 };
const SEARCH_PATH = /^\/(recherche|facile\/recherche|ateliers(?:\.ics)?|reseaux\/[^/]+)\/?$/;

export async function proxy(request: NextRequest) {
  const id = requestId(request.headers.get('x-request-id'));
  const nonce = createNonce();
  const { locale, path: pathname, prefixed } = splitLocale(request.nextUrl.pathname);
  const forwardedProto = request.headers.get('x-forwarded-proto')?.split(',')[0].trim();
  const security = securityHeaders({
    pathname,
    nonce,
    tileUrl: process.env.TILE_URL || DEFAULT_TILES,
    production: process.env.NODE_ENV === 'production',
    https: (forwardedProto ?? request.nextUrl.protocol.replace(/:$/, '')) === 'https',
  });

  if (prefixed && prefixedPathKind(pathname) === 'french') {
    const french = NextResponse.redirect(new URL(`${pathname}${request.nextUrl.search}`, request.url), 307);
    for (const [name, value] of Object.entries(security)) french.headers.set(name, value);
    french.headers.set('x-request-id', id);
    french.headers.set('Cache-Control', 'no-store');
    return french;
  }

  const headers = new Headers(request.headers);
  headers.set('x-pathname', pathname);
  headers.set('x-request-id', id);
  headers.set('x-nonce', nonce);
  headers.set(LOCALE_HEADER, locale);
  headers.set('Content-Security-Policy', security['Content-Security-Policy']);

  if (SEARCH_PATH.test(pathname) && request.nextUrl.search) {
    const limit = await hit(`search:${clientIp(request.headers)}`, SEARCH_RATE);
    if (!limit.ok) {
      const refused = new NextResponse(
        '<!doctype html><html lang="fr"><meta charset="utf-8"><title>Trop de recherches — Repères</title><h1>Trop de recherches</h1><p>Vous avez lancé beaucoup de recherches en peu de temps. Réessayez dans une minute.</p></html>',
        { status: 429, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': String(limit.retryAfterSeconds), 'Cache-Control': 'no-store' } },
      );
      for (const [name, value] of Object.entries(security)) refused.headers.set(name, value);
      refused.headers.set('x-request-id', id);
      return refused;
    }
  }

  // A fresh page from this process's page cache answers at once (lib/render/public-page.ts).
  const cached = cachedPageResponse(request, nonce);
  if (cached) {
    for (const [name, value] of Object.entries(security)) cached.headers.set(name, value);
    cached.headers.set('x-request-id', id);
    return cached;
  }

  // Place pages answer their own statuses (301 from an old slug, 404, 410): app/lieux/[slug]/route.ts.
  const response = prefixed
    ? NextResponse.rewrite(new URL(`${pathname}${request.nextUrl.search}`, request.url), { request: { headers } })
    : NextResponse.next({ request: { headers } });
  for (const [name, value] of Object.entries(security)) response.headers.set(name, value);
  response.headers.set('x-request-id', id);
  const cacheControl = response.status === 200 ? cacheControlFor({ method: request.method, pathname, cookie: request.headers.get('cookie') }) : null;
  if (cacheControl) response.headers.set('Cache-Control', cacheControl);
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|icon.svg|favicon.ico).*)'],
};
