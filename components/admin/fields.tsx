'use client';
// Field widgets of the place editor, each with its label, error and kept value.
import { useState } from 'react';
import { emptyGrid, GRID_DAYS, gridToOsm, osmToGrid, type HoursGrid } from '@/lib/hours/editor';

type FieldProps = { name: string; label: string; value: unknown; error?: string; hint?: string };

export function TextField({ name, label, value, error, hint, type = 'text', multiline = false }: FieldProps & { type?: string; multiline?: boolean }) {
  const id = `f-${name}`;
  const common = {
    id,
    name,
    'aria-invalid': !!error,
    'aria-describedby': error ? `${id}-error` : hint ? `${id}-hint` : undefined,
    defaultValue: value === null || value === undefined ? '' : Array.isArray(value) ? value.join('\n') : String(value),
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {multiline ? <textarea {...common} /> : <input type={type} {...common} />}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

export function CheckboxGroup({
  name,
  legend,
  options,
  value,
  error,
}: {
  name: string;
  legend: string;
  options: Record<string, string>;
  value: unknown;
  error?: string;
}) {
  const selected = Array.isArray(value) ? (value as string[]) : [];
  return (
    <fieldset className="filter-group">
      <legend>{legend}</legend>
      {Object.entries(options).map(([key, label]) => (
        <div className="checkbox" key={key}>
          <input type="checkbox" id={`f-${name}-${key}`} name={name} value={key} defaultChecked={selected.includes(key)} />
          <label htmlFor={`f-${name}-${key}`}>{label}</label>
        </div>
      ))}
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}

const DAY_NAMES: Record<(typeof GRID_DAYS)[number], string> = {
  Mo: 'Lundi',
  Tu: 'Mardi',
  We: 'Mercredi',
  Th: 'Jeudi',
  Fr: 'Vendredi',
  Sa: 'Samedi',
  Su: 'Dimanche',
};

/** Days × time ranges, holidays and a comment, written into the OSM field; the raw field stays editable. */
export function HoursEditor({ value, error }: { value: unknown; error?: string }) {
  const initial = typeof value === 'string' ? value : '';
  const [raw, setRaw] = useState(initial);
  const [grid, setGrid] = useState<HoursGrid | null>(() => osmToGrid(initial));
  const update = (next: HoursGrid) => {
    setGrid(next);
    setRaw(gridToOsm(next) ?? '');
  };
  const setRange = (day: (typeof GRID_DAYS)[number], index: number, part: 0 | 1, time: string) => {
    if (!grid) return;
    const ranges = [...grid.days[day]];
    while (ranges.length <= index) ranges.push(['', '']);
    const range: [string, string] = [...ranges[index]] as [string, string];
    range[part] = time;
    ranges[index] = range;
    update({ ...grid, days: { ...grid.days, [day]: ranges.filter(([a, b], i) => i <= index || a || b) } });
  };
  return (
    <div className="hours-editor">
      {grid ? (
        <HoursTable grid={grid} setRange={setRange} />
      ) : (
        <p className="notice">Ces horaires utilisent une syntaxe avancée : modifiez-les dans le champ ci-dessous.</p>
      )}
      {grid && (
        <>
          <div className="checkbox">
            <input type="checkbox" id="h-ph" checked={grid.closedOnHolidays} onChange={(e) => update({ ...grid, closedOnHolidays: e.target.checked })} />
            <label htmlFor="h-ph">Fermé les jours fériés</label>
          </div>
          <div className="field">
            <label htmlFor="h-comment">Commentaire (exemple : sur rendez-vous)</label>
            <input id="h-comment" type="text" maxLength={100} value={grid.comment} onChange={(e) => update({ ...grid, comment: e.target.value })} />
          </div>
        </>
      )}
      <div className="field">
        <label htmlFor="f-openingHours">Horaires au format OpenStreetMap</label>
        <span className="hint">Rempli par le tableau ; modifiable directement pour les cas particuliers.</span>
        <input
          id="f-openingHours"
          name="openingHours"
          type="text"
          value={raw}
          aria-invalid={!!error}
          aria-describedby={error ? 'f-openingHours-error' : undefined}
          onChange={(e) => {
            setRaw(e.target.value);
            setGrid(osmToGrid(e.target.value) ?? grid ?? emptyGrid());
          }}
        />
        {error && (
          <p className="field-error" id="f-openingHours-error">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}

/** The week's grid: two time ranges a day. */
function HoursTable({ grid, setRange }: { grid: HoursGrid; setRange: (day: (typeof GRID_DAYS)[number], index: number, part: 0 | 1, time: string) => void }) {
  return (
    <table>
      <caption>Horaires d’ouverture (laissez vide un jour fermé)</caption>
      <thead>
        <tr>
          <th scope="col">Jour</th>
          <th scope="col">Matin ou journée</th>
          <th scope="col">Après-midi</th>
        </tr>
      </thead>
      <tbody>
        {GRID_DAYS.map((day) => (
          <tr key={day}>
            <th scope="row">{DAY_NAMES[day]}</th>
            {[0, 1].map((index) => (
              <td key={index}>
                <label className="visually-hidden" htmlFor={`h-${day}-${index}-a`}>{`${DAY_NAMES[day]}, plage ${index + 1}, début`}</label>
                <input
                  id={`h-${day}-${index}-a`}
                  type="time"
                  value={grid.days[day][index]?.[0] ?? ''}
                  onChange={(e) => setRange(day, index, 0, e.target.value)}
                />
                {' à '}
                <label className="visually-hidden" htmlFor={`h-${day}-${index}-b`}>{`${DAY_NAMES[day]}, plage ${index + 1}, fin`}</label>
                <input
                  id={`h-${day}-${index}-b`}
                  type="time"
                  value={grid.days[day][index]?.[1] ?? ''}
                  onChange={(e) => setRange(day, index, 1, e.target.value)}
                />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
