import { formatDistance } from '@/components/search/format';
import { translator, type Translator } from '@/lib/i18n';
import { placeName } from '@/lib/i18n/words';
import type { NearbyPlace } from '@/lib/places/page';

export function NearbyList({ places, t = translator() }: { places: NearbyPlace[]; t?: Translator }) {
  return (
    <ul className="place-nearby">
      {places.map((alt) => (
        <li key={alt.slug}>
          <a href={t.path(`/lieux/${alt.slug}`)} lang={t.locale === 'fr' ? undefined : 'fr'}>
            {alt.name}
          </a>
          <br />
          {alt.commune}, {formatDistance(alt.distance / 1000, t)}
        </li>
      ))}
    </ul>
  );
}

function searchAround(commune: string, t: Translator) {
  return t.path(`/recherche?ou=${encodeURIComponent(commune)}`);
}

/** A place closed for good, less than a year ago: say so, and where to go instead. */
export function ClosedForGood({
  name,
  commune,
  closedAt,
  alternatives,
  t = translator(),
}: {
  name: string;
  commune: string;
  closedAt: string;
  alternatives: NearbyPlace[];
  t?: Translator;
}) {
  return (
    <div className="container prose">
      <h1 lang={t.locale === 'fr' ? undefined : 'fr'}>{name}</h1>
      <p className="notice notice--warning">
        <strong>{t('place.closedForGood')}</strong> {t('place.closedReported', { date: closedAt })}
      </p>
      {alternatives.length > 0 ? (
        <>
          <h2>{t('place.similar')}</h2>
          <NearbyList places={alternatives} t={t} />
        </>
      ) : (
        <p>{t('place.noSimilar')}</p>
      )}
      <p>
        <a href={searchAround(commune, t)} className="button button--primary">
          {t('place.searchOthers', { place: placeName(t, commune) })}
        </a>
      </p>
    </div>
  );
}

/** A place closed for good more than a year ago (answered with 410 Gone). */
export function Gone({ name, commune, t = translator() }: { name: string; commune: string; t?: Translator }) {
  return (
    <div className="container prose">
      <h1>{t('place.goneHeading')}</h1>
      <p>{t('place.goneText', { name })}</p>
      <p>
        <a href={searchAround(commune, t)} className="button button--primary">
          {t('place.searchAround', { place: placeName(t, commune) })}
        </a>
      </p>
    </div>
  );
}

/** Draft, archived or unknown (404): a way to search around the same commune, when known. */
export function PlaceNotFound({ commune, t = translator() }: { commune: string | null; t?: Translator }) {
  return (
    <div className="container prose">
      <h1>{t('place.notFoundHeading')}</h1>
      <p>{t('place.notFoundText')}</p>
      {commune && (
        <p>
          <a href={searchAround(commune, t)} className="button button--primary">
            {t('place.seeAround', { place: placeName(t, commune) })}
          </a>
        </p>
      )}
      <form action={t.path('/recherche')} method="get" role="search" className="search-form">
        <div className="field">
          <label htmlFor="ou-404">{t('place.searchAroundLabel')}</label>
          <input id="ou-404" name="ou" type="text" placeholder={t('place.searchPlaceholder')} defaultValue={commune ?? ''} />
        </div>
        <button type="submit" className="button button--primary">
          {t('search.submit')}
        </button>
      </form>
      <p>
        <a href={t.path('/')}>{t('place.backHome')}</a>
      </p>
    </div>
  );
}
