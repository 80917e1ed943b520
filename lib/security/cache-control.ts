// HTTP caching of public pages: a shared cache (CDN, reverse proxy) may keep them a minute and
// serve a stale copy for five more while it fetches a fresh one; browsers revalidate each time.
// Never for a signed-in person (their pages differ), never outside GET/HEAD, never for the
// back-office, the sign-in pages, authentication or health routes. The API and exports set their
// own (longer, with ETag) in their handlers.

export const PUBLIC_PAGE_CACHE = 'public, max-age=0, s-maxage=60, stale-while-revalidate=300';

/** Public answers that are not pages lib/render serves (those are SELF_APPLIED, below). */
const PUBLIC_PAGES = [/^\/sitemap\.xml$/, /^\/robots\.txt$/];

const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token=/;

/** Pages whose route handler applies this policy itself (the pages lib/render serves) (the proxy cannot know their status: a 503 must not be kept). */
export const SELF_APPLIED = [
  /^\/$/,
  /^\/recherche\/?$/,
  /^\/embed\/?$/,
  /^\/lieux\/[^/]+\/?$/,
  /^\/departements\/[^/]+\/?$/,
  /^\/communes\/[^/]+\/?$/,
  /^\/territoires\/[^/]+\/?$/,
  /^\/reseaux(\/[^/]+)?\/?$/,
  /^\/donnees\/?$/,
  /^\/orienter(\/fiche|\/selection)?\/?$/,
  /^\/accessibilite\/?$/,
  /^\/mentions-legales\/?$/,
  /^\/facile(\/recherche|\/lieux\/[^/]+)?\/?$/,
];

type CacheRequest = { method: string; pathname: string; cookie: string | null };

/** The policy for a successful answer to `request`, or null when it has none. */
export function pageCacheControl(request: CacheRequest): string | null {
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  if (![...PUBLIC_PAGES, ...SELF_APPLIED].some((pattern) => pattern.test(request.pathname))) return null;
  if (isSignedIn(request.cookie)) return 'private, no-store';
  return PUBLIC_PAGE_CACHE;
}

export function isSignedIn(cookie: string | null): boolean {
  return !!cookie && SESSION_COOKIE.test(cookie);
}

/** The Cache-Control the proxy sets for a request, or null to leave the route's own. */
export function cacheControlFor(request: CacheRequest): string | null {
  if (SELF_APPLIED.some((pattern) => pattern.test(request.pathname))) return null;
  return pageCacheControl(request);
}
