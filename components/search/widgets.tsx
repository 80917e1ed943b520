// The search page's interactive parts (see SearchResults): markup that works without JavaScript
// and that the public pages' script (components/islands/site.ts) enhances. Every public page is
// rendered without Next.js's client runtime (issue #20).
import type { ResultsMapConfig } from '@/components/islands/map';
import type { PlaceResult } from '@/lib/search';
import { translator, type Translator } from '@/lib/i18n';
import { safeJson } from '@/lib/places/structured-data';
import type { SearchWidgets } from './SearchView';

export function plainWidgets({ selection = false, t = translator() }: { selection?: boolean; t?: Translator } = {}): SearchWidgets {
  return {
    location: (defaultValue) => <LocationField defaultValue={defaultValue} t={t} />,
    map: (config) => <MapPanel config={config} t={t} />,
    actions: selection ? (place) => <SelectionSlot place={place} /> : undefined,
  };
}

/** The "where" field; "Autour de moi" appears once the script runs. */
export function LocationField({ defaultValue, t = translator() }: { defaultValue: string; t?: Translator }) {
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
