// The guided mode: four short steps (need, where, when, specific needs), each a plain GET form
// that carries the answers so far in the URL, so it works without JavaScript, the back button
// steps back, and the last step lands on the normal search results. Plain markup (the "where"
// field is enhanced by the public pages' script).
import type { PriseEnChargeSpecifique } from '@prisma/client';
import { LocationField } from '@/components/search/widgets';
import { DAYS, EMPTY_FILTERS, parseSearchParams, RADIUS, toSearchParams, type SearchFilters } from '@/lib/search/filters';
import { SERVICE_PLAIN } from '@/lib/standard/plain-words';

type Params = Record<string, string | string[] | undefined>;

const STEPS = ['Le besoin', 'Le lieu de vie', 'Les disponibilités', 'Les besoins particuliers'] as const;

const SPECIFIC_PLAIN: Record<PriseEnChargeSpecifique, string> = {
  LanguesEtrangeresAnglais: 'Parle anglais (pas ou peu le français)',
  LanguesEtrangeresAutre: 'Parle une autre langue étrangère',
  Illettrisme: 'Difficultés pour lire ou écrire',
  Surdite: 'Personne sourde ou malentendante',
  DeficienceVisuelle: 'Personne aveugle ou malvoyante',
  HandicapsMoteurs: 'Handicap moteur (accès de plain-pied)',
  HandicapsMentaux: 'Handicap mental ou psychique',
};

const STEP_KEYS: Array<Array<keyof SearchFilters>> = [['besoin'], ['ou', 'lat', 'lng', 'rayon'], ['creneau'], ['prise_en_charge', 'frais']];

const HALF_DAY_LABELS = { matin: 'Matin', apresmidi: 'Après-midi' } as const;
const RADII = [5, 10, 20, 30, 50];

/** Hidden inputs for every answer except the ones this step asks. */
function Carry({ filters, except }: { filters: SearchFilters; except: Array<keyof SearchFilters> }) {
  const kept: Partial<SearchFilters> = { ...filters };
  for (const key of except) delete kept[key];
  const params = toSearchParams(kept);
  return (
    <>
      {[...params.entries()].map(([name, value], i) => (
        <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

function stepUrl(filters: SearchFilters, step: number) {
  const params = toSearchParams(filters);
  params.set('etape', String(step));
  return `/orienter?${params}`;
}

export function OrientationSteps({ params }: { params: Params }) {
  const { filters } = parseSearchParams(params);
  const raw = Array.isArray(params.etape) ? params.etape[0] : params.etape;
  const step = Math.min(4, Math.max(1, Number(raw) || 1));
  const next = (n: number) => (n <= 4 ? { action: '/orienter', etape: String(n) } : { action: '/recherche', etape: null });
  const target = next(step + 1);
  // Skipping a step drops its own answer and keeps the others.
  const skipped: SearchFilters = { ...filters };
  for (const key of STEP_KEYS[step - 1]) (skipped as Record<string, unknown>)[key] = EMPTY_FILTERS[key];
  const skipHref = step < 4 ? stepUrl(skipped, step + 1) : `/recherche?${toSearchParams(skipped)}`;

  return (
    <>
      <ol className="steps" aria-label="Étapes">
        {STEPS.map((label, i) => (
          <li
            key={label}
            className={i + 1 === step ? 'steps__current' : i + 1 < step ? 'steps__done' : undefined}
            aria-current={i + 1 === step ? 'step' : undefined}
          >
            {i + 1 < step ? <a href={stepUrl(filters, i + 1)}>{label}</a> : label}
          </li>
        ))}
      </ol>
      <form method="get" action={target.action} className="orientation__step">
        {target.etape && <input type="hidden" name="etape" value={target.etape} />}
        {step === 1 && <NeedStep filters={filters} />}
        {step === 2 && <PlaceStep filters={filters} />}
        {step === 3 && <AvailabilityStep filters={filters} />}
        {step === 4 && <SpecificNeedsStep filters={filters} />}
        <div className="orientation__buttons">
          <button type="submit" className="button button--primary">
            {step < 4 ? 'Continuer' : 'Voir les lieux'}
          </button>
          <a href={skipHref} className="button">
            {step < 4 ? 'Passer cette étape' : 'Voir les lieux sans ce critère'}
          </a>
        </div>
      </form>
    </>
  );
}

/** Step 1: what the person needs, in plain words. */
function NeedStep({ filters }: { filters: SearchFilters }) {
  return (
    <fieldset>
      <legend>
        <span className="steps__count">Étape 1 sur 4</span> De quoi la personne a-t-elle besoin ?
      </legend>
      <Carry filters={filters} except={STEP_KEYS[0]} />
      {Object.entries(SERVICE_PLAIN).map(([key, { label, hint }]) => (
        <div className="checkbox" key={key}>
          <input
            type="checkbox"
            id={`besoin-${key}`}
            name="besoin"
            value={key}
            defaultChecked={filters.besoin.includes(key as never)}
            aria-describedby={`besoin-${key}-hint`}
          />
          <label htmlFor={`besoin-${key}`}>
            {label}{' '}
            <span className="hint" id={`besoin-${key}-hint`}>
              ({hint})
            </span>
          </label>
        </div>
      ))}
    </fieldset>
  );
}

/** Step 2: where the person lives, and how far they can go. */
function PlaceStep({ filters }: { filters: SearchFilters }) {
  return (
    <fieldset>
      <legend>
        <span className="steps__count">Étape 2 sur 4</span> Où la personne habite-t-elle ?
      </legend>
      <Carry filters={filters} except={STEP_KEYS[1]} />
      <LocationField defaultValue={filters.ou ?? ''} />
      <div className="field">
        <label htmlFor="rayon">Jusqu’à quelle distance peut-elle se déplacer ?</label>
        <select id="rayon" name="rayon" defaultValue={String(RADII.includes(filters.rayon) ? filters.rayon : RADIUS.default)}>
          {RADII.map((r) => (
            <option key={r} value={r}>
              {r} km
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}

/** Step 3: the half-days the person is free, as a grid of checkboxes. */
function AvailabilityStep({ filters }: { filters: SearchFilters }) {
  return (
    <fieldset>
      <legend>
        <span className="steps__count">Étape 3 sur 4</span> Quand la personne est-elle disponible ?
      </legend>
      <Carry filters={filters} except={STEP_KEYS[2]} />
      <p className="hint">Cochez les demi-journées possibles : les lieux ouverts à au moins l’une d’elles seront proposés.</p>
      <table className="slots">
        <caption className="visually-hidden">Demi-journées disponibles</caption>
        <thead>
          <tr>
            <th scope="col">Jour</th>
            {Object.values(HALF_DAY_LABELS).map((label) => (
              <th scope="col" key={label}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {DAYS.slice(0, 6).map((day) => (
            <tr key={day}>
              <th scope="row">{day[0].toUpperCase() + day.slice(1)}</th>
              {(Object.keys(HALF_DAY_LABELS) as Array<keyof typeof HALF_DAY_LABELS>).map((half) => (
                <td key={half}>
                  <input
                    type="checkbox"
                    name="creneau"
                    value={`${day}-${half}`}
                    aria-label={`${day} ${HALF_DAY_LABELS[half].toLowerCase()}`}
                    defaultChecked={filters.creneau.some((s) => s.day === day && s.halfDay === half)}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}

/** Step 4: specific needs, and whether only free places will do. */
function SpecificNeedsStep({ filters }: { filters: SearchFilters }) {
  return (
    <fieldset>
      <legend>
        <span className="steps__count">Étape 4 sur 4</span> La personne a-t-elle des besoins particuliers ?
      </legend>
      <Carry filters={filters} except={STEP_KEYS[3]} />
      {Object.entries(SPECIFIC_PLAIN).map(([key, label]) => (
        <div className="checkbox" key={key}>
          <input
            type="checkbox"
            id={`pec-${key}`}
            name="prise_en_charge"
            value={key}
            defaultChecked={filters.prise_en_charge.includes(key as PriseEnChargeSpecifique)}
          />
          <label htmlFor={`pec-${key}`}>{label}</label>
        </div>
      ))}
      <div className="checkbox">
        <input type="checkbox" id="frais-gratuit" name="frais" value="Gratuit" defaultChecked={filters.frais.includes('Gratuit')} />
        <label htmlFor="frais-gratuit">Uniquement les lieux gratuits</label>
      </div>
    </fieldset>
  );
}
