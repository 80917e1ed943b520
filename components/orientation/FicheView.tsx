// The fiche d'orientation on screen and on paper (large type, one block per place). Plain data
// in, no hooks: used by the selection page (browser) and the shared-link page (server).
import type { FichePlace } from '@/lib/orientation/fiche';
import type { FicheSession } from '@/lib/orientation/sessions';
import { FicheSessions } from './FicheSessions';

type Props = {
  places: FichePlace[];
  sessions?: FicheSession[];
  firstName?: string;
  need?: string;
  professional?: { structure: string; contact: string };
};

export function FicheView({ places, sessions = [], firstName, need, professional }: Props) {
  return (
    <article className="fiche" aria-labelledby="fiche-titre">
      <h2 id="fiche-titre" className="fiche__title">
        Fiche d’orientation
      </h2>
      {firstName && <p className="fiche__for">Pour : {firstName}</p>}
      {need && <p className="fiche__need">Votre besoin : {need}</p>}
      {places.length > 0 && (
        <ol className="fiche__places">
          {places.map((place) => (
            <li key={place.id} className="fiche__place" data-testid="fiche-place">
              <h3>{place.name}</h3>
              <p>{place.address.join(', ')}</p>
              {place.closure && <p className="fiche__warning">Attention : {place.closure}</p>}
              {place.phone && <p className="fiche__phone">Téléphone : {place.phone}</p>}
              {place.hours ? (
                <table className="fiche__hours">
                  <caption>Horaires</caption>
                  <tbody>
                    {place.hours.map((d) => (
                      <tr key={d.day}>
                        <th scope="row">{d.day[0].toUpperCase() + d.day.slice(1)}</th>
                        <td>{d.text}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                <p>Horaires : à demander par téléphone</p>
              )}
              {place.hoursComment && <p>{place.hoursComment}</p>}
              {place.access.length > 0 && (
                <ul>
                  {place.access.map((a) => (
                    <li key={a}>{a}</li>
                  ))}
                </ul>
              )}
              {place.practicalInfo && <p className="pre-line">À savoir : {place.practicalInfo}</p>}
              {place.note && <p className="fiche__note">Note : {place.note}</p>}
              <p className="fiche__link">
                Fiche en ligne : <a href={place.url}>{place.url.replace(/^https?:\/\//, '')}</a>
              </p>
            </li>
          ))}
        </ol>
      )}
      <FicheSessions sessions={sessions} />
      {professional && (professional.structure || professional.contact) && (
        <p className="fiche__contact">Votre contact : {[professional.structure, professional.contact].filter(Boolean).join(' — ')}</p>
      )}
    </article>
  );
}
