import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isLocalizedPath, LOCALE_HEADER, localizedHref, prefixedPathKind, requestLocale, splitLocale } from './locales';

describe('locale resolution', () => {
  it('reads the language from the path prefix, French without one', () => {
    expect(splitLocale('/ar/recherche')).toEqual({ locale: 'ar', path: '/recherche', prefixed: true });
    expect(splitLocale('/uk/lieux/maison-x')).toEqual({ locale: 'uk', path: '/lieux/maison-x', prefixed: true });
    expect(splitLocale('/fa')).toEqual({ locale: 'fa', path: '/', prefixed: true });
    expect(splitLocale('/recherche')).toEqual({ locale: 'fr', path: '/recherche', prefixed: false });
    // French has no prefix; an unknown two-letter segment is a French path like any other.
    expect(splitLocale('/fr/recherche')).toEqual({ locale: 'fr', path: '/fr/recherche', prefixed: false });
    expect(splitLocale('/de/recherche')).toEqual({ locale: 'fr', path: '/de/recherche', prefixed: false });
    expect(splitLocale('/arabe')).toEqual({ locale: 'fr', path: '/arabe', prefixed: false });
  });

  it('trusts only a known language in the proxy header', () => {
    expect(requestLocale(new Headers({ [LOCALE_HEADER]: 'uk' }))).toBe('uk');
    expect(requestLocale(new Headers({ [LOCALE_HEADER]: 'xx' }))).toBe('fr');
    expect(requestLocale(new Headers())).toBe('fr');
  });

  it('keeps links in the language only for the pages translated', () => {
    expect(isLocalizedPath('/recherche')).toBe(true);
    expect(isLocalizedPath('/lieux/x')).toBe(true);
    expect(isLocalizedPath('/orienter')).toBe(true);
    expect(isLocalizedPath('/orienter/selection')).toBe(true);
    expect(isLocalizedPath('/orienter/fiche')).toBe(true);
    expect(isLocalizedPath('/orienter/autre')).toBe(false);
    expect(isLocalizedPath('/connexion')).toBe(false);
    expect(localizedHref('ar', '/recherche?ou=Angers&besoin=a')).toBe('/ar/recherche?ou=Angers&besoin=a');
    expect(localizedHref('ar', '/lieux/x#signalement')).toBe('/ar/lieux/x#signalement');
    expect(localizedHref('ar', '/orienter/fiche?lieux=a,b')).toBe('/ar/orienter/fiche?lieux=a,b');
    expect(localizedHref('ar', '/connexion')).toBe('/connexion');
    expect(localizedHref('fr', '/recherche')).toBe('/recherche');
    expect(localizedHref('uk', 'https://example.org/recherche')).toBe('https://example.org/recherche');
    expect(localizedHref('uk', '//example.org/recherche')).toBe('//example.org/recherche');
  });
});

describe('the pages translated with this issue, and the unknown ones', () => {
  it('serves the home, open data, networks, embed and ateliers in every language; the home as /ar', () => {
    for (const p of ['/', '/donnees', '/reseaux', '/reseaux/cybanjou', '/embed', '/ateliers', '/ateliers/prendre-en-main'])
      expect(isLocalizedPath(p), p).toBe(true);
    expect(localizedHref('ar', '/')).toBe('/ar');
    expect(localizedHref('en', '/?ou=Angers')).toBe('/en?ou=Angers');
    expect(localizedHref('uk', '/embed?reseau=cybanjou&vue=ateliers')).toBe('/uk/embed?reseau=cybanjou&vue=ateliers');
    expect(localizedHref('ar', '/donnees/export/csv')).toBe('/donnees/export/csv');
    expect(localizedHref('ar', '/ateliers.ics?lieu=x')).toBe('/ateliers.ics?lieu=x');
  });

  it('sends a prefixed French-only page to French, and answers an unknown one in the language', () => {
    expect(prefixedPathKind('/reseaux/cybanjou')).toBe('localized');
    expect(prefixedPathKind('/admin')).toBe('french');
    expect(prefixedPathKind('/territoires/49')).toBe('french');
    expect(prefixedPathKind('/ateliers/annulation/abc')).toBe('localized');
    expect(localizedHref('uk', '/ateliers/annulation/abc')).toBe('/uk/ateliers/annulation/abc');
    expect(prefixedPathKind('/donnees/export/csv')).toBe('french');
    expect(prefixedPathKind('/nulle-part')).toBe('unknown');
    expect(prefixedPathKind('/lieux/x/y')).toBe('unknown');
    expect(prefixedPathKind('/administration')).toBe('unknown');
  });

  it('knows every folder of app/: translated or French-only (a new route must be put in one list)', () => {
    const app = path.join(process.cwd(), 'app');
    const routes = readdirSync(app, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('[') && entry.name !== 'styles')
      .map((entry) => `/${entry.name}`);
    expect(routes.length).toBeGreaterThan(10);
    // A folder of dynamic pages only (/lieux) is known by its pages (/lieux/x).
    for (const route of routes) expect([prefixedPathKind(route), prefixedPathKind(`${route}/x`)], route).not.toEqual(['unknown', 'unknown']);
  });
});
