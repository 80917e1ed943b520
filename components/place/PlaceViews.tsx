import Link from 'next/link';
import { formatDistance } from '@/components/search/format';
import type { NearbyPlace } from '@/lib/places/page';
import styles from './place.module.css';

export function NearbyList({ places }: { places: NearbyPlace[] }) {
  return (
    <ul className={styles.nearby}>
      {places.map((alt) => (
        <li key={alt.slug}>
          <Link href={`/lieux/${alt.slug}`}>{alt.name}</Link>
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
        <Link href={searchAround(commune)} className="button button--primary">
          Chercher d’autres lieux autour de {commune}
        </Link>
      </p>
    </div>
  );
}

/** A place closed for good more than a year ago (the proxy answers 410 Gone). */
export function Gone({ name, commune }: { name: string; commune: string }) {
  return (
    <div className="container prose">
      <h1>Ce lieu n’existe plus</h1>
      <p>« {name} » a fermé définitivement il y a plus d’un an.</p>
      <p>
        <Link href={searchAround(commune)} className="button button--primary">
          Chercher un lieu autour de {commune}
        </Link>
      </p>
    </div>
  );
}
