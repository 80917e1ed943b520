// The per-address search limit (proxy.ts applies it), and how the page cache's fast path
// (lib/render/fast-hit.ts), which runs before Next.js, hands the proxy a hit it already counted so
// that a search is counted once whichever of the two answers it.
import { clientIp, hit, type RateLimitResult } from './rate-limit';

/** Searches per client address and minute (the page and its network-scoped form): generous for people, a brake for scrapers. */
export const SEARCH_RATE = { limit: Number(process.env.SEARCH_RATE_LIMIT) || 300, windowSeconds: 60 };
export const SEARCH_PATH = /^\/(recherche|facile\/recherche|ateliers(?:\.ics)?|reseaux\/[^/]+)\/?$/;

/** Whether a request for `pathname` (without the language prefix) with this query counts as a search. */
export const isLimitedSearch = (pathname: string, search: string) => SEARCH_PATH.test(pathname) && search !== '' && search !== '?';

/** A request header only this process writes: the fast path's count of this search (clients' values are removed before). */
export const COUNTED_HEADER = 'x-reperes-search-counted';

// On globalThis: the proxy's bundle and the server's hook each load this module.
const globalForToken = globalThis as unknown as { reperesCountedToken?: string };
const token = (): string => (globalForToken.reperesCountedToken ??= crypto.randomUUID());

/** Counts one search of this client. */
export function countSearch(headers: Pick<Headers, 'get'>): Promise<RateLimitResult> {
  return hit(`search:${clientIp(headers)}`, SEARCH_RATE);
}

/** The header value telling the proxy this search was counted, with its result. */
export function countedValue(limit: RateLimitResult): string {
  return `${token()} ${limit.ok ? 'ok' : 'refused'} ${limit.retryAfterSeconds}`;
}

/** The result the fast path wrote, when it counted this search; null otherwise (then the proxy counts it). */
export function countedResult(headers: Pick<Headers, 'get'>): RateLimitResult | null {
  const [written, verdict, retry] = (headers.get(COUNTED_HEADER) ?? '').split(' ');
  if (!globalForToken.reperesCountedToken || written !== globalForToken.reperesCountedToken) return null;
  return { ok: verdict === 'ok', remaining: 0, retryAfterSeconds: Number(retry) || SEARCH_RATE.windowSeconds };
}

/** The page a client over the search limit gets (429). */
export const TOO_MANY_SEARCHES =
  '<!doctype html><html lang="fr"><meta charset="utf-8"><title>Trop de recherches — Repères</title><h1>Trop de recherches</h1><p>Vous avez lancé beaucoup de recherches en peu de temps. Réessayez dans une minute.</p></html>';
