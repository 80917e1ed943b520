// What a public page rendered by lib/render says when what it names does not exist (an unknown
// network, commune or département): the reason, and a way on.
export function NotFoundContent({ title, message }: { title: string; message: string }) {
  return (
    <div className="container prose">
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <a href="/recherche">Chercher un lieu d’aide au numérique</a> · <a href="/">Retour à l’accueil</a>
      </p>
    </div>
  );
}
