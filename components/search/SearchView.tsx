// The search results page body, shared by /recherche, the network embed, territory and network
// pages. Markup only, with plain links: /recherche and /embed render it without Next.js's client
// runtime (lib/render) and enhance it with a small script, the App Router pages with client
// components — the three interactive parts (the "where" field, the map, the selection button)
// come from the page as `widgets`.
import type { ReactNode } from 'react';
import type { ResultsMapConfig } from '@/components/islands/map';
import { env } from '@/lib/config/env';
import { translator, type Translator } from '@/lib/i18n';
import { placeName } from '@/lib/i18n/words';
import { NATIONAL_COUNT_CAP, type PlaceResult } from '@/lib/search';
import { hasCriteria, RADIUS, toSearchParams, type SearchFilters } from '@/lib/search/filters';
import type { SearchData } from '@/lib/search/page';
import { FilterForm } from './FilterForm';
import { PlaceHelpNotice } from './PlaceHelpNotice';
import { ResultCard } from './ResultCard';

export type SearchWidgets = {
  location: (defaultValue: string) => ReactNode;
  map: (config: ResultsMapConfig) => ReactNode;
  actions?: (place: PlaceResult) => ReactNode;
};

type Props = {
  data: SearchData;
  basePath: string;
  widgets: SearchWidgets;
  heading?: string;
  linkTarget?: '_top';
  showForm?: boolean;
  /** 2 when the page has its own h1 (network, commune pages). */
  headingLevel?: 1 | 2;
  /** The page's language (French when absent); `basePath` is then unprefixed. */
  t?: Translator;
};

export function SearchResults({ data, basePath, widgets, heading, linkTarget, showForm = true, headingLevel = 1, t = translator() }: Props) {
  const { filters, scope, now, response } = data;
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const url = (changes: Partial<SearchFilters>) => {
    const query = toSearchParams({ ...filters, ...changes, ...scope }).toString();
    return t.path(query ? `${basePath}?${query}` : basePath);
  };
  const markers = response.results
    .filter((r) => r.latitude !== null && r.longitude !== null)
    .map((r) => ({ id: r.id, lat: r.latitude!, lng: r.longitude!, label: r.name, href: t.path(`/lieux/${r.slug}`), detail: `${r.street}, ${r.commune}` }));
  const config = env();
  const title =
    heading ??
    (response.origin ? t('search.headingNear', { place: placeName(t, response.origin.label, response.origin.typeLiaison) }) : t('search.headingDefault'));

  return (
    <div className="container search-layout">
      {showForm && response.total > 0 && (
        // On a phone the filters fill the first screens: a way straight to the results.
        <p className="results-jump">
          <a href="#resultats">{response.total >= NATIONAL_COUNT_CAP ? t('search.jumpAll') : t('search.jumpCount', { count: response.total })}</a>
        </p>
      )}
      <div className="search-layout__form">
        {showForm && <FilterForm filters={filters} facets={response.facets} action={t.path(basePath)} location={widgets.location(filters.ou ?? '')} t={t} />}
      </div>
      <div className="search-layout__results" id="resultats" tabIndex={-1}>
        <Heading className="results-title">{title}</Heading>
        {response.placeHelp && <PlaceHelpNotice help={response.placeHelp} href={(ou) => url({ ou, lat: null, lng: null, page: 1 })} t={t} />}
        {response.problems.length > 0 && (
          <div className="notice notice--warning" role="alert" lang={t.locale === 'fr' ? undefined : 'fr'}>
            <ul className="plain-list">
              {response.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </div>
        )}
        <ResultsCount filters={filters} response={response} t={t} />
        {response.total === 0 && !(filters.ou && !response.origin) && <EmptyState filters={filters} response={response} url={url} t={t} />}
        {markers.length > 0 &&
          widgets.map({
            markers,
            tileUrl: config.TILE_URL,
            attribution: config.TILE_ATTRIBUTION,
            searchAreaBase: url({ page: 1 }),
            center: response.origin ? { lat: response.origin.latitude, lng: response.origin.longitude } : null,
            linkTarget,
          })}
        <ol className="result-list" aria-label={t('search.resultsLabel')}>
          {response.results.map((place) => (
            <li key={place.id}>
              <ResultCard place={place} now={now} linkTarget={linkTarget} actions={widgets.actions?.(place)} headingLevel={headingLevel === 1 ? 2 : 3} t={t} />
            </li>
          ))}
        </ol>
        {response.pageCount > 1 && <ResultsPagination page={filters.page} pageCount={response.pageCount} url={url} t={t} />}
      </div>
    </div>
  );
}

type Results = SearchData['response'];
type Url = (changes: Partial<SearchFilters>) => string;

/** How many places, or why none is listed. */
function ResultsCount({ filters, response, t }: { filters: SearchFilters; response: Results; t: Translator }) {
  return (
    <p className="results-count" role="status" aria-live="polite">
      {filters.ou && !response.origin
        ? t('search.countNeedPlace')
        : response.total === 0
          ? t('search.countNone')
          : response.total >= NATIONAL_COUNT_CAP
            ? t('search.countTooMany', { count: NATIONAL_COUNT_CAP - 1 })
            : response.origin
              ? t('search.countNear', { count: response.total, km: filters.rayon })
              : t('search.count', { count: response.total })}
    </p>
  );
}

/** No result: a wider radius, or the same place without the criteria. */
function EmptyState({ filters, response, url, t }: { filters: SearchFilters; response: Results; url: Url; t: Translator }) {
  const wider = Math.min(RADIUS.max, Math.max(30, filters.rayon * 3));
  return (
    <div className="empty-state">
      {response.origin && filters.rayon < RADIUS.max && (
        <p>
          {t('search.emptyRadius', { km: filters.rayon })} <a href={url({ rayon: wider, page: 1 })}>{t('search.widen', { km: wider })}</a>
        </p>
      )}
      {hasCriteria({ ...filters, ou: null, lat: null, lng: null, rayon: RADIUS.default }) && (
        <p>
          <a
            href={url({
              besoin: [],
              frais: [],
              public: [],
              prise_en_charge: [],
              accompagnement: [],
              acces: [],
              dispositif: [],
              label: [],
              type: [],
              itinerance: null,
              q: null,
              ouvert: null,
              creneau: [],
              ateliers: false,
              page: 1,
            })}
          >
            {t('search.removeCriteria')}
          </a>
        </p>
      )}
    </div>
  );
}

function ResultsPagination({ page, pageCount, url, t }: { page: number; pageCount: number; url: Url; t: Translator }) {
  return (
    <nav className="pagination" aria-label={t('search.pages')}>
      {page > 1 && (
        <a href={url({ page: page - 1 })} rel="prev">
          {t('search.previous')}
        </a>
      )}
      <span>{t('search.pageOf', { page, count: pageCount })}</span>
      {page < pageCount && (
        <a href={url({ page: page + 1 })} rel="next">
          {t('search.next')}
        </a>
      )}
    </nav>
  );
}
