// /ateliers: the filter form (a plain GET form, works without JavaScript; the site's script only
// adds suggestions to the "where" field) and the coming sessions.
import type { AtelierFilters } from '@/lib/ateliers/filters';
import { atelierQuery } from '@/lib/ateliers/filters';
import type { SessionSearch } from '@/lib/ateliers/search';
import { SERVICE_PLAIN } from '@/lib/standard/plain-words';
import { SessionCard } from './SessionCard';

const WHEN: Array<[string, string]> = [
  ['', 'Toutes les dates'],
  ['semaine', 'Cette semaine'],
  ['weekend', 'Ce week-end'],
];

function WhenField({ filters }: { filters: AtelierFilters }) {
  const current = filters.quand?.kind === 'date' ? 'date' : (filters.quand?.kind ?? '');
  return (
    <fieldset className="filter-group">
      <legend>Quand ?</legend>
      {WHEN.map(([value, label]) => (
        <div className="checkbox" key={value || 'any'}>
          <input type="radio" id={`quand-${value || 'any'}`} name="quand" value={value} defaultChecked={current === value} />
          <label htmlFor={`quand-${value || 'any'}`}>{label}</label>
        </div>
      ))}
      <div className="field">
        <label htmlFor="quand-date">Ou un jour précis</label>
        <input type="date" id="quand-date" name="quand" defaultValue={filters.quand?.kind === 'date' ? filters.quand.date! : ''} />
      </div>
    </fieldset>
  );
}

function FilterForm({ filters }: { filters: AtelierFilters }) {
  return (
    <form action="/ateliers" method="get" className="filter-form" role="search" aria-label="Chercher un atelier">
      <div className="field location-field" data-location-field="">
        <label htmlFor="ou">Où ? Ville, code postal ou adresse</label>
        <input id="ou" name="ou" type="text" list="ou-suggestions" autoComplete="off" defaultValue={filters.ou ?? ''} placeholder="Ex. : Cholet, 49300" />
        <datalist id="ou-suggestions" />
      </div>
      <div className="field">
        <label htmlFor="rayon">Distance maximale</label>
        <select id="rayon" name="rayon" defaultValue={String(filters.rayon)}>
          {[5, 10, 20, 30, 50, 100].map((km) => (
            <option key={km} value={km}>
              {km} km
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="q">Mot-clé (ex. : smartphone)</label>
        <input id="q" name="q" type="search" maxLength={100} defaultValue={filters.q ?? ''} />
      </div>
      <fieldset className="filter-group">
        <legend>Thèmes</legend>
        {Object.entries(SERVICE_PLAIN).map(([value, { label }]) => (
          <div className="checkbox" key={value}>
            <input type="checkbox" id={`theme-${value}`} name="theme" value={value} defaultChecked={filters.themes.includes(value as never)} />
            <label htmlFor={`theme-${value}`}>{label}</label>
          </div>
        ))}
      </fieldset>
      <WhenField filters={filters} />
      <fieldset className="filter-group">
        <legend>Autres critères</legend>
        <div className="checkbox">
          <input type="checkbox" id="gratuit" name="gratuit" value="1" defaultChecked={filters.gratuit} />
          <label htmlFor="gratuit">Gratuit seulement</label>
        </div>
        <div className="checkbox">
          <input type="checkbox" id="enligne" name="enligne" value="1" defaultChecked={filters.enLigne} />
          <label htmlFor="enligne">En ligne (à distance)</label>
        </div>
      </fieldset>
      {filters.lieu && <input type="hidden" name="lieu" value={filters.lieu} />}
      {filters.reseau && <input type="hidden" name="reseau" value={filters.reseau} />}
      <button type="submit" className="button button--primary filter-form__submit">
        Chercher
      </button>
    </form>
  );
}

export function AteliersView({ filters, result }: { filters: AtelierFilters; result: SessionSearch }) {
  const count = result.sessions.length;
  return (
    <div className="container search-layout">
      <h1>Ateliers près de chez vous</h1>
      <p>Des séances pour apprendre le numérique en groupe : smartphone, démarches en ligne, sécurité… souvent gratuites.</p>
      <div className="search-layout__form">
        <FilterForm filters={filters} />
      </div>
      <section className="search-layout__results" aria-labelledby="resultats">
        <h2 id="resultats" className="results-count">
          {count === 0 ? 'Aucune séance trouvée' : `${count}${count === result.limit ? ' premières' : ''} séance${count > 1 ? 's' : ''}`}
          {result.origin ? ` à moins de ${filters.rayon} km de ${result.origin.label}` : ''}
        </h2>
        {result.problems.map((p) => (
          <p key={p} className="notice notice--warning">
            {p}
          </p>
        ))}
        {count === 0 && <p className="empty-state">Essayez une distance plus grande, d’autres dates ou moins de critères.</p>}
        <div className="result-list">
          {result.sessions.map((s) => (
            <SessionCard key={s.session_id} session={s} />
          ))}
        </div>
        <p>
          <a href={`/ateliers.ics${atelierQuery(filters, { quand: null, q: null })}`}>S’abonner à ces ateliers dans son agenda (iCalendar)</a>
        </p>
      </section>
    </div>
  );
}
