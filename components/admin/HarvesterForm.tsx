'use client';
// Registering a harvester (/admin/moissonneurs): its secret is shown once, right after.
import { useActionState } from 'react';
import type { HarvesterState } from '@/lib/harvesters/store';

type Props = { action: (state: HarvesterState, form: FormData) => Promise<HarvesterState> };

const FIELDS = [
  { name: 'name', label: 'Nom du moissonneur', type: 'text', hint: 'Par exemple « Carte nationale des lieux ».' },
  { name: 'url', label: 'Adresse qui reçoit les changements', type: 'url', hint: 'https://… ; chaque envoi est un POST JSON signé.' },
  { name: 'contactEmail', label: 'Courriel du contact technique', type: 'email', hint: 'Prévenu si les envois échouent pendant 24 heures.' },
] as const;

export function HarvesterForm({ action }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' });
  return (
    <form action={formAction} className="invite-form" noValidate>
      {state.message && (
        <p className={`notice ${state.status === 'error' ? 'notice--error' : 'notice--success'}`} role={state.status === 'error' ? 'alert' : 'status'}>
          {state.message}
        </p>
      )}
      {state.secret && (
        <div className="field">
          <label htmlFor="harvester-secret">Secret de signature (affiché une seule fois)</label>
          <input id="harvester-secret" readOnly value={state.secret} className="mono" />
        </div>
      )}
      {FIELDS.map((field) => {
        const error = state.errors?.[field.name];
        return (
          <div className="field" key={`${field.name}-${state.status}`}>
            <label htmlFor={`harvester-${field.name}`}>{field.label}</label>
            <span className="hint" id={`harvester-${field.name}-hint`}>
              {field.hint}
            </span>
            {error && (
              <span className="field-error" id={`harvester-${field.name}-error`}>
                {error}
              </span>
            )}
            <input
              id={`harvester-${field.name}`}
              name={field.name}
              type={field.type}
              required
              defaultValue={state.status === 'error' ? (state.values?.[field.name] ?? '') : ''}
              aria-invalid={error ? true : undefined}
              aria-describedby={`harvester-${field.name}-hint${error ? ` harvester-${field.name}-error` : ''}`}
            />
          </div>
        );
      })}
      <button type="submit" className="button" disabled={pending}>
        Enregistrer le moissonneur
      </button>
    </form>
  );
}
