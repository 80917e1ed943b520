// Runs before every page and API route: passes the requested path to server components (the
// "not found" page uses it to offer a search around the right commune) and adds the security
// headers every response should carry.
import { NextResponse, type NextRequest } from 'next/server';
import { placeRequestRoute } from '@/lib/places/gone';

export async function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set('x-pathname', request.nextUrl.pathname);
  // Place pages: 301 from an old slug; 410 Gone for a place closed for good over a year ago (the page says so).
  const place = request.nextUrl.pathname.startsWith('/lieux/') ? await placeRequestRoute(request) : null;
  const response =
    place && 'redirect' in place
      ? NextResponse.redirect(new URL(`/lieux/${encodeURIComponent(place.redirect)}${request.nextUrl.search}`, request.url), 301)
      : NextResponse.next({ request: { headers }, ...(place ? { status: 410 } : {}) });
  response.headers.set('X-Content-Type-Options', 'nosniff');
  response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  response.headers.set('Permissions-Policy', 'geolocation=(self), camera=(), microphone=(), payment=()');
  if (!request.nextUrl.pathname.startsWith('/embed')) response.headers.set('X-Frame-Options', 'DENY');
  if (process.env.NODE_ENV === 'production' && request.nextUrl.protocol === 'https:') {
    response.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  }
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|icon.svg|favicon.ico).*)'],
};
