import { describe, expect, it } from 'vitest';
import { cacheControlFor, pageCacheControl, PUBLIC_PAGE_CACHE } from './cache-control';

const get = (pathname: string, cookie: string | null = null, method = 'GET') => cacheControlFor({ method, pathname, cookie });

describe('HTTP caching of public pages', () => {
  it('lets shared caches keep public pages briefly, with stale-while-revalidate', () => {
    for (const path of ['/sitemap.xml', '/robots.txt']) expect(get(path)).toBe(PUBLIC_PAGE_CACHE);
    expect(PUBLIC_PAGE_CACHE).toMatch(/^public, .*s-maxage=\d+, stale-while-revalidate=\d+$/);
  });

  it('never for the back-office, sign-in, APIs handled elsewhere, writes or a signed-in person', () => {
    for (const path of [
      '/admin',
      '/admin/lieux',
      '/connexion',
      '/connexion/lien',
      '/api/auth/session',
      '/api/health',
      '/api/ready',
      '/api/v1/lieux',
      '/lieux/x/y',
      '/facile/lieux/x/y',
      '/facile/autre',
    ])
      expect(get(path)).toBeNull();
    expect(get('/sitemap.xml', null, 'POST')).toBeNull();
    expect(pageCacheControl({ method: 'POST', pathname: '/lieux/espace-x', cookie: null })).toBeNull();
    const home = (cookie: string) => pageCacheControl({ method: 'GET', pathname: '/', cookie });
    expect(home('a=b; next-auth.session-token=abc')).toBe('private, no-store');
    expect(home('__Secure-next-auth.session-token=abc')).toBe('private, no-store');
    expect(home('next-auth.csrf-token=abc')).toBe(PUBLIC_PAGE_CACHE);
  });

  it('leaves the public pages to their route handler (lib/render), which sends the policy only with a page it could build', () => {
    for (const path of [
      '/',
      '/recherche',
      '/embed',
      '/lieux/espace-x',
      '/departements/49',
      '/communes/49007-angers',
      '/territoires/49',
      '/reseaux',
      '/reseaux/cybanjou',
      '/donnees',
      '/orienter',
      '/orienter/fiche',
      '/orienter/selection',
      '/accessibilite',
      '/mentions-legales',
      '/facile',
      '/facile/recherche',
      '/facile/lieux/espace-x',
    ]) {
      expect(get(path)).toBeNull();
      expect(pageCacheControl({ method: 'GET', pathname: path, cookie: null })).toBe(PUBLIC_PAGE_CACHE);
      expect(pageCacheControl({ method: 'GET', pathname: path, cookie: 'next-auth.session-token=abc' })).toBe('private, no-store');
    }
  });

  it('lets phones keep the shared fiche and the offline page, never a signed-in copy (issue #21: the service worker keeps only what allows it)', () => {
    // The fiche is a light page: its route applies the policy (only to a page it could build).
    expect(get('/orienter/fiche')).toBeNull();
    expect(pageCacheControl({ method: 'GET', pathname: '/orienter/fiche', cookie: null })).toBe(PUBLIC_PAGE_CACHE);
    expect(pageCacheControl({ method: 'GET', pathname: '/orienter/fiche', cookie: 'next-auth.session-token=abc' })).toBe('private, no-store');
    expect(get('/orienter/selection')).toBeNull();
    expect(get('/hors-ligne')).toBeNull();
    expect(pageCacheControl({ method: 'GET', pathname: '/hors-ligne', cookie: null })).toBe(PUBLIC_PAGE_CACHE);
    expect(pageCacheControl({ method: 'GET', pathname: '/hors-ligne', cookie: '__Secure-next-auth.session-token=abc' })).toBe('private, no-store');
  });
});
