import Link from 'next/link';
import { SelectionLink } from '@/components/orientation/SelectionButton';

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link href="/" className="brand" aria-label="Repères, accueil">
          <svg aria-hidden="true" width="28" height="28" viewBox="0 0 32 32">
            <circle cx="16" cy="13" r="9" fill="#1d4e89" />
            <path d="M16 30 9 19h14z" fill="#1d4e89" />
            <circle cx="16" cy="13" r="4" fill="#fff" />
          </svg>
          <span>Repères</span>
        </Link>
        <nav aria-label="Navigation principale">
          <ul className="nav-list">
            <li>
              <Link href="/recherche">Trouver un lieu</Link>
            </li>
            <li>
              <Link href="/orienter">Orienter une personne</Link>
            </li>
            <li>
              <SelectionLink />
            </li>
            <li>
              <Link href="/donnees">Données ouvertes</Link>
            </li>
            <li>
              <Link href="/reseaux">Réseaux</Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
