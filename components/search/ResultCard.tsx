// Plain links: rendered both on App Router pages and by the public pages' renderer (lib/render).
import type { ReactNode } from 'react';
import type { PlaceResult } from '@/lib/search';
import { DEMO_PLACE_NOTICE } from '@/lib/places/demo';
import { SERVICE_PLAIN, typologyLabel } from '@/lib/standard/plain-words';
import type { Typologie } from '@prisma/client';
import { NextAtelierLine } from './AteliersFilter';
import { describeOpening, formatDistance } from './format';

type Props = {
  place: PlaceResult;
  now: Date;
  /** Show the "Pourquoi ce lieu" line (when the search has criteria). */
  showReasons?: boolean;
  /** Extra controls, e.g. "Ajouter à ma sélection". */
  actions?: ReactNode;
  /** Where links open (the embed opens place pages in the top window). */
  linkTarget?: '_top';
  headingLevel?: 2 | 3;
};

export function ResultCard({ place, now, showReasons = true, actions, linkTarget, headingLevel = 2 }: Props) {
  const opening = describeOpening(place.openingState, now);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const type = place.typologies[0] ? typologyLabel(place.typologies[0] as Typologie) : null;
  const free = place.fees.includes('Gratuit');
  return (
    <article className="result-card" data-place-id={place.id} id={`lieu-${place.id}`}>
      <Heading className="result-card__title">
        <a href={`/lieux/${place.slug}`} target={linkTarget}>
          {place.name}
        </a>
      </Heading>
      <p className="result-card__meta">
        {type && <span>{type}</span>}
        {place.itinerant && <span> · Itinérant</span>}
        {place.distanceKm !== null && <strong className="result-card__distance"> · {formatDistance(place.distanceKm)}</strong>}
      </p>
      <p className="result-card__address">
        {place.matchedStop ? (
          <>
            Arrêt : {place.matchedStop.label}, {place.matchedStop.commune}
          </>
        ) : (
          <>
            {place.street}, {place.postcode} {place.commune}
          </>
        )}
      </p>
      {place.demo && (
        <p className="notice result-card__closure" data-testid="demo-place">
          {DEMO_PLACE_NOTICE}
        </p>
      )}
      <p className="result-card__badges">
        <span className={`badge badge--${opening.tone === 'open' ? 'open' : opening.tone === 'closed' ? 'closed' : 'unknown'}`}>{opening.label}</span>
        {free && <span className="badge badge--free">Gratuit</span>}
      </p>
      {place.temporaryClosure && (
        <p className="notice notice--warning result-card__closure">
          Fermeture temporaire
          {place.temporaryClosure.until ? ` jusqu’au ${new Date(place.temporaryClosure.until).toLocaleDateString('fr-FR', { timeZone: 'UTC' })}` : ''}
          {place.temporaryClosure.message ? ` : ${place.temporaryClosure.message}` : ''}
        </p>
      )}
      {place.services.length > 0 && (
        <ul className="result-card__services" aria-label="Ce que l’on peut y faire">
          {place.services.slice(0, 3).map((service) => (
            <li key={service}>{SERVICE_PLAIN[service].label}</li>
          ))}
          {place.services.length > 3 && (
            <li className="muted">
              et {place.services.length - 3} autre{place.services.length > 4 ? 's' : ''}
            </li>
          )}
        </ul>
      )}
      {place.nextAtelier && <NextAtelierLine atelier={place.nextAtelier} linkTarget={linkTarget} />}
      {showReasons && place.matchedCriteria.length > 0 && (
        <p className="result-card__why">
          <span className="result-card__why-label">Pourquoi ce lieu : </span>
          {place.matchedCriteria.join(' · ')}
        </p>
      )}
      {actions && <div className="result-card__actions">{actions}</div>}
    </article>
  );
}
