import { describe, expect, it } from 'vitest';
import { isLocalizedPath, LOCALE_HEADER, localizedHref, requestLocale, splitLocale } from './locales';

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
