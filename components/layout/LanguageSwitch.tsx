// The language switch: one plain link per language, each to the same page and query in that
// language, named in its own language (and marked so, for screen readers). Works without JavaScript.
import { LOCALE_NAMES, LOCALES, localizedHref, type Translator } from '@/lib/i18n';

export function LanguageSwitch({ t, path }: { t: Translator; path: string }) {
  return (
    <nav aria-label={t('lang.choose')} className="language-switch">
      <ul>
        {LOCALES.map((locale) => (
          <li key={locale}>
            <a href={localizedHref(locale, path)} lang={locale} hrefLang={locale} aria-current={locale === t.locale ? 'true' : undefined}>
              {LOCALE_NAMES[locale]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
