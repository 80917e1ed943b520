// The atelier sessions of a fiche d'orientation, on screen and on paper: what, when (in the
// atelier's own time zone), where, how to register. Plain data in (lib/orientation/sessions.ts).
import type { FicheSession } from '@/lib/orientation/sessions';

export function FicheSessions({ sessions }: { sessions: FicheSession[] }) {
  if (sessions.length === 0) return null;
  return (
    <section className="fiche__sessions" aria-labelledby="fiche-ateliers">
      <h3 id="fiche-ateliers">{sessions.length > 1 ? 'Les ateliers choisis pour vous' : 'L’atelier choisi pour vous'}</h3>
      <ol className="fiche__places">
        {sessions.map((s) => (
          <li key={s.id} className="fiche__place" data-testid="fiche-session">
            <h4>{s.title}</h4>
            <p className="fiche__phone">
              Quand : <time dateTime={s.startsAt}>{s.when}</time>
            </p>
            <p>
              Où : <a href={s.placeUrl}>{s.placeName}</a>, {s.address.join(', ')}
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
            {s.note && <p className="fiche__note">Note : {s.note}</p>}
            <p className="fiche__link">
              L’atelier en ligne : <a href={s.url}>{s.url.replace(/^https?:\/\//, '')}</a>
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
