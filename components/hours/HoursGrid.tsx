// The week's hours grid, shared by the back-office editor (components/admin/fields.tsx, which
// passes onChange and writes the OSM value live) and the campaign page (a plain form: works
// without JavaScript, read back on the server by lib/hours/grid-form.ts). Days × two time ranges,
// then the special cases as plain options: public holidays, summer closing, a short precision.
import { GRID_COMMENT, GRID_DAY_NAMES, GRID_DAYS, GRID_HOLIDAYS, GRID_RANGES, GRID_SUMMER, gridField, SUMMER_OFF } from '@/lib/hours/grid-fields';

type Props = {
  /** The form's values of the grid (lib/hours/grid-form.ts gridFormValues, or what was typed). */
  values: Record<string, string | string[] | undefined>;
  /** Per-day errors ("h-Tu") and the options' ("h-ete"). */
  errors?: Record<string, string>;
  /** Given: the inputs are controlled (the back-office); absent: a plain form. */
  onChange?: (name: string, value: string) => void;
};

const RANGE_NAMES = ['Matin ou journée', 'Après-midi', 'Soir'];

type Bind = (name: string) => { value: string; onChange: (e: { target: { value: string } }) => void } | { defaultValue: string };

export function HoursGrid({ values, errors = {}, onChange }: Props) {
  const text = (name: string) => {
    const v = values[name];
    return typeof v === 'string' ? v : '';
  };
  const bind = (name: string, value = text(name)) =>
    onChange ? { value, onChange: (e: { target: { value: string } }) => onChange(name, e.target.value) } : { defaultValue: value };
  const dayErrors = GRID_DAYS.filter((day) => errors[`h-${day}`]);
  return (
    <div className="hours-grid">
      <table>
        <caption>Horaires d’ouverture de la semaine (laissez vide un jour fermé)</caption>
        <thead>
          <tr>
            <th scope="col">Jour</th>
            {RANGE_NAMES.slice(0, GRID_RANGES).map((name) => (
              <th scope="col" key={name}>
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {GRID_DAYS.map((day) => (
            <tr key={day} className={errors[`h-${day}`] ? 'hours-grid__row--error' : undefined}>
              <th scope="row">{GRID_DAY_NAMES[day]}</th>
              {Array.from({ length: GRID_RANGES }, (_, index) => (
                <td key={index}>
                  {([0, 1] as const).map((part) => {
                    const name = gridField(day, index, part);
                    return (
                      <span key={part}>
                        {part === 1 && ' à '}
                        <label
                          className="visually-hidden"
                          htmlFor={name}
                        >{`${GRID_DAY_NAMES[day]}, plage ${index + 1}, ${part === 0 ? 'début' : 'fin'}`}</label>
                        <input
                          id={name}
                          name={name}
                          type="time"
                          aria-invalid={errors[`h-${day}`] ? true : undefined}
                          aria-describedby={errors[`h-${day}`] ? `h-${day}-error` : undefined}
                          {...bind(name)}
                        />
                      </span>
                    );
                  })}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {dayErrors.map((day) => (
        <p key={day} className="field-error" id={`h-${day}-error`}>
          {errors[`h-${day}`]}
        </p>
      ))}
      <GridOptions text={text} bind={bind} errors={errors} onChange={onChange} />
    </div>
  );
}

/** The special cases as plain options: public holidays, summer closing, a short precision. */
function GridOptions({
  text,
  bind,
  errors,
  onChange,
}: {
  text: (name: string) => string;
  bind: Bind;
  errors: Record<string, string>;
  onChange?: (name: string, value: string) => void;
}) {
  return (
    <>
      <fieldset className="field">
        <legend>Les jours fériés</legend>
        {[
          ['', 'Mêmes horaires que les autres jours'],
          ['oui', 'Fermé les jours fériés'],
        ].map(([value, label]) => (
          <div className="checkbox" key={value || 'non'}>
            <input
              type="radio"
              id={`${GRID_HOLIDAYS}-${value || 'non'}`}
              name={GRID_HOLIDAYS}
              value={value}
              {...(onChange
                ? { checked: text(GRID_HOLIDAYS) === value, onChange: () => onChange(GRID_HOLIDAYS, value) }
                : { defaultChecked: text(GRID_HOLIDAYS) === value })}
            />
            <label htmlFor={`${GRID_HOLIDAYS}-${value || 'non'}`}>{label}</label>
          </div>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={GRID_SUMMER}>L’été</label>
        <select id={GRID_SUMMER} name={GRID_SUMMER} aria-describedby={errors[GRID_SUMMER] ? `${GRID_SUMMER}-error` : undefined} {...bind(GRID_SUMMER)}>
          <option value="">Mêmes horaires toute l’année</option>
          {Object.entries(SUMMER_OFF).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        {errors[GRID_SUMMER] && (
          <p className="field-error" id={`${GRID_SUMMER}-error`}>
            {errors[GRID_SUMMER]}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={GRID_COMMENT}>Précision (facultatif, exemple : sur rendez-vous l’après-midi)</label>
        <input id={GRID_COMMENT} name={GRID_COMMENT} type="text" maxLength={100} {...bind(GRID_COMMENT)} />
      </div>
    </>
  );
}
