// The search results page body, shared by /recherche, the network embed, territory and network
// pages. Markup only, with plain links: /recherche and /embed render it without Next.js's client
// runtime (lib/render) and enhance it with a small script, the App Router pages with client
// components — the three interactive parts (the "where" field, the map, the selection button)
// come from the page as `widgets`.
import type { ReactNode } from 'react';
import type { ResultsMapConfig } from '@/components/islands/map';
import { env } from '@/lib/config/env';
import { withDe } from '@/lib/geo/french';
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
};

export function SearchResults({ data, basePath, widgets, heading, linkTarget, showForm = true, headingLevel = 1 }: Props) {
  const { filters, scope, now, response } = data;
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const url = (changes: Partial<SearchFilters>) => {
    const query = toSearchParams({ ...filters, ...changes, ...scope }).toString();
    return query ? `${basePath}?${query}` : basePath;
  };
  const markers = response.results
    .filter((r) => r.latitude !== null && r.longitude !== null)
    .map((r) => ({ id: r.id, lat: r.latitude!, lng: r.longitude!, label: r.name, href: `/lieux/${r.slug}`, detail: `${r.street}, ${r.commune}` }));
  const config = env();
  const where = response.origin ? ` autour ${withDe(response.origin.label, response.origin.typeLiaison)}` : '';
  const title = heading ?? (response.origin ? `Lieux${where}` : 'Lieux d’aide au numérique');

  return (
    <div className="container search-layout">
      {showForm && response.total > 0 && (
        // On a phone the filters fill the first screens: a way straight to the results.
        <p className="results-jump">
          <a href="#resultats">
            {response.total >= NATIONAL_COUNT_CAP ? 'Voir les résultats' : `Voir les ${response.total} résultat${response.total > 1 ? 's' : ''}`}
          </a>
        </p>
      )}
      <div className="search-layout__form">
        {showForm && <FilterForm filters={filters} facets={response.facets} action={basePath} location={widgets.location(filters.ou ?? '')} />}
      </div>
      <div className="search-layout__results" id="resultats" tabIndex={-1}>
        <Heading className="results-title">{title}</Heading>
        {response.placeHelp && <PlaceHelpNotice help={response.placeHelp} href={(ou) => url({ ou, lat: null, lng: null, page: 1 })} />}
        {response.problems.length > 0 && (
          <div className="notice notice--warning" role="alert">
            <ul className="plain-list">
              {response.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </div>
        )}
        <ResultsCount filters={filters} response={response} />
        {response.total === 0 && !(filters.ou && !response.origin) && <EmptyState filters={filters} response={response} url={url} />}
        {markers.length > 0 &&
          widgets.map({
            markers,
            tileUrl: config.TILE_URL,
            attribution: config.TILE_ATTRIBUTION,
            searchAreaBase: url({ page: 1 }),
            center: response.origin ? { lat: response.origin.latitude, lng: response.origin.longitude } : null,
            linkTarget,
          })}
        <ol className="result-list" aria-label="Résultats">
          {response.results.map((place) => (
            <li key={place.id}>
              <ResultCard place={place} now={now} linkTarget={linkTarget} actions={widgets.actions?.(place)} headingLevel={headingLevel === 1 ? 2 : 3} />
            </li>
          ))}
        </ol>
        {response.pageCount > 1 && <ResultsPagination page={filters.page} pageCount={response.pageCount} url={url} />}
      </div>
    </div>
  );
}

type Results = SearchData['response'];
type Url = (changes: Partial<SearchFilters>) => string;

/** How many places, or why none is listed. */
function ResultsCount({ filters, response }: { filters: SearchFilters; response: Results }) {
  return (
    <p className="results-count" role="status" aria-live="polite">
      {filters.ou && !response.origin
        ? 'Précisez le lieu ci-dessus pour voir les lieux proches.'
        : response.total === 0
          ? 'Aucun lieu ne correspond.'
          : response.total >= NATIONAL_COUNT_CAP
            ? `Plus de ${(NATIONAL_COUNT_CAP - 1).toLocaleString('fr-FR')} lieux : précisez une commune ou des critères.`
            : `${response.total} lieu${response.total > 1 ? 'x' : ''}${response.origin ? ` à moins de ${filters.rayon} km` : ''}${response.origin ? ', du plus proche au plus loin' : ''}.`}
    </p>
  );
}

/** No result: a wider radius, or the same place without the criteria. */
function EmptyState({ filters, response, url }: { filters: SearchFilters; response: Results; url: Url }) {
  return (
    <div className="empty-state">
      {response.origin && filters.rayon < RADIUS.max && (
        <p>
          Aucun lieu à moins de {filters.rayon} km.{' '}
          <a href={url({ rayon: Math.min(RADIUS.max, Math.max(30, filters.rayon * 3)), page: 1 })}>
            Élargir à {Math.min(RADIUS.max, Math.max(30, filters.rayon * 3))} km ?
          </a>
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
            Retirer les critères et garder le lieu
          </a>
        </p>
      )}
    </div>
  );
}

function ResultsPagination({ page, pageCount, url }: { page: number; pageCount: number; url: Url }) {
  return (
    <nav className="pagination" aria-label="Pages de résultats">
      {page > 1 && (
        <a href={url({ page: page - 1 })} rel="prev">
          ← Page précédente
        </a>
      )}
      <span>
        Page {page} sur {pageCount}
      </span>
      {page < pageCount && (
        <a href={url({ page: page + 1 })} rel="next">
          Page suivante →
        </a>
      )}
    </nav>
  );
}
