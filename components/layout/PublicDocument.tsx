// The whole HTML document of the pages rendered without Next.js's client runtime (lib/render):
// the same head essentials, header and footer as the App Router layout, the site's stylesheet (inline)
// and the page's own small script, stamped with the request's CSP nonce.
/* eslint-disable @next/next/no-head-element, @next/next/no-sync-scripts -- this document is rendered by lib/render, outside
   Next.js's own document; its script is a module, deferred by nature. */
import type { ReactNode } from 'react';
import { assetUrl, inlineStylesheet, type AssetName } from '@/lib/render/assets';
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
};

export function PublicDocument({ title, description, robots, canonical, ogTitle, nonce, scripts = [], chrome = true, children }: Props) {
  const fullTitle = `${title} — ${SITE_NAME}`;
  return (
    <html lang="fr">
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
        <meta property="og:locale" content="fr_FR" />
        <meta property="og:type" content="website" />
        <link rel="icon" href="/icon.svg" type="image/svg+xml" sizes="any" />
        {/* Inline: one round trip less before the first paint on a slow network (lib/render/assets.ts). */}
        <style nonce={nonce} dangerouslySetInnerHTML={{ __html: inlineStylesheet() }} />
        <link rel="manifest" href="/manifest.webmanifest" />
        <link rel="apple-touch-icon" href="/icons/icon-192.png" />
        {scripts.map((name) => (
          <script key={name} type="module" src={assetUrl(name)} nonce={nonce} />
        ))}
      </head>
      <body>
        {chrome && (
          <>
            <a className="skip-link" href="#contenu">
              Aller au contenu
            </a>
            <SiteHeader
              selection={
                <a href="/orienter/selection" data-selection-link="">
                  Ma sélection
                </a>
              }
            />
          </>
        )}
        <main id="contenu" tabIndex={-1}>
          {children}
        </main>
        {chrome && <SiteFooter />}
      </body>
    </html>
  );
}
