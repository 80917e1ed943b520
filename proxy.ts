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
import { createNonce, requestSecurityHeaders } from '@/lib/security/headers';
import { COUNTED_HEADER, countedResult, countSearch, isLimitedSearch, TOO_MANY_SEARCHES } from '@/lib/security/search-rate';

export async function proxy(request: NextRequest) {
  const id = requestId(request.headers.get('x-request-id'));
  const nonce = createNonce();
  const { locale, path: pathname, prefixed } = splitLocale(request.nextUrl.pathname);
  const security = requestSecurityHeaders(pathname, nonce, request.headers.get('x-forwarded-proto'), request.nextUrl.protocol.replace(/:$/, ''));

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
  headers.delete(COUNTED_HEADER);

  if (isLimitedSearch(pathname, request.nextUrl.search)) {
    // Already counted when the page cache's fast path saw it first (lib/render/fast-hit.ts).
    const limit = countedResult(request.headers) ?? (await countSearch(request.headers));
    if (!limit.ok) {
      const refused = new NextResponse(TOO_MANY_SEARCHES, {
        status: 429,
        headers: { 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': String(limit.retryAfterSeconds), 'Cache-Control': 'no-store' },
      });
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
