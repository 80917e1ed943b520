// The whole HTML document of the pages rendered without Next.js's client runtime (lib/render):
// the same head essentials, header and footer as the App Router layout, the site's stylesheet (inline;
// the maps' own, Leaflet's, named for site.js to link when a page has one)
// and the page's own small script, stamped with the request's CSP nonce. In the visitor's language
// (`t`, lib/i18n): <html lang dir>, and on a page given its `path`, the language switch and the
// hreflang alternates of that page in every language.
/* eslint-disable @next/next/no-head-element, @next/next/no-sync-scripts -- this document is rendered by lib/render, outside
   Next.js's own document; its script is a module, deferred by nature. */
import type { ReactNode } from 'react';
import { publicUrl } from '@/lib/config/env';
import { DEFAULT_LOCALE, islandMessages, LOCALES, localizedHref, OG_LOCALES, translator, type Translator } from '@/lib/i18n';
import { safeJson } from '@/lib/places/structured-data';
import { assetUrl, inlineStylesheet, type AssetName } from '@/lib/render/assets';
import { LanguageSwitch } from './LanguageSwitch';
import { SiteFooter } from './SiteFooter';
import { SiteHeader } from './SiteHeader';

export const SITE_NAME = 'Repères';

type Props = {
  /** The page's own title; " — Repères" is added. */
  title: string;
  description: string;
  robots?: string;
  canonical?: string;
  /** Open Graph title when it differs from the page title (a place: its name alone). */
  ogTitle?: string;
  nonce: string;
  scripts?: AssetName[];
  /** false for the embeddable directory: no header, footer or skip link. */
  chrome?: boolean;
  children: ReactNode;
  /** The page's language (French when absent). */
  t?: Translator;
  /** The page's unprefixed path and query ("/recherche?ou=Angers"): the language switch and hreflang alternates. */
  path?: string;
};

/** The same page in every language, for search engines. */
function Alternates({ path }: { path: string }) {
  const base = publicUrl();
  return (
    <>
      {LOCALES.map((locale) => (
        <link key={locale} rel="alternate" hrefLang={locale} href={`${base}${localizedHref(locale, path)}`} />
      ))}
      <link rel="alternate" hrefLang="x-default" href={`${base}${localizedHref(DEFAULT_LOCALE, path)}`} />
    </>
  );
}

export function PublicDocument(props: Props) {
  const { title, description, robots, canonical, ogTitle, nonce, scripts = [], chrome = true, children, t = translator(), path } = props;
  const fullTitle = `${title} — ${SITE_NAME}`;
  return (
    <html lang={t.locale} dir={t.dir}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <meta name="description" content={description} />
        <meta name="application-name" content={SITE_NAME} />
        {robots && <meta name="robots" content={robots} />}
        {canonical && <link rel="canonical" href={canonical} />}
        <meta name="theme-color" content="#1d4e89" />
        <meta property="og:title" content={ogTitle ?? fullTitle} />
        {canonical && <meta property="og:url" content={canonical} />}
        <meta property="og:description" content={description} />
        <meta property="og:site_name" content={SITE_NAME} />
        <meta property="og:locale" content={OG_LOCALES[t.locale]} />
        <meta property="og:type" content="website" />
        {path && <Alternates path={path} />}
        <link rel="icon" href="/icon.svg" type="image/svg+xml" sizes="any" />
        {/* Inlined (lib/render/assets.ts): a linked stylesheet held the first paint one more round trip,
            the longest wait of a slow phone's first visit (bench/README.md, "Page weight"). */}
        <style nonce={nonce} dangerouslySetInnerHTML={{ __html: inlineStylesheet() }} />
        <link rel="manifest" href="/manifest.webmanifest" />
        <link rel="apple-touch-icon" href="/icons/icon-192.png" />
        {scripts.map((name) => (
          <script key={name} type="module" src={assetUrl(name)} nonce={nonce} />
        ))}
      </head>
      <body data-map-css={assetUrl('map.css')}>
        {chrome && (
          <>
            <a className="skip-link" href="#contenu">
              {t('shell.skip')}
            </a>
            <SiteHeader
              t={t}
              languages={path ? <LanguageSwitch t={t} path={path} /> : undefined}
              selection={
                <a href={t.path('/orienter/selection')} data-selection-link="">
                  {t('nav.selection')}
                </a>
              }
            />
          </>
        )}
        <main id="contenu" tabIndex={-1}>
          {children}
        </main>
        {chrome && <SiteFooter t={t} />}
        {t.locale !== DEFAULT_LOCALE && <script type="application/json" id="site-messages" dangerouslySetInnerHTML={{ __html: safeJson(islandMessages(t)) }} />}
      </body>
    </html>
  );
}
