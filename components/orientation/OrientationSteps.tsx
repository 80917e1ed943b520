// The guided mode: four short steps (need, where, when, specific needs), each a plain GET form
// that carries the answers so far in the URL, so it works without JavaScript, the back button
// steps back, and the last step lands on the normal search results. Plain markup (the "where"
// field is enhanced by the public pages' script). In the page's language (`t`, lib/i18n): the
// forms go on to the search in the same language, and the answers' values stay the URL's French ones.
import type { PriseEnChargeSpecifique } from '@prisma/client';
import { LocationField } from '@/components/search/widgets';
import type { MessageKey, Translator } from '@/lib/i18n';
import { DAYS, EMPTY_FILTERS, parseSearchParams, RADIUS, toSearchParams, type SearchFilters } from '@/lib/search/filters';
import { SERVICE_PLAIN } from '@/lib/standard/plain-words';

type Params = Record<string, string | string[] | undefined>;

const STEPS = ['orient.step.need', 'orient.step.place', 'orient.step.when', 'orient.step.specific'] as const;

/** The specific needs said of the person (the standard's order of the search form). */
const SPECIFIC: PriseEnChargeSpecifique[] = [
  'LanguesEtrangeresAnglais',
  'LanguesEtrangeresAutre',
  'Illettrisme',
  'Surdite',
  'DeficienceVisuelle',
  'HandicapsMoteurs',
  'HandicapsMentaux',
];

const STEP_KEYS: Array<Array<keyof SearchFilters>> = [['besoin'], ['ou', 'lat', 'lng', 'rayon'], ['creneau'], ['prise_en_charge', 'frais']];

const HALF_DAYS = { matin: 'orient.morning', apresmidi: 'orient.afternoon' } as const;
const HALF_DAY_SLOTS = { matin: 'orient.slot.morning', apresmidi: 'orient.slot.afternoon' } as const;
const RADII = [5, 10, 20, 30, 50];

/** The weekday's name in the page's language (DAYS are the URL's French values, Monday first; 1 January 2024 was a Monday). */
function dayName(t: Translator, index: number): string {
  return new Intl.DateTimeFormat(t.intl, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1 + index));
}
const capitalized = (text: string) => text[0].toLocaleUpperCase() + text.slice(1);

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

function stepUrl(t: Translator, filters: SearchFilters, step: number) {
  const params = toSearchParams(filters);
  params.set('etape', String(step));
  return t.path(`/orienter?${params}`);
}

export function OrientationSteps({ params, t }: { params: Params; t: Translator }) {
  const { filters } = parseSearchParams(params);
  const raw = Array.isArray(params.etape) ? params.etape[0] : params.etape;
  const step = Math.min(4, Math.max(1, Number(raw) || 1));
  const next = (n: number) => (n <= 4 ? { action: t.path('/orienter'), etape: String(n) } : { action: t.path('/recherche'), etape: null });
  const target = next(step + 1);
  // Skipping a step drops its own answer and keeps the others.
  const skipped: SearchFilters = { ...filters };
  for (const key of STEP_KEYS[step - 1]) (skipped as Record<string, unknown>)[key] = EMPTY_FILTERS[key];
  const skipHref = step < 4 ? stepUrl(t, skipped, step + 1) : t.path(`/recherche?${toSearchParams(skipped)}`);

  return (
    <>
      <ol className="steps" aria-label={t('orient.steps')}>
        {STEPS.map((key, i) => (
          <li
            key={key}
            className={i + 1 === step ? 'steps__current' : i + 1 < step ? 'steps__done' : undefined}
            aria-current={i + 1 === step ? 'step' : undefined}
          >
            {i + 1 < step ? <a href={stepUrl(t, filters, i + 1)}>{t(key)}</a> : t(key)}
          </li>
        ))}
      </ol>
      <form method="get" action={target.action} className="orientation__step">
        {target.etape && <input type="hidden" name="etape" value={target.etape} />}
        {step === 1 && <NeedStep filters={filters} t={t} />}
        {step === 2 && <PlaceStep filters={filters} t={t} />}
        {step === 3 && <AvailabilityStep filters={filters} t={t} />}
        {step === 4 && <SpecificNeedsStep filters={filters} t={t} />}
        <div className="orientation__buttons">
          <button type="submit" className="button button--primary">
            {step < 4 ? t('orient.continue') : t('orient.seePlaces')}
          </button>
          <a href={skipHref} className="button">
            {step < 4 ? t('orient.skip') : t('orient.seeWithout')}
          </a>
        </div>
      </form>
    </>
  );
}

/** The step's legend: « Étape 2 sur 4 » and its question. */
function Legend({ t, step, question }: { t: Translator; step: number; question: MessageKey }) {
  return (
    <legend>
      <span className="steps__count">{t('orient.stepCount', { step, count: 4 })}</span> {t(question)}
    </legend>
  );
}

/** Step 1: what the person needs, in plain words (the search's own words, `service.…`). */
function NeedStep({ filters, t }: { filters: SearchFilters; t: Translator }) {
  return (
    <fieldset>
      <Legend t={t} step={1} question="orient.needQuestion" />
      <Carry filters={filters} except={STEP_KEYS[0]} />
      {Object.keys(SERVICE_PLAIN).map((key) => (
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
            {t(`service.${key}` as MessageKey)}{' '}
            <span className="hint" id={`besoin-${key}-hint`}>
              ({t(`service.${key}.hint` as MessageKey)})
            </span>
          </label>
        </div>
      ))}
    </fieldset>
  );
}

/** Step 2: where the person lives, and how far they can go. */
function PlaceStep({ filters, t }: { filters: SearchFilters; t: Translator }) {
  return (
    <fieldset>
      <Legend t={t} step={2} question="orient.placeQuestion" />
      <Carry filters={filters} except={STEP_KEYS[1]} />
      <LocationField defaultValue={filters.ou ?? ''} t={t} />
      <div className="field">
        <label htmlFor="rayon">{t('orient.distance')}</label>
        <select id="rayon" name="rayon" defaultValue={String(RADII.includes(filters.rayon) ? filters.rayon : RADIUS.default)}>
          {RADII.map((r) => (
            <option key={r} value={r}>
              {t('search.km', { km: r })}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}

/** Step 3: the half-days the person is free, as a grid of checkboxes. */
function AvailabilityStep({ filters, t }: { filters: SearchFilters; t: Translator }) {
  return (
    <fieldset>
      <Legend t={t} step={3} question="orient.whenQuestion" />
      <Carry filters={filters} except={STEP_KEYS[2]} />
      <p className="hint">{t('orient.whenHint')}</p>
      <table className="slots">
        <caption className="visually-hidden">{t('orient.slots')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('orient.day')}</th>
            {Object.values(HALF_DAYS).map((key) => (
              <th scope="col" key={key}>
                {t(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {DAYS.slice(0, 6).map((day, index) => (
            <tr key={day}>
              <th scope="row">{capitalized(dayName(t, index))}</th>
              {(Object.keys(HALF_DAYS) as Array<keyof typeof HALF_DAYS>).map((half) => (
                <td key={half}>
                  <input
                    type="checkbox"
                    name="creneau"
                    value={`${day}-${half}`}
                    aria-label={t(HALF_DAY_SLOTS[half], { day: dayName(t, index) })}
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
function SpecificNeedsStep({ filters, t }: { filters: SearchFilters; t: Translator }) {
  return (
    <fieldset>
      <Legend t={t} step={4} question="orient.specificQuestion" />
      <Carry filters={filters} except={STEP_KEYS[3]} />
      {SPECIFIC.map((key) => (
        <div className="checkbox" key={key}>
          <input type="checkbox" id={`pec-${key}`} name="prise_en_charge" value={key} defaultChecked={filters.prise_en_charge.includes(key)} />
          <label htmlFor={`pec-${key}`}>{t(`orient.specific.${key}`)}</label>
        </div>
      ))}
      <div className="checkbox">
        <input type="checkbox" id="frais-gratuit" name="frais" value="Gratuit" defaultChecked={filters.frais.includes('Gratuit')} />
        <label htmlFor="frais-gratuit">{t('orient.freeOnly')}</label>
      </div>
    </fieldset>
  );
}
