// The languages of the public pages (issue #20): French at the current paths, the others under a
// path prefix (/ar/recherche). Pure functions, shared by proxy.ts, the routes and the views. A page
// is translated when its path matches LOCALIZED_PATHS: the proxy rewrites /ar/<path> to <path> with
// the locale in LOCALE_HEADER; a prefixed path of a page not yet translated is redirected to the
// French page. Translating a page later = adding its pattern here and using `t` in its view.

export const LOCALES = ['fr', 'en', 'ar', 'uk', 'es', 'pt', 'fa'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';

/** The header the proxy sets (always: a value sent by the client is replaced) to tell the routes the page's language. */
export const LOCALE_HEADER = 'x-reperes-locale';

/** Written right to left: Arabic, Dari/Persian. */
export const RTL_LOCALES: ReadonlySet<Locale> = new Set<Locale>(['ar', 'fa']);

/** Each language's name in itself, for the language switch. */
export const LOCALE_NAMES: Record<Locale, string> = {
  fr: 'Français',
  en: 'English',
  ar: 'العربية',
  uk: 'Українська',
  es: 'Español',
  pt: 'Português',
  fa: 'دری / فارسی',
};

/** Open Graph's locale names. */
export const OG_LOCALES: Record<Locale, string> = { fr: 'fr_FR', en: 'en_GB', ar: 'ar_AR', uk: 'uk_UA', es: 'es_ES', pt: 'pt_PT', fa: 'fa_IR' };

/** The pages served in every language (unprefixed paths). */
export const LOCALIZED_PATHS: readonly RegExp[] = [
  /^\/recherche\/?$/,
  /^\/lieux\/[^/]+\/?$/,
  /^\/sitemap\.xml$/,
  // The professional's journey (issue #20): the four questions, the selection and the shared fiche.
  /^\/orienter(\/selection|\/fiche)?\/?$/,
  // The home page, the open data page, the networks, the embed (/en/embed?reseau=…) and the ateliers with their registration.
  /^\/$/,
  /^\/donnees\/?$/,
  /^\/reseaux(?:\/[^/]+)?\/?$/,
  /^\/embed\/?$/,
  /^\/ateliers(?:\/[^/]+)?\/?$/,
  // The cancellation link of a registration, in the language of the page it was made on (its mails say it so).
  /^\/ateliers\/annulation\/[^/]+\/?$/,
];

/**
 * The French pages that exist but are not translated (a prefixed address of one is redirected to
 * it). Any other prefixed address is an unknown page: it is answered 404 in the prefix's language
 * (app/[...unknown]/route.ts). locales.test.ts checks that every folder of app/ is in one list or the other.
 */
export const FRENCH_ONLY_PATHS =
  /^\/(?:accessibilite|admin|api|ateliers\.ics|communes|connexion|departements|donnees\/(?:export|ateliers)|facile|hors-ligne|mentions-legales|mise-a-jour|resume-hebdomadaire|territoires|sw\.js|manifest\.webmanifest|robots\.txt|icon\.svg|icons|assets|favicon\.ico)(?:[/?#]|$)/;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function isLocalizedPath(path: string): boolean {
  return LOCALIZED_PATHS.some((pattern) => pattern.test(path));
}

/** What the proxy does with a prefixed path: serve it in the language, send to the French page, or answer "not found" in the language. */
export function prefixedPathKind(path: string): 'localized' | 'french' | 'unknown' {
  if (isLocalizedPath(path)) return 'localized';
  return FRENCH_ONLY_PATHS.test(path) ? 'french' : 'unknown';
}

/** "/ar/recherche" → { locale: 'ar', path: '/recherche', prefixed: true }; "/recherche" → French, not prefixed. */
export function splitLocale(pathname: string): { locale: Locale; path: string; prefixed: boolean } {
  const match = /^\/([a-z]{2})(\/.*)?$/.exec(pathname);
  if (match && match[1] !== DEFAULT_LOCALE && isLocale(match[1])) return { locale: match[1], path: match[2] || '/', prefixed: true };
  return { locale: DEFAULT_LOCALE, path: pathname, prefixed: false };
}

/** The locale the proxy decided for this request (French when absent or unknown). */
export function requestLocale(headers: Headers): Locale {
  const value = headers.get(LOCALE_HEADER);
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

/**
 * `href` (an unprefixed path, with its query or fragment) in `locale`: prefixed when that page is
 * translated, unchanged otherwise (the French page) and for anything not a local path.
 */
export function localizedHref(locale: Locale, href: string): string {
  if (locale === DEFAULT_LOCALE || !href.startsWith('/') || href.startsWith('//')) return href;
  const path = href.split(/[?#]/, 1)[0];
  if (!isLocalizedPath(path)) return href;
  // The home page in a language is "/ar" (and "/ar?x"), not "/ar/".
  return path === '/' ? `/${locale}${href.slice(1)}` : `/${locale}${href}`;
}

export function directionOf(locale: Locale): 'ltr' | 'rtl' {
  return RTL_LOCALES.has(locale) ? 'rtl' : 'ltr';
}
