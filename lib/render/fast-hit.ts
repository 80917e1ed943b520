import 'server-only';
// The page cache's fast path: a GET that a fresh cached page answers is answered by the Node.js
// server itself, before Next.js routes it, with the page gzipped once (lib/render/gzip-splice.ts)
// — the same status, headers and HTML the proxy's own answer to a hit carries (proxy.ts,
// cachedPageResponse): a fresh nonce in the page and its Content-Security-Policy, the security
// headers, the request id, the search limit counted. Next.js's routing, the proxy's web
// streams and its gzip of every response cost a hit about 3 ms of CPU; this path a few tenths.
//
// Anything else goes to Next.js unchanged: another method, a HEAD, a signed-in visitor, an address
// Next.js would rewrite or redirect (it must be exactly as the cache keys it), a miss, an expired
// page. A search counted here and then not answered (the page went in between) carries its count
// to the proxy (COUNTED_HEADER), so that it is counted once; a refused one too, so that the proxy
// answers the 429 as always. Installed by instrumentation.ts, like the peer address's recorder,
// in production. What Next.js would add on its own is not added here: next.config.js's headers()
// (none for these pages), and internal headers such as x-middleware-rewrite.
import http from 'node:http';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { freshCachedPage, NONCE_TOKEN, pageCacheHeader, type CachedPage } from '@/lib/cache/page-cache';
import { LOCALE_HEADER, splitLocale } from '@/lib/i18n/locales';
import { requestId } from '@/lib/observability/request-id';
import { createNonce, requestSecurityHeaders } from '@/lib/security/headers';
import { COUNTED_HEADER, countedValue, countSearch, isLimitedSearch } from '@/lib/security/search-rate';
import { inlineStylesheet } from './assets';
import { gzipHolding, gzipWith, spliceGzip, type SplicedGzip } from './gzip-splice';
import { htmlHeaders } from './html';
import { counted, pageCacheKeyFor, type HeaderReader, type PageAnswer } from './public-page';

const gzip = promisify(zlib.gzip);

/** Each cached page's pieces, compressed on its first gzipped answer; they go with the page. */
const spliced = new WeakMap<CachedPage, SplicedGzip>();

function reader(headers: http.IncomingHttpHeaders): HeaderReader {
  return {
    get: (name) => {
      const value = headers[name.toLowerCase()];
      return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
    },
    has: (name) => headers[name.toLowerCase()] !== undefined,
  };
}

/** Whether the client takes gzip (Accept-Encoding lists gzip or *, without q=0). */
export function acceptsGzip(header: string | null): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding.trim() !== 'gzip' && coding.trim() !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}

/** The address as Next.js and the cache see it, or null when Next.js would change it first (normalise, redirect). */
function requestUrl(raw: string | undefined): URL | null {
  if (!raw || raw[0] !== '/' || raw[1] === '/' || raw.includes('\\') || raw.includes('#')) return null;
  const url = new URL(raw, 'http://localhost');
  const path = raw.split('?')[0];
  // Trailing slashes, dot segments, characters URL would encode: left to Next.js.
  if (url.pathname !== path || (path.length > 1 && path.endsWith('/'))) return null;
  return url;
}

function send(request: http.IncomingMessage, response: http.ServerResponse, page: CachedPage, path: string, headers: HeaderReader): void {
  const nonce = createNonce();
  const socket = request.socket as { encrypted?: boolean };
  const security = requestSecurityHeaders(path, nonce, headers.get('x-forwarded-proto'), socket.encrypted ? 'https' : 'http');
  if (counted({ method: 'GET', headers })) void page.tally?.(headers);
  let body: Buffer;
  const encoding: Record<string, string> = {};
  if (acceptsGzip(headers.get('accept-encoding'))) {
    let pieces = spliced.get(page);
    if (!pieces) spliced.set(page, (pieces = spliceGzip(page.body, NONCE_TOKEN)));
    body = gzipWith(pieces, nonce);
    encoding['Content-Encoding'] = 'gzip';
  } else body = Buffer.from(page.body.replaceAll(NONCE_TOKEN, nonce), 'utf8');
  const all = { ...security, 'x-request-id': requestId(headers.get('x-request-id')), ...htmlHeaders({ ...page.headers, ...pageCacheHeader(true) }) };
  response.writeHead(page.status, { ...all, Vary: 'Accept-Encoding', ...encoding, 'Content-Length': String(body.length) });
  response.end(body);
}

/** Answers with the fresh page kept under `key`; false when there is none (any more). */
function answer(request: http.IncomingMessage, response: http.ServerResponse, key: string, path: string, headers: HeaderReader): boolean {
  const page = freshCachedPage(key);
  if (!page) return false;
  send(request, response, page, path, headers);
  return true;
}

/** A route handler that answers a public page before Next.js: `path` without the language prefix. */
export type EarlyRoute = (path: string) => ((request: Request) => Promise<Response | PageAnswer>) | null;

/** The Vary Next.js gives an App Router route's answer (with Accept-Encoding, its compression's). */
const NEXT_VARY = 'rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding';
/** Next.js's compression leaves smaller bodies as they are. */
const GZIP_THRESHOLD = 1024;

/**
 * Renders the page with its route handler, as Next.js would after the proxy: the request the proxy
 * passes on (its nonce, language, path and CSP in the headers, the address without the prefix),
 * the proxy's headers added to the answer, gzipped as Next.js's compression does.
 */
async function renderEarly(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  handler: (request: Request) => Promise<Response | PageAnswer>,
  url: URL,
  headers: HeaderReader,
) {
  const nonce = createNonce();
  const id = requestId(headers.get('x-request-id'));
  const { locale, path } = splitLocale(url.pathname);
  const socket = request.socket as { encrypted?: boolean };
  const security = requestSecurityHeaders(path, nonce, headers.get('x-forwarded-proto'), socket.encrypted ? 'https' : 'http');
  const forwarded = new Headers();
  for (const [name, value] of Object.entries(request.headers)) if (value !== undefined) forwarded.set(name, Array.isArray(value) ? value.join(', ') : value);
  forwarded.delete(COUNTED_HEADER);
  forwarded.set('x-pathname', path);
  forwarded.set('x-request-id', id);
  forwarded.set('x-nonce', nonce);
  forwarded.set(LOCALE_HEADER, locale);
  forwarded.set('Content-Security-Policy', security['Content-Security-Policy']);
  // Not the client's Host: it is theirs to write, and a "/" in it would move the path the handler reads.
  const answer = await handler(new Request(`http://localhost${path}${url.search}`, { headers: forwarded }));
  const out: Record<string, string> = {};
  const gzipped = acceptsGzip(headers.get('accept-encoding'));
  let body: Buffer;
  let compressed = false;
  if (answer instanceof Response) {
    body = Buffer.from(await answer.arrayBuffer());
    answer.headers.forEach((value, name) => (out[name] = value));
    // On libuv's threads, as Next.js's compression streams do: not on the one thread that answers every request.
    if ((compressed = gzipped && body.length >= GZIP_THRESHOLD)) body = await gzip(body);
  } else {
    for (const [name, value] of Object.entries(answer.html === null ? answer.headers : htmlHeaders(answer.headers))) out[name.toLowerCase()] = value;
    const html = answer.html ?? '';
    // The same, with the inline stylesheet compressed once for all pages (gzip-splice.ts).
    compressed = gzipped && Buffer.byteLength(html) >= GZIP_THRESHOLD;
    body = compressed ? await gzipHolding(html, inlineStylesheet()) : Buffer.from(html, 'utf8');
  }
  Object.assign(out, security, { 'x-request-id': id, vary: NEXT_VARY });
  if (compressed) out['content-encoding'] = 'gzip';
  out['content-length'] = String(body.length);
  response.writeHead(answer.status, out);
  response.end(body);
  return true;
}

/**
 * Answers the request from the page cache when it can, or with the page's route handler when
 * `early` names one: true once answered; false when Next.js must handle it (a promise when a
 * search is counted first: the count then goes with the request).
 */
export function answerFromCache(request: http.IncomingMessage, response: http.ServerResponse, early?: EarlyRoute): boolean | Promise<boolean> {
  if (request.method !== 'GET') return false;
  const url = requestUrl(request.url);
  if (!url) return false;
  const headers = reader(request.headers);
  const key = pageCacheKeyFor({ method: 'GET', headers, url });
  if (key === null) return false;
  const { path } = splitLocale(url.pathname);
  const handler = early?.(path) ?? null;
  const answerOrRender = () => answer(request, response, key, path, headers) || (handler ? renderEarly(request, response, handler, url, headers) : false);
  if (!isLimitedSearch(path, url.search)) return answerOrRender();
  // Counted here, as the proxy would (a cacheable page is never one it redirects first), whether a page answers or not.
  return countSearch(headers).then((limit) => {
    request.headers[COUNTED_HEADER] = countedValue(limit);
    return limit.ok && answerOrRender();
  });
}

type Emitter = { emit: (event: string, ...args: unknown[]) => boolean; __reperesFastHit?: true };

/** Makes every HTTP server of this process try the page cache (and the `early` routes) before Next.js (idempotent). */
export function installFastHits(server: typeof http.Server = http.Server, early?: EarlyRoute): void {
  const proto = server.prototype as unknown as Emitter;
  if (proto.__reperesFastHit) return;
  const emit = proto.emit;
  proto.emit = function (this: unknown, event: string, ...args: unknown[]) {
    if (event !== 'request') return emit.call(this, event, ...args);
    const [request, response] = args as [http.IncomingMessage, http.ServerResponse];
    // Only this process writes it.
    delete request.headers[COUNTED_HEADER];
    const handOn = () => emit.call(this, event, ...args);
    let answered: boolean | Promise<boolean>;
    try {
      answered = answerFromCache(request, response, early);
    } catch {
      answered = false;
    }
    if (answered === false) return handOn();
    if (answered === true) return true;
    answered.then(
      (done) => done || handOn(),
      () => (response.headersSent ? response.destroy() : handOn()),
    );
    return true;
  };
  proto.__reperesFastHit = true;
}
