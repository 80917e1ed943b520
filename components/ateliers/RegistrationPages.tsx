// The pages after a registration and of the cancellation link, in the language of `t` (the page
// the person registered on; the link in their mail keeps it: /uk/ateliers/annulation/<token>). The
// link's page asks before cancelling (a POST): mail scanners that open links must not free anyone's
// seat. The atelier's title is the place's own words: French, and marked so.
import { sessionWhen } from '@/lib/ateliers/format';
import { translator, type Translator } from '@/lib/i18n';
import { rich } from '@/components/orientation/words';

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
        <a href={cancelPath}>{t('ateliers.cancel')}</a>
      </p>
      <p>
        <a href={t.path(`/ateliers/${session.slug}`)}>{t('ateliers.back')}</a>
      </p>
    </div>
  );
}

export function CancelView({
  session,
  firstName,
  done,
  action,
  t = translator(),
}: {
  session: Session | null;
  firstName?: string | null;
  done: boolean;
  action: string;
  t?: Translator;
}) {
  if (done) {
    return (
      <div className="container prose">
        <h1>{t('ateliers.cancelPage.doneTitle')}</h1>
        <p className="notice notice--success" role="status">
          {t('ateliers.cancelPage.done')}
        </p>
        <p>
          <a href={t.path('/ateliers')}>{t('ateliers.cancelPage.others')}</a>
        </p>
      </div>
    );
  }
  if (!session) {
    return (
      <div className="container prose">
        <h1>{t('ateliers.cancelPage.unknownTitle')}</h1>
        <p>{t('ateliers.cancelPage.unknown')}</p>
        <p>
          <a href={t.path('/ateliers')}>{t('ateliers.cancelPage.all')}</a>
        </p>
      </div>
    );
  }
  const parts = {
    title: (
      <strong lang={t.locale === 'fr' ? undefined : 'fr'} dir={t.dir === 'rtl' ? 'auto' : undefined}>
        {session.title}
      </strong>
    ),
    when: sessionWhen(session.startsAt, session.endsAt, session.timeZone, t),
    ...(firstName ? { firstName } : {}),
  };
  return (
    <div className="container prose">
      <h1>{t('ateliers.cancel')}</h1>
      <p>{rich(t, firstName ? 'ateliers.cancelPage.registered' : 'ateliers.cancelPage.registeredAnyone', parts)}</p>
      <form method="post" action={action}>
        <button type="submit" className="button button--danger">
          {t('ateliers.cancel')}
        </button>
      </form>
      <p>
        <a href={t.path(`/ateliers/${session.slug}`)}>{t('ateliers.cancelPage.keep')}</a>
      </p>
    </div>
  );
}
