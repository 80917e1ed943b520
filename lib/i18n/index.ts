// The public pages' words in the visitor's language: `translator(locale)` gives `t`, which formats
// the ICU messages of messages/<locale>.json with FormatJS's intl-messageformat (plurals, numbers and
// dates through Intl) and carries what a view needs besides: the language and direction of the
// document and `t.path()`, a link kept in the same language. Views take `t` as a prop (React context
// does not exist where route handlers render); a route gets it from the request:
// `translator(requestLocale(request.headers))`. The places' own free text is not translated.
import { IntlMessageFormat } from 'intl-messageformat';
import ar from './messages/ar.json';
import en from './messages/en.json';
import es from './messages/es.json';
import fa from './messages/fa.json';
import fr from './messages/fr.json';
import pt from './messages/pt.json';
import uk from './messages/uk.json';
import { DEFAULT_LOCALE, directionOf, localizedHref, type Locale } from './locales';

export * from './locales';

export type MessageKey = keyof typeof fr;
export type MessageValues = Record<string, string | number>;

export const MESSAGES: Record<Locale, Partial<Record<MessageKey, string>>> = { fr, en, ar, uk, es, pt, fa };

/**
 * The Intl locale of each language. Digits stay Latin in Arabic and Dari, like the addresses and phone numbers beside them;
 * dates stay in the Gregorian calendar in Dari (Intl's "fa" would say Iran's solar calendar, with Iranian month names).
 */
export const INTL_LOCALES: Record<Locale, string> = {
  fr: 'fr-FR',
  en: 'en-GB',
  ar: 'ar-u-nu-latn',
  uk: 'uk-UA',
  es: 'es-ES',
  pt: 'pt-PT',
  fa: 'fa-u-ca-gregory-nu-latn',
};

export type Translator = {
  (key: MessageKey, values?: MessageValues): string;
  locale: Locale;
  /** The Intl locale (numbers, dates). */
  intl: string;
  dir: 'ltr' | 'rtl';
  /** A local link in the same language (see localizedHref). */
  path(href: string): string;
};

const formats = new Map<string, IntlMessageFormat>();

function formatter(locale: Locale, key: MessageKey): IntlMessageFormat {
  const id = `${locale}\u0000${key}`;
  let format = formats.get(id);
  if (!format) {
    const message = MESSAGES[locale][key] ?? fr[key];
    format = new IntlMessageFormat(message, INTL_LOCALES[message === MESSAGES[locale][key] ? locale : DEFAULT_LOCALE]);
    formats.set(id, format);
  }
  return format;
}

const translators = new Map<Locale, Translator>();

export function translator(locale: Locale = DEFAULT_LOCALE): Translator {
  let t = translators.get(locale);
  if (!t) {
    const translate = (key: MessageKey, values?: MessageValues) => String(formatter(locale, key).format(values));
    t = Object.assign(translate, {
      locale,
      intl: INTL_LOCALES[locale],
      dir: directionOf(locale),
      path: (href: string) => localizedHref(locale, href),
    });
    translators.set(locale, t);
  }
  return t;
}

/**
 * A phone number in a plain-text line (a mail) of `t`'s language: in Arabic and Dari, between two
 * left-to-right marks (U+200E). Without them Unicode's bidirectional algorithm lays the groups of
 * "02 41 00 00 00" out right to left after an Arabic word ("00 00 00 41 02"); the pages say the
 * same with <bdi dir="ltr">. Latin words and URLs need nothing: their letters keep them in order.
 */
export function plainLtr(t: Pick<Translator, 'dir'>, value: string): string {
  return t.dir === 'rtl' ? `\u200e${value}\u200e` : value;
}

/** The words of the public pages' script (components/islands/messages.ts) in the language of `t`, written into the page. */
export function islandMessages(t: Translator): Record<string, string> {
  return Object.fromEntries(
    Object.keys(fr)
      .filter((key) => key.startsWith('island.'))
      .map((key) => [key, MESSAGES[t.locale][key as MessageKey] ?? fr[key as MessageKey]]),
  );
}
