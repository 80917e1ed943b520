'use client';
// Field widgets of the place editor, each with its label, error and kept value.
import { useState } from 'react';
import { HoursGrid } from '@/components/hours/HoursGrid';
import { emptyGrid, gridToOsm } from '@/lib/hours/editor';
import { formGrid, gridFormValues, readGridForm } from '@/lib/hours/grid-form';

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

/** The shared week grid (components/hours/HoursGrid.tsx) writing the OSM field live; the raw field stays editable for the cases the grid cannot say. */
export function HoursEditor({ value, error }: { value: unknown; error?: string }) {
  const initial = typeof value === 'string' ? value : '';
  const [raw, setRaw] = useState(initial);
  const [values, setValues] = useState<Record<string, string> | null>(() => gridValuesOf(initial));
  const [gridErrors, setGridErrors] = useState<Record<string, string>>({});
  const change = (name: string, next: string) => {
    const all = { ...(values ?? {}), [name]: next };
    setValues(all);
    const reading = readGridForm((field) => all[field] ?? '');
    setGridErrors(reading.errors);
    if (!Object.keys(reading.errors).length) setRaw(gridToOsm(reading.grid) ?? '');
  };
  return (
    <div className="hours-editor">
      {values ? (
        <HoursGrid values={values} errors={gridErrors} onChange={change} />
      ) : (
        <p className="notice">Ces horaires utilisent une syntaxe avancée : modifiez-les dans le champ ci-dessous.</p>
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
            setValues(gridValuesOf(e.target.value) ?? values ?? gridFormValues(emptyGrid()));
            setGridErrors({});
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

/** The grid's form values of an OSM value, or null when the grid cannot show it. */
function gridValuesOf(value: string): Record<string, string> | null {
  const grid = formGrid(value);
  return grid ? gridFormValues(grid) : null;
}
