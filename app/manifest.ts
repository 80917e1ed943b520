// The web app manifest (/manifest.webmanifest, issue #21): Repères installed on a phone's home
// screen opens on the search. Icons: public/icons, drawn from app/icon.svg by scripts/make-icons.ts.
import type { MetadataRoute } from 'next';

export default function manifest(): MetadataRoute.Manifest {
  return {
    id: '/',
    name: 'Repères — lieux d’aide au numérique',
    short_name: 'Repères',
    description: 'Trouver près de chez soi un lieu où se faire aider pour le numérique, même sans connexion.',
    lang: 'fr',
    dir: 'ltr',
    start_url: '/recherche',
    scope: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#1d4e89',
    categories: ['utilities', 'government'],
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    ],
  };
}
