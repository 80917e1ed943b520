// Plain links: rendered both on App Router pages and by the public pages' renderer (lib/render).
import type { ReactNode } from 'react';
import type { PlaceResult } from '@/lib/search';
import { translator, type Translator } from '@/lib/i18n';
import { reasonsText } from '@/lib/i18n/explain';
import { listLabel, typologyName } from '@/lib/i18n/words';
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
  t?: Translator;
};

export function ResultCard({ place, now, showReasons = true, actions, linkTarget, headingLevel = 2, t = translator() }: Props) {
  const opening = describeOpening(place.openingState, now, undefined, t);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const type = place.typologies[0] ? typologyName(t, place.typologies[0] as Typologie) : null;
  // The place's own words (its name, the closure's message) stay French: said so to screen readers.
  const fr = t.locale === 'fr' ? undefined : 'fr';
  const free = place.fees.includes('Gratuit');
  return (
    <article className="result-card" data-place-id={place.id} id={`lieu-${place.id}`}>
      <Heading className="result-card__title">
        <a href={t.path(`/lieux/${place.slug}`)} target={linkTarget} lang={fr}>
          {place.name}
        </a>
      </Heading>
      <p className="result-card__meta">
        {type && <span>{type}</span>}
        {place.itinerant && <span> · {t('card.itinerant')}</span>}
        {place.distanceKm !== null && <strong className="result-card__distance"> · {formatDistance(place.distanceKm, t)}</strong>}
      </p>
      <p className="result-card__address">
        {place.matchedStop ? (
          t('card.stop', { stop: place.matchedStop.label, commune: place.matchedStop.commune })
        ) : (
          <>
            {place.street}, {place.postcode} {place.commune}
          </>
        )}
      </p>
      {place.demo && (
        <p className="notice result-card__closure" data-testid="demo-place">
          {t('demo.notice')}
        </p>
      )}
      <p className="result-card__badges">
        <span className={`badge badge--${opening.tone === 'open' ? 'open' : opening.tone === 'closed' ? 'closed' : 'unknown'}`}>{opening.label}</span>
        {free && <span className="badge badge--free">{t('card.free')}</span>}
      </p>
      {place.temporaryClosure && (
        <p className="notice notice--warning result-card__closure">
          {place.temporaryClosure.until
            ? t('card.closureUntil', { date: new Date(place.temporaryClosure.until).toLocaleDateString(t.intl, { timeZone: 'UTC' }) })
            : t('card.closure')}
          {place.temporaryClosure.message && (
            <>
              {' : '}
              <span lang={fr}>{place.temporaryClosure.message}</span>
            </>
          )}
        </p>
      )}
      {place.services.length > 0 && (
        <ul className="result-card__services" aria-label={t('card.services')}>
          {place.services.slice(0, 3).map((service) => (
            <li key={service}>{listLabel(t, 'service', service)}</li>
          ))}
          {place.services.length > 3 && <li className="muted">{t('card.moreServices', { count: place.services.length - 3 })}</li>}
        </ul>
      )}
      {place.nextAtelier && <NextAtelierLine atelier={place.nextAtelier} linkTarget={linkTarget} t={t} />}
      {showReasons && place.matchedCriteria.length > 0 && (
        <p className="result-card__why">
          <span className="result-card__why-label">{t('card.why')} </span>
          <span>{reasonsText(t, place.matchedCriteria).join(' · ')}</span>
        </p>
      )}
      {actions && <div className="result-card__actions">{actions}</div>}
    </article>
  );
}
