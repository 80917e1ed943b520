// "Page introuvable" for the App Router pages (the back-office's notFound()): in French, like them.
// Unknown addresses are answered by app/[...unknown]/route.tsx, a light page in the visitor's language.
import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="container prose">
      <h1>Page introuvable</h1>
      <p>Cette page n’existe pas, ou plus.</p>
      <p>
        <Link href="/">Retour à l’accueil</Link>
      </p>
    </div>
  );
}
