// The search form: a plain GET form (works without JavaScript), the whole state in the URL.
import type { Facets } from '@/lib/search';
import type { SearchFilters } from '@/lib/search/filters';
import { ACCESS_MODE_LABELS, FEE_LABELS, PROGRAMME_LABELS, PUBLIC_LABELS, SPECIFIC_SUPPORT_LABELS } from '@/lib/standard/enums';
import { PLACE_TYPES, SERVICE_PLAIN, SUPPORT_MODE_PLAIN } from '@/lib/standard/plain-words';
import type { ReactNode } from 'react';
import { AteliersFilter } from './AteliersFilter';

type Option = { value: string; label: string; hint?: string };

function Checkboxes({
  name,
  legend,
  options,
  selected,
  counts,
}: {
  name: string;
  legend: string;
  options: Option[];
  selected: string[];
  counts?: Record<string, number>;
}) {
  return (
    <fieldset className="filter-group">
      <legend>{legend}</legend>
      {options.map((option) => {
        const id = `${name}-${option.value}`;
        const count = counts?.[option.value];
        return (
          <div className="checkbox" key={option.value}>
            <input type="checkbox" id={id} name={name} value={option.value} defaultChecked={selected.includes(option.value)} />
            <label htmlFor={id}>
              {option.label}
              {count !== undefined && <span className="muted"> ({count})</span>}
              {option.hint && <span className="hint"> — {option.hint}</span>}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

const toOptions = (labels: Record<string, string>): Option[] => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** `location` is the "where" field: a client component on App Router pages, plain markup the
 * public pages' script enhances elsewhere (see SearchWidgets). */
export function FilterForm({
  filters,
  facets,
  action = '/recherche',
  location,
}: {
  filters: SearchFilters;
  facets: Facets;
  action?: string;
  location: ReactNode;
}) {
  return (
    <form action={action} method="get" className="filter-form" role="search" aria-label="Rechercher un lieu">
      {location}
      {filters.lat !== null && filters.lng !== null && (
        <>
          <input type="hidden" name="lat" value={filters.lat} />
          <input type="hidden" name="lng" value={filters.lng} />
        </>
      )}
      {filters.reseau && <input type="hidden" name="reseau" value={filters.reseau} />}
      <div className="field">
        <label htmlFor="rayon">Distance maximale</label>
        <select id="rayon" name="rayon" defaultValue={String(filters.rayon)}>
          {[2, 5, 10, 20, 30, 50, 100].map((km) => (
            <option key={km} value={km}>
              {km} km
            </option>
          ))}
          {![2, 5, 10, 20, 30, 50, 100].includes(filters.rayon) && <option value={filters.rayon}>{filters.rayon} km</option>}
        </select>
      </div>
      <Checkboxes
        name="besoin"
        legend="J’ai besoin de…"
        options={Object.entries(SERVICE_PLAIN).map(([value, { label, hint }]) => ({ value, label, hint }))}
        selected={filters.besoin}
        counts={facets.besoin}
      />
      <fieldset className="filter-group">
        <legend>Quand ?</legend>
        {[
          ['', 'Peu importe'],
          ['maintenant', 'Ouvert maintenant'],
          ['samedi', 'Ouvert le samedi'],
        ].map(([value, label]) => (
          <div className="checkbox" key={value || 'any'}>
            <input
              type="radio"
              id={`ouvert-${value || 'any'}`}
              name="ouvert"
              value={value}
              defaultChecked={
                value === '' ? !filters.ouvert || filters.ouvert.kind === 'at' : filters.ouvert?.kind === (value === 'maintenant' ? 'now' : 'saturday')
              }
            />
            <label htmlFor={`ouvert-${value || 'any'}`}>{label}</label>
          </div>
        ))}
      </fieldset>
      {filters.creneau.map((slot) => (
        <input key={`${slot.day}-${slot.halfDay}`} type="hidden" name="creneau" value={`${slot.day}-${slot.halfDay}`} />
      ))}
      <AteliersFilter checked={filters.ateliers} />
      <Checkboxes name="frais" legend="Coût" options={toOptions(FEE_LABELS)} selected={filters.frais} counts={facets.frais} />
      <MoreCriteria filters={filters} facets={facets} />
      <button type="submit" className="button button--primary filter-form__submit">
        Rechercher
      </button>
    </form>
  );
}

/** The criteria folded under « Plus de critères », open when one of them is chosen. */
function MoreCriteria({ filters, facets }: { filters: SearchFilters; facets: Facets }) {
  const advancedCount =
    filters.public.length +
    filters.prise_en_charge.length +
    filters.accompagnement.length +
    filters.acces.length +
    filters.dispositif.length +
    filters.type.length +
    (filters.itinerance ? 1 : 0) +
    (filters.q ? 1 : 0);
  return (
    <details className="filter-more" open={advancedCount > 0}>
      <summary>Plus de critères{advancedCount > 0 ? ` (${advancedCount} choisi${advancedCount > 1 ? 's' : ''})` : ''}</summary>
      <Checkboxes
        name="accompagnement"
        legend="Comment être aidé"
        options={Object.entries(SUPPORT_MODE_PLAIN).map(([value, label]) => ({ value, label }))}
        selected={filters.accompagnement}
        counts={facets.accompagnement}
      />
      <Checkboxes name="acces" legend="Comment y accéder" options={toOptions(ACCESS_MODE_LABELS)} selected={filters.acces} counts={facets.acces} />
      <Checkboxes
        name="prise_en_charge"
        legend="Besoins particuliers"
        options={toOptions(SPECIFIC_SUPPORT_LABELS)}
        selected={filters.prise_en_charge}
        counts={facets.prise_en_charge}
      />
      <Checkboxes name="public" legend="Public accueilli en particulier" options={toOptions(PUBLIC_LABELS)} selected={filters.public} counts={facets.public} />
      <Checkboxes
        name="type"
        legend="Type de lieu"
        options={Object.entries(PLACE_TYPES).map(([value, { label }]) => ({ value, label }))}
        selected={filters.type}
        counts={facets.type}
      />
      <Checkboxes
        name="dispositif"
        legend="Dispositifs nationaux"
        options={toOptions(PROGRAMME_LABELS)}
        selected={filters.dispositif}
        counts={facets.dispositif}
      />
      <fieldset className="filter-group">
        <legend>Lieu fixe ou itinérant</legend>
        {[
          ['', 'Les deux'],
          ['fixe', 'Lieu fixe'],
          ['itinerant', 'Bus ou permanence itinérante'],
        ].map(([value, label]) => (
          <div className="checkbox" key={value || 'both'}>
            <input type="radio" id={`itinerance-${value || 'both'}`} name="itinerance" value={value} defaultChecked={(filters.itinerance ?? '') === value} />
            <label htmlFor={`itinerance-${value || 'both'}`}>{label}</label>
          </div>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="q">Nom du lieu</label>
        <input id="q" name="q" type="search" maxLength={100} defaultValue={filters.q ?? ''} />
      </div>
    </details>
  );
}
