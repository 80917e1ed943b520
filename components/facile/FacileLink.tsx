// "Version facile à lire": the link from a standard page to its easy-to-read version (/facile).
export function FacileLink({ href, className = '' }: { href: string; className?: string }) {
  return (
    <p className={`facile-link no-print ${className}`.trim()}>
      <a href={href} lang="fr">
        Version facile à lire
      </a>
    </p>
  );
}
