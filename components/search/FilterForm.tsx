// The search form: a plain GET form (works without JavaScript), the whole state in the URL.
import type { Facets } from '@/lib/search';
import type { SearchFilters } from '@/lib/search/filters';
import { translator, type MessageKey, type Translator } from '@/lib/i18n';
import { listLabel } from '@/lib/i18n/words';
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

type Family = Parameters<typeof listLabel>[1];

/** One of the standard's lists as options, in the visitor's language. */
const toOptions = (t: Translator, family: Family, labels: Record<string, unknown>): Option[] =>
  Object.keys(labels).map((value) => ({ value, label: listLabel(t, family, value) }));

/** `location` is the "where" field: a client component on App Router pages, plain markup the
 * public pages' script enhances elsewhere (see SearchWidgets). */
export function FilterForm({
  filters,
  facets,
  action = '/recherche',
  location,
  t = translator(),
}: {
  filters: SearchFilters;
  facets: Facets;
  action?: string;
  location: ReactNode;
  t?: Translator;
}) {
  return (
    <form action={action} method="get" className="filter-form" role="search" aria-label={t('search.form')}>
      {location}
      {filters.lat !== null && filters.lng !== null && (
        <>
          <input type="hidden" name="lat" value={filters.lat} />
          <input type="hidden" name="lng" value={filters.lng} />
        </>
      )}
      {filters.reseau && <input type="hidden" name="reseau" value={filters.reseau} />}
      <div className="field">
        <label htmlFor="rayon">{t('search.radius')}</label>
        <select id="rayon" name="rayon" defaultValue={String(filters.rayon)}>
          {[2, 5, 10, 20, 30, 50, 100].map((km) => (
            <option key={km} value={km}>
              {t('search.km', { km })}
            </option>
          ))}
          {![2, 5, 10, 20, 30, 50, 100].includes(filters.rayon) && <option value={filters.rayon}>{t('search.km', { km: filters.rayon })}</option>}
        </select>
      </div>
      <Checkboxes
        name="besoin"
        legend={t('search.needs')}
        options={Object.keys(SERVICE_PLAIN).map((value) => ({
          value,
          label: listLabel(t, 'service', value),
          hint: t(`service.${value}.hint` as MessageKey),
        }))}
        selected={filters.besoin}
        counts={facets.besoin}
      />
      <fieldset className="filter-group">
        <legend>{t('search.when')}</legend>
        {[
          ['', t('search.whenAny')],
          ['maintenant', t('search.whenNow')],
          ['samedi', t('search.whenSaturday')],
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
      <AteliersFilter checked={filters.ateliers} t={t} />
      <Checkboxes name="frais" legend={t('search.fees')} options={toOptions(t, 'fee', FEE_LABELS)} selected={filters.frais} counts={facets.frais} />
      <MoreCriteria filters={filters} facets={facets} t={t} />
      <button type="submit" className="button button--primary filter-form__submit">
        {t('search.submit')}
      </button>
    </form>
  );
}

/** The criteria folded under « Plus de critères », open when one of them is chosen. */
function MoreCriteria({ filters, facets, t }: { filters: SearchFilters; facets: Facets; t: Translator }) {
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
      <summary>{advancedCount > 0 ? t('search.moreChosen', { count: advancedCount }) : t('search.more')}</summary>
      <Checkboxes
        name="accompagnement"
        legend={t('search.supportModes')}
        options={toOptions(t, 'supportMode', SUPPORT_MODE_PLAIN)}
        selected={filters.accompagnement}
        counts={facets.accompagnement}
      />
      <Checkboxes
        name="acces"
        legend={t('search.accessModes')}
        options={toOptions(t, 'access', ACCESS_MODE_LABELS)}
        selected={filters.acces}
        counts={facets.acces}
      />
      <Checkboxes
        name="prise_en_charge"
        legend={t('search.specificSupport')}
        options={toOptions(t, 'specific', SPECIFIC_SUPPORT_LABELS)}
        selected={filters.prise_en_charge}
        counts={facets.prise_en_charge}
      />
      <Checkboxes name="public" legend={t('search.publics')} options={toOptions(t, 'public', PUBLIC_LABELS)} selected={filters.public} counts={facets.public} />
      <Checkboxes
        name="type"
        legend={t('search.types')}
        options={Object.keys(PLACE_TYPES).map((value) => ({ value, label: t(`placeType.${value}` as MessageKey) }))}
        selected={filters.type}
        counts={facets.type}
      />
      <Checkboxes
        name="dispositif"
        legend={t('search.programmes')}
        options={toOptions(t, 'programme', PROGRAMME_LABELS)}
        selected={filters.dispositif}
        counts={facets.dispositif}
      />
      <fieldset className="filter-group">
        <legend>{t('search.mobility')}</legend>
        {[
          ['', t('search.mobilityBoth')],
          ['fixe', t('search.mobilityFixed')],
          ['itinerant', t('search.mobilityMobile')],
        ].map(([value, label]) => (
          <div className="checkbox" key={value || 'both'}>
            <input type="radio" id={`itinerance-${value || 'both'}`} name="itinerance" value={value} defaultChecked={(filters.itinerance ?? '') === value} />
            <label htmlFor={`itinerance-${value || 'both'}`}>{label}</label>
          </div>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="q">{t('search.name')}</label>
        <input id="q" name="q" type="search" maxLength={100} defaultValue={filters.q ?? ''} />
      </div>
    </details>
  );
}
