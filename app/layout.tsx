import { publicUrl } from '@/lib/config/env';
import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/layout/SiteFooter';
import { SiteHeader } from '@/components/layout/SiteHeader';
import { SelectionLink } from '@/components/orientation/SelectionButton';
import './globals.css';

export const metadata: Metadata = {
  metadataBase: new URL(publicUrl()),
  title: { default: 'Repères — trouver de l’aide au numérique près de chez soi', template: '%s — Repères' },
  description:
    'Repères recense les lieux où l’on peut se faire aider pour le numérique : démarches en ligne, ordinateur, internet, France Services, espaces publics numériques, fablabs.',
  applicationName: 'Repères',
  openGraph: { siteName: 'Repères', locale: 'fr_FR', type: 'website' },
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#1d4e89' };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request: Next.js stamps its inline scripts with the request's CSP
  // nonce (see proxy.ts), which a page prerendered at build time could not carry.
  await connection();
  return (
    <html lang="fr">
      <body>
        <a className="skip-link" href="#contenu">
          Aller au contenu
        </a>
        <SiteHeader selection={<SelectionLink />} />
        <main id="contenu" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
