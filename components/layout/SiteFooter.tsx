import Link from 'next/link';

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="container">
        <p>
          <strong>Repères</strong> — l’annuaire ouvert des lieux de médiation numérique.
        </p>
        <ul className="footer-links">
          <li>
            <Link href="/donnees">Données ouvertes</Link>
          </li>
          <li>
            <Link href="/accessibilite">Accessibilité</Link>
          </li>
          <li>
            <Link href="/mentions-legales">Mentions légales</Link>
          </li>
          <li>
            <Link href="/admin">Espace des contributeurs</Link>
          </li>
        </ul>
      </div>
    </footer>
  );
}
