// What a person sees when a page rendered by lib/render cannot be built (most often: the database
// is unreachable). No technical detail; a reference to quote, and a retry that needs no script —
// the app reconnects by itself when the database is back. The route layer logs the failure and
// answers it, 503 (app/unavailable-response.tsx).
import { PublicDocument } from './PublicDocument';

/** The French error page (most often: the database is unreachable), with a retry that needs no script. */
export function UnavailablePage({ url, nonce, requestId }: { url: URL; nonce: string; requestId: string | null }) {
  return (
    <PublicDocument title="Service momentanément indisponible" description="Le service est momentanément indisponible." robots="noindex" nonce={nonce}>
      <div className="container prose" role="alert">
        <h1>Le service est momentanément indisponible</h1>
        <p>
          Nous n’arrivons pas à afficher cette page pour le moment. Réessayez dans quelques instants : vos recherches et vos informations ne sont pas perdues.
        </p>
        <form method="get" action={url.pathname}>
          {[...url.searchParams].map(([name, value], index) => (
            <input key={`${name}-${index}`} type="hidden" name={name} value={value} />
          ))}
          <button type="submit" className="button button--primary">
            Réessayer
          </button>
        </form>
        {requestId && <p className="muted">Référence de l’incident, à nous indiquer si le problème dure : {requestId}</p>}
      </div>
    </PublicDocument>
  );
}
