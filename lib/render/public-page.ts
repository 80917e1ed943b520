import 'server-only';
// Answers a request for a page rendered by lib/render, through the page cache when the request
// allows it: a GET from someone not signed in, without a test clock. Pages are rendered with a
// placeholder where the CSP nonce goes; each response gets its own nonce in its place, so a cached
// page never shares one. The page's language is part of the cache's key: /ar/recherche and
// /recherche are two pages (lib/i18n; the proxy passes the language in LOCALE_HEADER).
import { cachedPage, freshCachedPage, NONCE_TOKEN, pageCacheHeader } from '@/lib/cache/page-cache';
import type { Tally } from '@/lib/cache/page-store';
import { DEFAULT_LOCALE, isLocalizedPath, requestLocale, splitLocale, type Locale } from '@/lib/i18n/locales';
import { KEEP_HEADER } from '@/lib/offline/sw-rules';
import { NOW_COOKIE } from '@/lib/places/now';
import { isSignedIn, SELF_APPLIED } from '@/lib/security/cache-control';
import { htmlResponse } from './html';

/** `tally`: called once for each response served from this render, cached or not, with the request's headers (lib/demand counts searches so, once per visitor). */
export { KEEP_HEADER };

/**
 * Whether a response is one a person asked for, for `tally`: a GET, not a prefetch (Sec-Purpose),
 * not the service worker fetching a page again to keep it offline (KEEP_HEADER). (Sec-Fetch-Dest
 * cannot tell: a navigation the service worker passes on does not say "document".)
 */
export function counted(request: { method: string; headers: HeaderReader }): boolean {
  if (request.method !== 'GET' || request.headers.has(KEEP_HEADER)) return false;
  return !/prefetch/i.test(request.headers.get('sec-purpose') ?? request.headers.get('purpose') ?? '');
}

/** What these functions read of a request's headers: a Headers, or the Node.js server's (lib/render/fast-hit.ts). */
export type HeaderReader = Pick<Headers, 'get' | 'has'>;

export type RenderedPage = { status: number; html: string; headers?: Record<string, string>; tally?: Tally };

/** Whether the page cache may answer: a GET (or HEAD) from someone not signed in, without a test clock. */
export function cacheable(request: { method: string; headers: HeaderReader }): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const cookie = request.headers.get('cookie');
  return !isSignedIn(cookie) && !(cookie ?? '').includes(`${NOW_COOKIE}=`);
}

/**
 * The cache key: the language, the unprefixed path and the query, its parameters sorted (the same
 * search, written in another order). `url` may carry the language's prefix or not (before or after
 * the proxy's rewrite): `locale` decides.
 */
export function pageKey(url: URL, locale: Locale = DEFAULT_LOCALE): string {
  const params = [...url.searchParams].sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : x > y ? 1 : 0) : a < b ? -1 : 1));
  return `${locale}:${splitLocale(url.pathname).path}?${new URLSearchParams(params).toString()}`;
}

/**
 * The page cache's key for this request, or null when the cache must not answer it (another
 * method, signed in, a page it does not keep). `url`: as requested, with the language's prefix if any.
 */
export function pageCacheKeyFor(request: { method: string; headers: HeaderReader; url: URL }): string | null {
  const { locale, path, prefixed } = splitLocale(request.url.pathname);
  if (prefixed && !isLocalizedPath(path)) return null;
  if (!SELF_APPLIED.some((pattern) => pattern.test(path)) || !cacheable(request)) return null;
  return pageKey(request.url, locale);
}

/**
 * For the proxy: the response for a request a fresh cached page answers, or null. Skipping
 * Next.js's routing and the route handler makes a hit about twice as cheap; a miss, an expired
 * page (served by the route while it is replaced) or any other request goes on as usual. (Most
 * hits are answered earlier still, before Next.js, with the page gzipped once: lib/render/fast-hit.ts.)
 */
export function cachedPageResponse(request: { method: string; headers: Headers; nextUrl: URL }, nonce: string): Response | null {
  const key = pageCacheKeyFor({ method: request.method, headers: request.headers, url: request.nextUrl });
  const page = key === null ? null : freshCachedPage(key);
  if (!page) return null;
  if (counted(request)) void page.tally?.(request.headers);
  return htmlResponse(request.method === 'HEAD' ? '' : page.body.replaceAll(NONCE_TOKEN, nonce), {
    status: page.status,
    headers: { ...page.headers, ...pageCacheHeader(true) },
  });
}

/** A page as served: its status, headers and markup (null for a redirect), before any Response is made of it. */
export type PageAnswer = { status: number; headers: Record<string, string>; html: string | null };

export async function servePage(request: Request, render: (nonce: string) => Promise<RenderedPage>): Promise<Response> {
  return answerResponse(await pageAnswer(request, render));
}

/** The Response of a page answer. */
export function answerResponse(answer: PageAnswer): Response {
  if (answer.html === null) return new Response(null, { status: answer.status, headers: answer.headers });
  return htmlResponse(answer.html, { status: answer.status, headers: answer.headers });
}

/**
 * servePage's answer without its Response: the pages rendered before Next.js (lib/render/fast-hit.ts)
 * send the markup themselves, and a web Response of a 50 kB page cost about 0.6 ms of CPU to make
 * and read back (its string checked for lone surrogates, encoded, then read through a stream).
 */
export async function pageAnswer(request: Request, render: (nonce: string) => Promise<RenderedPage>): Promise<PageAnswer> {
  const nonce = request.headers.get('x-nonce') ?? '';
  let page: RenderedPage;
  let hit: boolean | null = null;
  if (cacheable(request)) {
    const cached = await cachedPage(pageKey(new URL(request.url), requestLocale(request.headers)), async () => {
      const rendered = await render(NONCE_TOKEN);
      return { status: rendered.status, body: rendered.html, headers: rendered.headers, tally: rendered.tally };
    });
    page = { status: cached.status, html: cached.body.replaceAll(NONCE_TOKEN, nonce), headers: cached.headers, tally: cached.tally };
    hit = cached.hit;
  } else {
    page = await render(nonce);
  }
  if (counted(request)) void page.tally?.(request.headers);
  const headers = { ...page.headers, ...(hit === null ? {} : pageCacheHeader(hit)) };
  return { status: page.status, headers, html: page.status >= 300 && page.status < 400 ? null : page.html };
}
