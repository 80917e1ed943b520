// The search page's interactive parts, in two kinds (see SearchResults):
// - appWidgets: client components, for pages rendered by the App Router;
// - plainWidgets: markup that works without JavaScript and that the public pages' script
//   (components/islands/search.ts) enhances, for pages rendered without the client runtime.
import { LazyResultsMap } from '@/components/map/LazyResultsMap';
import { SelectionButton } from '@/components/orientation/SelectionButton';
import type { ResultsMapConfig } from '@/components/islands/map';
import type { PlaceResult } from '@/lib/search';
import { translator, type Translator } from '@/lib/i18n';
import { safeJson } from '@/lib/places/structured-data';
import { LocationInput } from './LocationInput';
import type { SearchWidgets } from './SearchView';

export function appWidgets({ selection = false }: { selection?: boolean } = {}): SearchWidgets {
  return {
    location: (defaultValue) => <LocationInput defaultValue={defaultValue} />,
    map: (config) => <LazyResultsMap {...config} />,
    actions: selection ? (place) => <SelectionButton id={place.id} slug={place.slug} name={place.name} /> : undefined,
  };
}

export function plainWidgets({ selection = false, t = translator() }: { selection?: boolean; t?: Translator } = {}): SearchWidgets {
  return {
    location: (defaultValue) => <LocationField defaultValue={defaultValue} t={t} />,
    map: (config) => <MapPanel config={config} t={t} />,
    actions: selection ? (place) => <SelectionSlot place={place} /> : undefined,
  };
}

/** The "where" field; "Autour de moi" appears once the script runs. */
function LocationField({ defaultValue, t }: { defaultValue: string; t: Translator }) {
  return (
    <div className="field location-field" data-location-field="">
      <label htmlFor="ou">{t('search.where')}</label>
      <div className="location-field__row">
        <input id="ou" name="ou" type="text" list="ou-suggestions" autoComplete="off" defaultValue={defaultValue} placeholder={t('search.wherePlaceholder')} />
        <button type="button" className="button" data-around-me="" hidden>
          {t('search.aroundMe')}
        </button>
      </div>
      <datalist id="ou-suggestions" />
      <p className="hint" role="status" aria-live="polite" />
    </div>
  );
}

/** The map's place and data; without JavaScript the stylesheet hides it (@media (scripting: none)). */
export function MapPanel({ config, label, t = translator() }: { config: ResultsMapConfig; label?: string; t?: Translator }) {
  return (
    <section className="map-panel" aria-label={label ?? t('search.mapLabel')} data-results-map="">
      <div className="results-map results-map--loading">{t('search.mapLoading')}</div>
      <script type="application/json" dangerouslySetInnerHTML={{ __html: safeJson(config) }} />
    </section>
  );
}

/** "Ajouter à ma sélection": the selection lives in the browser, so the script draws the button. */
function SelectionSlot({ place }: { place: PlaceResult }) {
  return <span className="selection-button" data-selection-place="" data-id={place.id} data-slug={place.slug} data-name={place.name} />;
}
