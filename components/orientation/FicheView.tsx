// The fiche d'orientation on screen and on paper (large type, one block per place). Plain data
// in, no hooks: used by the selection page (browser) and the shared-link page (server). Its words
// in the fiche's language (`t`, words.tsx); what the places wrote (names, addresses, comments)
// as they wrote it, marked French (lang="fr") for screen readers.
import type { FichePlace } from '@/lib/orientation/fiche';
import type { FicheSession } from '@/lib/orientation/sessions';
import { FicheSessions } from './FicheSessions';
import type { Words } from './words';

type Props = {
  places: FichePlace[];
  sessions?: FicheSession[];
  firstName?: string;
  need?: string;
  professional?: { structure: string; contact: string };
  t: Words;
};

const capitalized = (text: string) => (text ? text[0].toLocaleUpperCase() + text.slice(1) : text);

function FichePlaceBlock({ place, t }: { place: FichePlace; t: Words }) {
  return (
    <li className="fiche__place" data-testid="fiche-place">
      <h3>
        <span lang="fr">{place.name}</span>
        {place.demo && ` ${t('orient.fiche.demo')}`}
      </h3>
      <p lang="fr">{place.address.join(', ')}</p>
      {place.closure && (
        <p className="fiche__warning">
          {t('orient.fiche.attention')} {place.closure}
          {place.closureMessage && (
            <>
              {' — '}
              <span lang="fr">{place.closureMessage}</span>
            </>
          )}
        </p>
      )}
      {place.phone && (
        <p className="fiche__phone">
          {t('place.phone')} <bdi dir="ltr">{place.phone}</bdi>
        </p>
      )}
      {place.hours ? (
        <table className="fiche__hours">
          <caption>{t('place.hours')}</caption>
          <tbody>
            {place.hours.map((d) => (
              <tr key={d.day}>
                <th scope="row">{capitalized(d.day)}</th>
                <td>{d.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t('orient.fiche.hoursAsk')}</p>
      )}
      {place.hoursComment && <p lang="fr">{place.hoursComment}</p>}
      {place.access.length > 0 && (
        <ul>
          {place.access.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      )}
      {place.practicalInfo && (
        <p className="pre-line">
          {t('orient.fiche.practical')} <span lang="fr">{place.practicalInfo}</span>
        </p>
      )}
      {place.note && (
        <p className="fiche__note">
          {t('orient.fiche.note')} {place.note}
        </p>
      )}
      <p className="fiche__link">
        {t('orient.fiche.online')}{' '}
        <a href={place.url} dir="ltr">
          {place.url.replace(/^https?:\/\//, '')}
        </a>
      </p>
    </li>
  );
}

export function FicheView({ places, sessions = [], firstName, need, professional, t }: Props) {
  return (
    <article className="fiche" aria-labelledby="fiche-titre">
      <h2 id="fiche-titre" className="fiche__title">
        {t('orient.fiche.title')}
      </h2>
      {firstName && (
        <p className="fiche__for">
          {t('orient.fiche.for')} {firstName}
        </p>
      )}
      {need && (
        <p className="fiche__need">
          {t('orient.fiche.need')} {need}
        </p>
      )}
      {places.length > 0 && (
        <ol className="fiche__places">
          {places.map((place) => (
            <FichePlaceBlock key={place.id} place={place} t={t} />
          ))}
        </ol>
      )}
      <FicheSessions sessions={sessions} t={t} />
      {professional && (professional.structure || professional.contact) && (
        <p className="fiche__contact">
          {t('orient.fiche.contact')} {[professional.structure, professional.contact].filter(Boolean).join(' — ')}
        </p>
      )}
    </article>
  );
}
