'use client';
import { useActionState } from 'react';

type Field = { field: string; label: string; required?: boolean };

/** The column chooser of a generic CSV import: one list of the file's columns per field of the standard. */
export function ColumnChooser({
  action,
  columns,
  fields,
  initial,
}: {
  action: (state: { error?: string }, form: FormData) => Promise<{ error?: string }>;
  columns: string[];
  fields: Field[];
  initial: Record<string, string>;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="column-chooser">
      {state.error && (
        <p className="notice notice--error" role="alert">
          {state.error}
        </p>
      )}
      {fields.map(({ field, label, required }) => (
        <p key={field}>
          <label htmlFor={`col_${field}`}>
            {label}
            {required ? ' (obligatoire)' : ''}
          </label>
          <select id={`col_${field}`} name={`col_${field}`} defaultValue={initial[field] ?? ''} required={required}>
            <option value="">—</option>
            {columns.map((column) => (
              <option key={column} value={column}>
                {column}
              </option>
            ))}
          </select>
        </p>
      ))}
      <p>
        <label htmlFor="listSeparator">Séparateur des listes (services…) si ce n’est pas « | » ou « ; »</label>
        <input id="listSeparator" name="listSeparator" type="text" maxLength={3} size={3} />
      </p>
      <button type="submit" className="button button--primary" disabled={pending}>
        Vérifier avec ces colonnes
      </button>
    </form>
  );
}
