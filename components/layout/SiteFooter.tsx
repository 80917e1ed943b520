// Plain links: also rendered by the public pages' own renderer (lib/render).
export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="container">
        <p>
          <strong>Repères</strong> — l’annuaire ouvert des lieux de médiation numérique.
        </p>
        <ul className="footer-links">
          <li>
            <a href="/donnees">Données ouvertes</a>
          </li>
          <li>
            <a href="/accessibilite">Accessibilité</a>
          </li>
          <li>
            <a href="/mentions-legales">Mentions légales</a>
          </li>
          <li>
            <a href="/admin">Espace des contributeurs</a>
          </li>
        </ul>
      </div>
    </footer>
  );
}
