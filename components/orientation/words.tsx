// The orientation views' words (issue #20). On the server a view gets lib/i18n's `t`; in the
// browser (the selection sheet, rendered by Preact) it gets `pageWords()`, the same words the page
// wrote as JSON (SelectionView), formatted by plain {name} replacement: no ICU library in the
// browser, so the keys sent there have plain placeholders only (tests/integration/orientation-words.test.ts checks
// both formatters agree). Only types come from lib/i18n here: its message files stay on the server.
import { Fragment, type ReactNode } from 'react';
import type { Locale, MessageKey, MessageValues } from '@/lib/i18n';
import { DEFAULT_LOCALE, localizedHref } from '@/lib/i18n/locales';

/** What the orientation views need of a translator: lib/i18n's `Translator` is one. */
export type Words = {
  (key: MessageKey, values?: MessageValues): string;
  locale: Locale;
  path(href: string): string;
};

/** The message prefixes the selection sheet says in the browser, and the few shared keys it reuses. */
export const BROWSER_PREFIXES = ['orient.sheet.', 'orient.fiche.', 'orient.mail.'] as const;
export const BROWSER_KEYS: readonly MessageKey[] = ['place.phone', 'place.hours', 'island.addToSelection', 'island.print', 'island.linkCopied'];

export const isBrowserKey = (key: string) => BROWSER_PREFIXES.some((prefix) => key.startsWith(prefix)) || (BROWSER_KEYS as readonly string[]).includes(key);

/** The id of the page's JSON of words (written by OrientationPages.tsx, read by pageWords()). */
export const WORDS_ID = 'orientation-words';

/** `{name}` placeholders filled, nothing else interpreted (see the header). */
export function fillPlaceholders(message: string, values: MessageValues = {}): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** In the browser: the words the page wrote; the key itself when missing (never thrown). */
export function pageWords(): Words {
  let data: { locale?: Locale; messages?: Record<string, string> } = {};
  try {
    data = JSON.parse(document.getElementById(WORDS_ID)?.textContent || '{}') as typeof data;
  } catch {
    data = {};
  }
  const locale = data.locale ?? DEFAULT_LOCALE;
  const messages = data.messages ?? {};
  const say = (key: MessageKey, values?: MessageValues) => fillPlaceholders(messages[key] ?? key, values);
  return Object.assign(say, { locale, path: (href: string) => localizedHref(locale, href) });
}

const MARK = '\u0001';

/**
 * A message with elements in it: `rich(t, 'orient.intro', { selection: <a…/> })` puts each element
 * where its {placeholder} is in the language's sentence (word order differs between languages).
 */
export function rich(t: Words, key: MessageKey, parts: Record<string, ReactNode>): ReactNode {
  const values = Object.fromEntries(Object.keys(parts).map((name) => [name, `${MARK}${name}${MARK}`]));
  const pieces = t(key, values).split(MARK);
  return pieces.map((piece, i) => <Fragment key={i}>{i % 2 === 1 && piece in parts ? parts[piece] : piece}</Fragment>);
}

/** Text the places wrote (names, addresses, their own notes): French, and marked so for screen readers. */
export function French({ children, as: Tag = 'span' }: { children: ReactNode; as?: 'span' | 'bdi' }) {
  return <Tag lang="fr">{children}</Tag>;
}
