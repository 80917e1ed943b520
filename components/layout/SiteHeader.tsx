// Plain links: the header is also rendered by the public pages' own renderer (lib/render), where
// Next.js's client components do not exist. `selection` is the "Ma sélection" link, counted in the
// browser by a client component (App Router pages) or by the public pages' script.
import type { ReactNode } from 'react';

export function SiteHeader({ selection }: { selection: ReactNode }) {
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <a href="/" className="brand" aria-label="Repères, accueil">
          <svg aria-hidden="true" width="28" height="28" viewBox="0 0 32 32">
            <circle cx="16" cy="13" r="9" fill="#1d4e89" />
            <path d="M16 30 9 19h14z" fill="#1d4e89" />
            <circle cx="16" cy="13" r="4" fill="#fff" />
          </svg>
          <span>Repères</span>
        </a>
        <nav aria-label="Navigation principale">
          <ul className="nav-list">
            <li>
              <a href="/recherche">Trouver un lieu</a>
            </li>
            <li>
              <a href="/ateliers">Ateliers</a>
            </li>
            <li>
              <a href="/orienter">Orienter une personne</a>
            </li>
            <li>{selection}</li>
            <li>
              <a href="/donnees">Données ouvertes</a>
            </li>
            <li>
              <a href="/reseaux">Réseaux</a>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
