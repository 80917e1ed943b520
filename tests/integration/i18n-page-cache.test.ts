// The page cache keys pages by language: /ar/recherche and /recherche are two pages, whichever
// is asked first and whether the proxy answers (cachedPageResponse, on the prefixed address) or
// the route does (servePage, on the address the proxy rewrote, with the language in its header).
// Runs the real cache, listening on the test database, as the process's cache.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageCache } from '@/lib/cache/page-cache';
import { LOCALE_HEADER } from '@/lib/i18n/locales';
import { cachedPageResponse, pageKey, servePage } from '@/lib/render/public-page';
import { listeningCache, usePageCacheFixture } from '../helpers/page-cache';

const globalForCache = globalThis as unknown as { reperesPageCache?: PageCache };

/** The request a route handler sees after the proxy: the French path, the language in the header. */
function routeRequest(path: string, locale: string) {
  return new Request(`http://localhost${path}`, { headers: { [LOCALE_HEADER]: locale, 'x-nonce': 'n' } });
}

/** The request the proxy sees: the address as typed (with the prefix), and a header a client may forge. */
function proxyRequest(path: string, forged?: string) {
  const url = new URL(`http://localhost${path}`);
  return { method: 'GET', headers: new Headers(forged ? { [LOCALE_HEADER]: forged } : {}), nextUrl: url };
}

const render = (locale: string) => async () => ({ status: 200, html: `<html lang="${locale}">${locale} page</html>` });

describe('page cache and languages', () => {
  usePageCacheFixture();
  let previous: PageCache | undefined;

  beforeAll(async () => {
    previous = globalForCache.reperesPageCache;
    globalForCache.reperesPageCache = await listeningCache();
  });
  afterAll(() => {
    globalForCache.reperesPageCache = previous;
  });

  it('keys a page by its language, the same before and after the proxy rewrites it', () => {
    const fr = pageKey(new URL('http://localhost/recherche?ou=Angers'));
    const ar = pageKey(new URL('http://localhost/ar/recherche?ou=Angers'), 'ar');
    expect(ar).not.toBe(fr);
    expect(pageKey(new URL('http://localhost/recherche?ou=Angers'), 'ar')).toBe(ar);
    expect(pageKey(new URL('http://localhost/recherche?rayon=5&ou=Angers'), 'ar')).toBe(
      pageKey(new URL('http://localhost/ar/recherche?ou=Angers&rayon=5'), 'ar'),
    );
  });

  it('never answers /ar/recherche with the French page kept, nor /recherche with the Arabic one', async () => {
    const french = await servePage(routeRequest('/recherche?ou=Angers', 'fr'), render('fr'));
    expect(await french.text()).toContain('fr page');
    // The Arabic address is not served the French page, by the proxy or by the route.
    expect(cachedPageResponse(proxyRequest('/ar/recherche?ou=Angers'), 'n')).toBeNull();
    const arabic = await servePage(routeRequest('/recherche?ou=Angers', 'ar'), render('ar'));
    expect(arabic.headers.get('X-Page-Cache')).toBe('miss');
    expect(await arabic.text()).toContain('ar page');
    // Both are kept now, each under its own language.
    expect(await cachedPageResponse(proxyRequest('/ar/recherche?ou=Angers'), 'n')!.text()).toContain('ar page');
    expect(await cachedPageResponse(proxyRequest('/recherche?ou=Angers'), 'n')!.text()).toContain('fr page');
    const again = await servePage(routeRequest('/recherche?ou=Angers', 'fr'), render('never'));
    expect(again.headers.get('X-Page-Cache')).toBe('hit');
    expect(await again.text()).toContain('fr page');
  });

  it('Ukrainian first, French next: the French page is rendered, not taken from the Ukrainian one', async () => {
    const uk = await servePage(routeRequest('/lieux/x', 'uk'), render('uk'));
    expect(await uk.text()).toContain('uk page');
    expect(cachedPageResponse(proxyRequest('/lieux/x'), 'n')).toBeNull();
    const fr = await servePage(routeRequest('/lieux/x', 'fr'), render('fr'));
    expect(fr.headers.get('X-Page-Cache')).toBe('miss');
    expect(await fr.text()).toContain('fr page');
  });

  it('a language header sent by the client does not choose the cached page the proxy serves', async () => {
    // The proxy reads the language from the path: a forged header on a French address gets French.
    expect(await cachedPageResponse(proxyRequest('/recherche?ou=Angers', 'ar'), 'n')!.text()).toContain('fr page');
    // A prefixed page not translated is never served from the cache (the proxy redirects it).
    expect(cachedPageResponse(proxyRequest('/ar/orienter'), 'n')).toBeNull();
  });
});
