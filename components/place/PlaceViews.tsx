import { formatDistance } from '@/components/search/format';
import type { NearbyPlace } from '@/lib/places/page';
import { withDe } from '@/lib/geo/french';

export function NearbyList({ places }: { places: NearbyPlace[] }) {
  return (
    <ul className="place-nearby">
      {places.map((alt) => (
        <li key={alt.slug}>
          <a href={`/lieux/${alt.slug}`}>{alt.name}</a>
          <br />
          {alt.commune}, {formatDistance(alt.distance / 1000)}
        </li>
      ))}
    </ul>
  );
}

function searchAround(commune: string) {
  return `/recherche?ou=${encodeURIComponent(commune)}`;
}

/** A place closed for good, less than a year ago: say so, and where to go instead. */
export function ClosedForGood({ name, commune, closedAt, alternatives }: { name: string; commune: string; closedAt: string; alternatives: NearbyPlace[] }) {
  return (
    <div className="container prose">
      <h1>{name}</h1>
      <p className="notice notice--warning">
        <strong>Ce lieu a fermé définitivement</strong> (fermeture signalée le {closedAt}).
      </p>
      {alternatives.length > 0 ? (
        <>
          <h2>Lieux proches qui proposent une aide semblable</h2>
          <NearbyList places={alternatives} />
        </>
      ) : (
        <p>Aucun lieu proposant une aide semblable n’est connu à moins de 50 km.</p>
      )}
      <p>
        <a href={searchAround(commune)} className="button button--primary">
          Chercher d’autres lieux autour {withDe(commune)}
        </a>
      </p>
    </div>
  );
}

/** A place closed for good more than a year ago (answered with 410 Gone). */
export function Gone({ name, commune }: { name: string; commune: string }) {
  return (
    <div className="container prose">
      <h1>Ce lieu n’existe plus</h1>
      <p>« {name} » a fermé définitivement il y a plus d’un an.</p>
      <p>
        <a href={searchAround(commune)} className="button button--primary">
          Chercher un lieu autour {withDe(commune)}
        </a>
      </p>
    </div>
  );
}

/** Draft, archived or unknown (404): a way to search around the same commune, when known. */
export function PlaceNotFound({ commune }: { commune: string | null }) {
  return (
    <div className="container prose">
      <h1>Ce lieu n’est pas (ou plus) dans l’annuaire</h1>
      <p>Il a peut-être fermé, changé de nom, ou sa fiche n’est pas encore publiée.</p>
      {commune && (
        <p>
          <a href={searchAround(commune)} className="button button--primary">
            Voir les lieux autour {withDe(commune)}
          </a>
        </p>
      )}
      <form action="/recherche" method="get" role="search" className="search-form">
        <div className="field">
          <label htmlFor="ou-404">Chercher un lieu autour de</label>
          <input id="ou-404" name="ou" type="text" placeholder="Ex. : Angers, 49100" defaultValue={commune ?? ''} />
        </div>
        <button type="submit" className="button button--primary">
          Rechercher
        </button>
      </form>
      <p>
        <a href="/">Revenir à l’accueil</a>
      </p>
    </div>
  );
}
