// The atelier sessions of a fiche d'orientation, on screen and on paper: what, when (in the
// atelier's own time zone), where, how to register. Plain data in (lib/orientation/sessions.ts),
// the words in the fiche's language; the atelier's title and place as written, marked French.
import type { FicheSession } from '@/lib/orientation/sessions';
import type { Words } from './words';

export function FicheSessions({ sessions, t }: { sessions: FicheSession[]; t: Words }) {
  if (sessions.length === 0) return null;
  return (
    <section className="fiche__sessions" aria-labelledby="fiche-ateliers">
      <h3 id="fiche-ateliers">{sessions.length > 1 ? t('orient.fiche.sessionsMany') : t('orient.fiche.sessionsOne')}</h3>
      <ol className="fiche__places">
        {sessions.map((s) => (
          <li key={s.id} className="fiche__place" data-testid="fiche-session">
            <h4 lang="fr">{s.title}</h4>
            <p className="fiche__phone">
              {t('orient.fiche.when')} <time dateTime={s.startsAt}>{s.when}</time>
            </p>
            <p>
              {t('orient.fiche.where')}{' '}
              <a href={s.placeUrl} lang="fr">
                {s.placeName}
              </a>
              {s.placeDemo && ` ${t('orient.fiche.demo')}`}, {s.online ? s.address.join(', ') : <span lang="fr">{s.address.join(', ')}</span>}
            </p>
            <p>
              {s.registrationUrl ? (
                <a href={s.registrationUrl} rel="noopener nofollow">
                  {s.registration}
                </a>
              ) : (
                s.registration
              )}
            </p>
            {s.note && (
              <p className="fiche__note">
                {t('orient.fiche.note')} {s.note}
              </p>
            )}
            <p className="fiche__link">
              {t('orient.fiche.atelierOnline')}{' '}
              <a href={s.url} dir="ltr">
                {s.url.replace(/^https?:\/\//, '')}
              </a>
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
