import { describe, expect, it } from 'vitest';
import { isKeptPage, isStaticFile, markKeptPage, mayKeepPage, neverHandled, withoutPrefix } from './sw-rules';

const answer = (status: number, headers: Record<string, string>, type = 'basic') => ({ status, type, headers: new Headers(headers) });
const HTML = { 'content-type': 'text/html; charset=utf-8' };

describe('what the service worker may keep', () => {
  it('never touches the back-office, sign-in, the API, campaign links or the selection, with or without a language prefix', () => {
    for (const path of [
      '/admin',
      '/admin/lieux/x',
      '/connexion',
      '/connexion/verifier',
      '/api/auth/session',
      '/api/hors-ligne/49',
      '/api/orientation/pdf',
      '/mise-a-jour/abc',
      '/orienter/selection',
      '/en/admin',
      '/ar/connexion',
      '/facile/admin',
    ]) {
      expect(neverHandled(path), path).toBe(true);
      expect(isKeptPage(path), path).toBe(false);
    }
  });

  it('keeps the pages people read, in every language', () => {
    for (const path of [
      '/',
      '/recherche',
      '/lieux/espace-x',
      '/orienter/fiche',
      '/communes/saumur',
      '/departements/49',
      '/reseaux/r',
      '/ateliers',
      '/hors-ligne',
      '/en/recherche',
      '/ar/lieux/espace-x',
      '/facile/recherche',
      '/en',
    ]) {
      expect(isKeptPage(path), path).toBe(true);
    }
    expect(isKeptPage('/donnees/export/csv')).toBe(false);
    expect(withoutPrefix('/en')).toBe('/');
    expect(withoutPrefix('/entreprises')).toBe('/entreprises');
  });

  it('keeps hashed files', () => {
    expect(isStaticFile('/assets/site-ABC.js')).toBe(true);
    expect(isStaticFile('/_next/static/chunks/x.js')).toBe(true);
    expect(isStaticFile('/lieux/x')).toBe(false);
  });

  it('keeps only a plain public 200 HTML page: never no-store, private (every signed-in answer), a cookie, a redirect or an error', () => {
    expect(mayKeepPage(answer(200, { ...HTML, 'cache-control': 'public, max-age=0, s-maxage=60' }))).toBe(true);
    expect(mayKeepPage(answer(200, { ...HTML, 'cache-control': 'private, no-store' }))).toBe(false);
    expect(mayKeepPage(answer(200, { ...HTML, 'cache-control': 'no-store, must-revalidate' }))).toBe(false);
    expect(mayKeepPage(answer(200, { ...HTML, 'set-cookie': 'a=b' }))).toBe(false);
    expect(mayKeepPage(answer(200, { 'content-type': 'application/json' }))).toBe(false);
    expect(mayKeepPage(answer(503, HTML))).toBe(false);
    expect(mayKeepPage(answer(200, HTML, 'opaqueredirect'))).toBe(false);
  });

  it('marks a kept page "consulté le … — peut avoir changé" at the top of its main content', () => {
    const html = markKeptPage('<html><body><main id="contenu" tabindex="-1"><h1>Lieu</h1></main></body></html>', '2026-12-06T09:05:00Z');
    expect(html).toContain('<main id="contenu" tabindex="-1"><p class="kept-note" role="note"');
    expect(html).toContain('Consulté le 6 décembre 2026 à 10:05 — peut avoir changé.');
  });
});
