// The pages after a registration and of the cancellation link. The link's page asks before
// cancelling (a POST): mail scanners that open links must not free anyone's seat. The first in the
// language of `t`; the cancellation page, reached from the French mail, in French.
import { sessionWhen } from '@/lib/ateliers/format';
import { translator, type Translator } from '@/lib/i18n';

type Session = { startsAt: Date; endsAt: Date; title: string; slug: string; timeZone: string };

export function RegisteredView({
  state,
  session,
  cancelPath,
  mailed,
  t = translator(),
}: {
  state: 'CONFIRMED' | 'WAITING';
  session: Session;
  cancelPath: string;
  mailed: boolean;
  t?: Translator;
}) {
  const fr = t.locale === 'fr' ? undefined : 'fr';
  return (
    <div className="container prose">
      <h1>{state === 'CONFIRMED' ? t('ateliers.confirmedTitle') : t('ateliers.waitingHeading')}</h1>
      <p className="notice notice--success" role="status">
        <span lang={fr}>{session.title}</span> — {sessionWhen(session.startsAt, session.endsAt, session.timeZone, t)}
      </p>
      {state === 'WAITING' && <p>{mailed ? t('ateliers.waitingMailed') : t('ateliers.waiting')}</p>}
      <p>{mailed ? t('ateliers.mailed') : t('ateliers.keepLink')}</p>
      <p>
        {/* The cancellation page is French, like the mail that links to it. */}
        <a href={cancelPath} hrefLang={fr}>
          {t('ateliers.cancel')}
        </a>
      </p>
      <p>
        <a href={t.path(`/ateliers/${session.slug}`)}>{t('ateliers.back')}</a>
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
