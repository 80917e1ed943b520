// The page the digest's unsubscribe link opens (app/resume-hebdomadaire/desinscription): a button
// that confirms (a link checker opening the mail must not unsubscribe anyone), then the outcome.
export type UnsubscribeOutcome = 'confirm' | 'done' | 'invalid';

export function UnsubscribeView({ outcome, token }: { outcome: UnsubscribeOutcome; token: string }) {
  return (
    <div className="container prose">
      <h1>Résumé hebdomadaire de Repères</h1>
      {outcome === 'confirm' && (
        <form method="post" action="/resume-hebdomadaire/desinscription">
          <input type="hidden" name="jeton" value={token} />
          <p>Vous recevez chaque semaine par courriel le résumé des réseaux que vous coordonnez. Vous pouvez l’arrêter ici, sans vous connecter.</p>
          <button type="submit" className="button">
            Ne plus recevoir le résumé hebdomadaire
          </button>
        </form>
      )}
      {outcome === 'done' && (
        <p role="status">
          C’est fait : vous ne recevrez plus le résumé hebdomadaire. Pour le recevoir de nouveau, ou un autre jour, connectez-vous et ouvrez{' '}
          <a href="/admin/compte">Mon compte</a>.
        </p>
      )}
      {outcome === 'invalid' && (
        <p role="alert">
          Ce lien de désinscription n’est pas valable (il a peut-être été coupé en deux par votre messagerie). Connectez-vous et ouvrez{' '}
          <a href="/admin/compte">Mon compte</a> pour arrêter le résumé.
        </p>
      )}
    </div>
  );
}
