// The page cache's fast path (lib/render/fast-hit.ts) on a real HTTP server, in front of a
// stand-in for Next.js: a fresh cached page is answered before it, gzipped, with a nonce of its
// own in the page and in the Content-Security-Policy; everything else is handed on, a search
// counted once (the proxy reads the count the fast path wrote). Runs the real cache, listening on
// the test database, as the process's cache.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageCache } from '@/lib/cache/page-cache';
import { LOCALE_HEADER } from '@/lib/i18n/locales';
import { acceptsGzip, installFastHits } from '@/lib/render/fast-hit';
import { servePage } from '@/lib/render/public-page';
import { PEER_HEADER } from '@/lib/security/client-address';
import { COUNTED_HEADER, countedResult } from '@/lib/security/search-rate';
import { listeningCache, usePageCacheFixture } from '../helpers/page-cache';

const globalForCache = globalThis as unknown as { reperesPageCache?: PageCache };

/** The route handler the server renders /lieux/en-avance with before Next.js, and the requests it got. */
const early: Request[] = [];
class Server extends http.Server {}
installFastHits(Server, (path) =>
  path === '/lieux/en-avance'
    ? async (request) => {
        early.push(request);
        const nonce = request.headers.get('x-nonce')!;
        return new Response(`<html lang="${request.headers.get(LOCALE_HEADER)}"><script nonce="${nonce}"></script>${'x'.repeat(2000)}</html>`, {
          status: 200,
          headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
        });
      }
    : null,
);

/** What the stand-in for Next.js saw. */
const handedOn: Array<{ url: string; headers: http.IncomingHttpHeaders }> = [];
const server = new Server((request, response) => {
  handedOn.push({ url: request.url!, headers: { ...request.headers } });
  response.end('next');
});
let base = '';

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    // `path` as written: a URL would remove its dot segments before sending it.
    const { hostname, port } = new URL(base);
    http
      .get({ hostname, port, path, headers: { 'accept-encoding': 'gzip, deflate, br', ...headers } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const raw = Buffer.concat(chunks);
          const body = response.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(raw).toString() : raw.toString();
          resolve({ status: response.statusCode!, headers: response.headers, body });
        });
      })
      .on('error', reject);
  });
}

const page = '<html><script nonce="%N">go()</script><p>Ouvert maintenant</p></html>';
const render = async (nonce: string) => ({ status: 200, html: page.replace('%N', nonce), headers: { 'Cache-Control': 'public, max-age=0, s-maxage=60' } });
const keep = (path: string) => servePage(new Request(`http://localhost${path}`, { headers: { [LOCALE_HEADER]: 'fr', 'x-nonce': 'n' } }), render);

describe('page cache fast path', () => {
  usePageCacheFixture();
  let previous: PageCache | undefined;

  beforeAll(async () => {
    previous = globalForCache.reperesPageCache;
    globalForCache.reperesPageCache = await listeningCache();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    globalForCache.reperesPageCache = previous;
    await new Promise((resolve) => server.close(resolve));
  });

  it('answers a kept page gzipped, with a nonce of its own in the page and its CSP, and the proxy’s headers', async () => {
    await keep('/lieux/la-poste?b=2&a=1');
    handedOn.length = 0;
    const [one, two] = [await get('/lieux/la-poste?a=1&b=2'), await get('/lieux/la-poste?a=1&b=2', { 'accept-encoding': 'identity' })];
    expect(handedOn).toEqual([]);
    expect(one.headers['content-encoding']).toBe('gzip');
    expect(two.headers['content-encoding']).toBeUndefined();
    for (const answer of [one, two]) {
      expect(answer.status).toBe(200);
      const nonce = /nonce="([^"]+)"/.exec(answer.body)![1];
      expect(answer.body).toBe(page.replace('%N', nonce));
      expect(answer.headers['content-security-policy']).toContain(`'nonce-${nonce}'`);
      expect(answer.headers).toMatchObject({
        'x-page-cache': 'hit',
        'cache-control': 'public, max-age=0, s-maxage=60',
        'content-type': 'text/html; charset=utf-8',
        'x-frame-options': 'DENY',
        'x-content-type-options': 'nosniff',
        vary: 'Accept-Encoding',
      });
      expect(answer.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      // The stylesheet is inside the page (nothing to preload).
      expect(answer.headers.link).toBeUndefined();
    }
    expect(/nonce="([^"]+)"/.exec(one.body)![1]).not.toBe(/nonce="([^"]+)"/.exec(two.body)![1]);
  });

  it('hands on what it must not answer: a miss, a signed-in visitor, another method, an address Next.js rewrites', async () => {
    await keep('/lieux/la-mairie');
    handedOn.length = 0;
    await get('/lieux/ailleurs');
    await get('/lieux/la-mairie', { cookie: 'next-auth.session-token=x' });
    await get('/lieux/la-mairie/');
    await get('//lieux/la-mairie');
    await get('/lieux/../lieux/la-mairie');
    await get('/ar/lieux/la-mairie');
    await new Promise<void>((resolve) => http.request(`${base}/lieux/la-mairie`, { method: 'HEAD' }, () => resolve()).end());
    expect(handedOn.map((r) => r.url)).toEqual([
      '/lieux/ailleurs',
      '/lieux/la-mairie',
      '/lieux/la-mairie/',
      '//lieux/la-mairie',
      '/lieux/../lieux/la-mairie',
      '/ar/lieux/la-mairie',
      '/lieux/la-mairie',
    ]);
    expect((await get('/lieux/la-mairie')).headers['x-page-cache']).toBe('hit');
  });

  it('counts a search once: the count it wrote goes on with a miss, a count sent by the client never does', async () => {
    handedOn.length = 0;
    await get('/recherche?ou=Nulle-part', { [COUNTED_HEADER]: 'forged ok 1', [PEER_HEADER]: '192.0.2.7' });
    await get('/lieux/ailleurs', { [COUNTED_HEADER]: 'forged ok 1' });
    const [search, other] = handedOn.map((r) => new Headers(r.headers as Record<string, string>));
    expect(countedResult(search)).toMatchObject({ ok: true });
    expect(search.get(COUNTED_HEADER)).not.toContain('forged');
    expect(other.get(COUNTED_HEADER)).toBeNull();
    expect(countedResult(new Headers({ [COUNTED_HEADER]: 'forged ok 1' }))).toBeNull();
  });

  it('renders a page it has a route for, as Next.js would after the proxy, and only for a request the cache could answer', async () => {
    handedOn.length = 0;
    early.length = 0;
    const answer = await get('/ar/lieux/en-avance?x=1', { 'x-request-id': 'lb-request-0001' });
    expect(early).toHaveLength(1);
    const request = early[0];
    expect(new URL(request.url).pathname + new URL(request.url).search).toBe('/lieux/en-avance?x=1');
    expect([request.headers.get(LOCALE_HEADER), request.headers.get('x-pathname'), request.headers.get('x-request-id')]).toEqual([
      'ar',
      '/lieux/en-avance',
      'lb-request-0001',
    ]);
    const nonce = request.headers.get('x-nonce')!;
    expect(request.headers.get('content-security-policy')).toContain(`'nonce-${nonce}'`);
    expect(answer.body).toContain(`<html lang="ar"><script nonce="${nonce}">`);
    expect(answer.headers).toMatchObject({
      'content-encoding': 'gzip',
      'cache-control': 'no-store',
      'x-request-id': 'lb-request-0001',
      'x-frame-options': 'DENY',
    });
    expect(answer.headers['content-security-policy']).toContain(`'nonce-${nonce}'`);
    expect(answer.headers.vary).toContain('Accept-Encoding');
    // Signed in, or another address: Next.js as before.
    await get('/lieux/en-avance', { cookie: 'next-auth.session-token=x' });
    await get('/lieux/en-retard');
    expect(early).toHaveLength(1);
    expect(handedOn.map((r) => r.url)).toEqual(['/lieux/en-avance', '/lieux/en-retard']);
  });

  it('never lets the client’s Host header move the address the route handler reads', async () => {
    early.length = 0;
    await get('/ar/lieux/en-avance?x=1', { host: 'evil.example/lieux/autre-lieu?y=2#' });
    expect(early).toHaveLength(1);
    const url = new URL(early[0].url);
    expect([url.host, url.pathname, url.search]).toEqual(['localhost', '/lieux/en-avance', '?x=1']);
  });

  it('reads Accept-Encoding as Next.js’s compression does for gzip', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('br, deflate')).toBe(false);
    expect(acceptsGzip(null)).toBe(false);
  });
});
