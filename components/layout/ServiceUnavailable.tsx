'use client';
// What a person sees when a page cannot be built (most often: the database is unreachable). No
// technical detail; a reference to quote, and a way to try again — the app reconnects by itself
// when the database is back, so a retry is all it takes.
import { useRouter } from 'next/navigation';
import { startTransition } from 'react';

export function ServiceUnavailable({ digest, reset }: { digest?: string; reset: () => void }) {
  const router = useRouter();
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  return (
    <div className="container prose" role="alert">
      <h1>Le service est momentanément indisponible</h1>
      <p>
        Nous n’arrivons pas à afficher cette page pour le moment. Réessayez dans quelques instants : vos recherches et vos informations ne sont pas perdues.
      </p>
      <p>
        <button type="button" className="button button--primary" onClick={retry}>
          Réessayer
        </button>
      </p>
      {digest && <p className="muted">Référence de l’incident, à nous indiquer si le problème dure : {digest}</p>}
    </div>
  );
}
