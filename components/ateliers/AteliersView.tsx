// /ateliers: the filter form (a plain GET form, works without JavaScript; the site's script only
// adds suggestions to the "where" field) and the coming sessions, in the language of `t`. What
// the address could not be read as (`problems`, lib/ateliers/filters) is said in French, marked so.
import type { AtelierFilters } from '@/lib/ateliers/filters';
import { atelierQuery } from '@/lib/ateliers/filters';
import type { SessionSearch } from '@/lib/ateliers/search';
import { translator, type MessageKey, type Translator } from '@/lib/i18n';
import { listLabel } from '@/lib/i18n/words';
import { SERVICE_PLAIN } from '@/lib/standard/plain-words';
import { SessionCard } from './SessionCard';

/** The choices of « Quand ? », shared with the network agenda (EmbedAgenda). */
export const WHEN_CHOICES: Array<[string, MessageKey]> = [
  ['', 'ateliers.whenAny'],
  ['semaine', 'ateliers.whenWeek'],
  ['weekend', 'ateliers.whenWeekend'],
];

function WhenField({ filters, t }: { filters: AtelierFilters; t: Translator }) {
  const current = filters.quand?.kind === 'date' ? 'date' : (filters.quand?.kind ?? '');
  return (
    <fieldset className="filter-group">
      <legend>{t('search.when')}</legend>
      {WHEN_CHOICES.map(([value, label]) => (
        <div className="checkbox" key={value || 'any'}>
          <input type="radio" id={`quand-${value || 'any'}`} name="quand" value={value} defaultChecked={current === value} />
          <label htmlFor={`quand-${value || 'any'}`}>{t(label)}</label>
        </div>
      ))}
      <div className="field">
        <label htmlFor="quand-date">{t('ateliers.whenDate')}</label>
        <input type="date" id="quand-date" name="quand" defaultValue={filters.quand?.kind === 'date' ? filters.quand.date! : ''} />
      </div>
    </fieldset>
  );
}

function FilterForm({ filters, t }: { filters: AtelierFilters; t: Translator }) {
  return (
    <form action={t.path('/ateliers')} method="get" className="filter-form" role="search" aria-label={t('ateliers.form')}>
      <div className="field location-field" data-location-field="">
        <label htmlFor="ou">{t('search.where')}</label>
        <input
          id="ou"
          name="ou"
          type="text"
          list="ou-suggestions"
          autoComplete="off"
          defaultValue={filters.ou ?? ''}
          placeholder={t('ateliers.wherePlaceholder')}
        />
        <datalist id="ou-suggestions" />
      </div>
      <div className="field">
        <label htmlFor="rayon">{t('search.radius')}</label>
        <select id="rayon" name="rayon" defaultValue={String(filters.rayon)}>
          {[5, 10, 20, 30, 50, 100].map((km) => (
            <option key={km} value={km}>
              {t('search.km', { km })}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="q">{t('ateliers.keyword')}</label>
        <input id="q" name="q" type="search" maxLength={100} defaultValue={filters.q ?? ''} />
      </div>
      <fieldset className="filter-group">
        <legend>{t('ateliers.themes')}</legend>
        {Object.keys(SERVICE_PLAIN).map((value) => (
          <div className="checkbox" key={value}>
            <input type="checkbox" id={`theme-${value}`} name="theme" value={value} defaultChecked={filters.themes.includes(value as never)} />
            <label htmlFor={`theme-${value}`}>{listLabel(t, 'service', value)}</label>
          </div>
        ))}
      </fieldset>
      <WhenField filters={filters} t={t} />
      <fieldset className="filter-group">
        <legend>{t('ateliers.other')}</legend>
        <div className="checkbox">
          <input type="checkbox" id="gratuit" name="gratuit" value="1" defaultChecked={filters.gratuit} />
          <label htmlFor="gratuit">{t('ateliers.freeOnly')}</label>
        </div>
        <div className="checkbox">
          <input type="checkbox" id="enligne" name="enligne" value="1" defaultChecked={filters.enLigne} />
          <label htmlFor="enligne">{t('ateliers.onlineOnly')}</label>
        </div>
      </fieldset>
      {filters.lieu && <input type="hidden" name="lieu" value={filters.lieu} />}
      {filters.reseau && <input type="hidden" name="reseau" value={filters.reseau} />}
      <button type="submit" className="button button--primary filter-form__submit">
        {t('ateliers.submit')}
      </button>
    </form>
  );
}

export function AteliersView({ filters, result, t = translator() }: { filters: AtelierFilters; result: SessionSearch; t?: Translator }) {
  const count = result.sessions.length;
  const fr = t.locale === 'fr' ? undefined : 'fr';
  return (
    <div className="container search-layout">
      <h1>{t('ateliers.heading')}</h1>
      <p>{t('ateliers.intro')}</p>
      <div className="search-layout__form">
        <FilterForm filters={filters} t={t} />
      </div>
      <section className="search-layout__results" aria-labelledby="resultats">
        <h2 id="resultats" className="results-count">
          {count === 0 ? t('ateliers.countNone') : count === result.limit ? t('ateliers.countFirst', { count }) : t('ateliers.count', { count })}
          {result.origin ? ` ${t('ateliers.within', { km: filters.rayon, place: result.origin.label })}` : ''}
        </h2>
        {result.problems.map((p) => (
          <p key={p} className="notice notice--warning" lang={fr}>
            {p}
          </p>
        ))}
        {count === 0 && <p className="empty-state">{t('ateliers.emptyHint')}</p>}
        <div className="result-list">
          {result.sessions.map((s) => (
            <SessionCard key={s.session_id} session={s} t={t} />
          ))}
        </div>
        <p>
          <a href={`/ateliers.ics${atelierQuery(filters, { quand: null, q: null })}`}>{t('ateliers.subscribeThese')}</a>
        </p>
      </section>
    </div>
  );
}
