// The pages after a registration and of the cancellation link. The link's page asks before
// cancelling (a POST): mail scanners that open links must not free anyone's seat.
import { sessionWhen } from '@/lib/ateliers/format';

type Session = { startsAt: Date; endsAt: Date; title: string; slug: string; timeZone: string };

export function RegisteredView({
  state,
  session,
  cancelPath,
  mailed,
}: {
  state: 'CONFIRMED' | 'WAITING';
  session: Session;
  cancelPath: string;
  mailed: boolean;
}) {
  return (
    <div className="container prose">
      <h1>{state === 'CONFIRMED' ? 'Inscription confirmée' : 'Vous êtes sur la liste d’attente'}</h1>
      <p className="notice notice--success" role="status">
        {session.title} — {sessionWhen(session.startsAt, session.endsAt, session.timeZone)}
      </p>
      {state === 'WAITING' && <p>La séance est complète. Si une place se libère, elle vous est donnée{mailed ? ' et vous êtes prévenu par courriel' : ''}.</p>}
      <p>
        {mailed
          ? 'Un courriel de confirmation vous a été envoyé, avec le lien pour annuler.'
          : 'Gardez ce lien : il permet d’annuler si vous ne pouvez plus venir.'}
      </p>
      <p>
        <a href={cancelPath}>Annuler mon inscription</a>
      </p>
      <p>
        <a href={`/ateliers/${session.slug}`}>Retour à l’atelier</a>
      </p>
    </div>
  );
}

export function CancelView({ session, firstName, done, action }: { session: Session | null; firstName?: string | null; done: boolean; action: string }) {
  if (done) {
    return (
      <div className="container prose">
        <h1>Inscription annulée</h1>
        <p className="notice notice--success" role="status">
          Votre place est libérée. Merci de l’avoir signalé.
        </p>
        <p>
          <a href="/ateliers">Voir les autres ateliers</a>
        </p>
      </div>
    );
  }
  if (!session) {
    return (
      <div className="container prose">
        <h1>Lien d’annulation inconnu</h1>
        <p>Ce lien a déjà servi, ou l’inscription n’existe plus. Pour toute question, contactez le lieu.</p>
        <p>
          <a href="/ateliers">Voir les ateliers</a>
        </p>
      </div>
    );
  }
  return (
    <div className="container prose">
      <h1>Annuler mon inscription</h1>
      <p>
        {firstName ? `${firstName}, vous` : 'Vous'} êtes inscrit à <strong>{session.title}</strong>,{' '}
        {sessionWhen(session.startsAt, session.endsAt, session.timeZone)}.
      </p>
      <form method="post" action={action}>
        <button type="submit" className="button button--danger">
          Annuler mon inscription
        </button>
      </form>
      <p>
        <a href={`/ateliers/${session.slug}`}>Garder mon inscription</a>
      </p>
    </div>
  );
}
