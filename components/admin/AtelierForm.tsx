'use client';
// The back-office form creating an atelier (a single session or a series). Keeps what was typed
// when the server refuses it, with the reasons in French beside each field.
import { useActionState } from 'react';
import type { AtelierFormState } from '@/lib/ateliers/validate';
import { LEVEL_LABELS, REGISTRATION_LABELS } from '@/lib/ateliers/labels';
import { FEE_LABELS, PUBLIC_LABELS } from '@/lib/standard/enums';
import { SERVICE_PLAIN } from '@/lib/standard/plain-words';
import { CheckboxGroup, TextField } from './fields';

type Props = {
  action: (state: AtelierFormState, form: FormData) => Promise<AtelierFormState>;
  stops: Array<{ id: string; label: string }>;
  initial?: AtelierFormState['values'];
};

const REPETITIONS = { none: 'Une seule séance', weekly: 'Chaque semaine', biweekly: 'Toutes les deux semaines', monthly: 'Chaque mois' };

function Select({ name, label, options, value, error }: { name: string; label: string; options: Record<string, string>; value: unknown; error?: string }) {
  return (
    <div className="field">
      <label htmlFor={`f-${name}`}>{label}</label>
      <select
        id={`f-${name}`}
        name={name}
        defaultValue={typeof value === 'string' ? value : ''}
        aria-invalid={!!error}
        aria-describedby={error ? `f-${name}-error` : undefined}
      >
        {Object.entries(options).map(([key, text]) => (
          <option key={key} value={key}>
            {text}
          </option>
        ))}
      </select>
      {error && (
        <p className="field-error" id={`f-${name}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

export function AtelierForm({ action, stops, initial }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle', values: initial });
  const v = state.values ?? {};
  const e = state.errors ?? {};
  return (
    <form action={formAction} key={JSON.stringify(v)} noValidate className="editor-section">
      {state.status === 'created' && (
        <p className="notice notice--success" role="status">
          Atelier créé : <a href={`/ateliers/${state.slug}`}>voir sa page publique</a>.
        </p>
      )}
      {state.status === 'pending' && (
        <p className="notice notice--success" role="status">
          Atelier proposé : il sera publié quand la coordination du réseau l’aura validé.
        </p>
      )}
      {state.warnings?.map((w) => (
        <p key={w} className="notice notice--warning" role="status">
          {w}
        </p>
      ))}
      {state.status === 'invalid' && (
        <p className="notice notice--error" role="alert">
          {e.form ?? 'Rien n’a été créé : corrigez les champs indiqués.'}
        </p>
      )}
      <TextField name="title" label="Titre" value={v.title} error={e.title} hint="Ex. : Prendre en main son smartphone" />
      <TextField name="summary" label="Description courte" value={v.summary} error={e.summary} multiline />
      <CheckboxGroup
        name="themes"
        legend="Thèmes"
        options={Object.fromEntries(Object.entries(SERVICE_PLAIN).map(([k, p]) => [k, p.label]))}
        value={v.themes}
        error={e.themes}
      />
      <CheckboxGroup name="publics" legend="Public (facultatif)" options={PUBLIC_LABELS} value={v.publics} error={e.publics} />
      <Select name="level" label="Niveau" options={{ '': 'Tous niveaux', ...LEVEL_LABELS }} value={v.level} error={e.level} />
      <Select name="fee" label="Coût" options={FEE_LABELS} value={v.fee} error={e.fee} />
      <TextField name="language" label="Langue (code, ex. : fr)" value={v.language ?? 'fr'} error={e.language} />
      <TextField name="accessibilityNotes" label="Accessibilité (facultatif)" value={v.accessibilityNotes} error={e.accessibilityNotes} />
      {stops.length > 0 && (
        <Select
          name="stopId"
          label="Étape"
          options={{ '': 'Au lieu lui-même', ...Object.fromEntries(stops.map((s) => [s.id, s.label])) }}
          value={v.stopId}
          error={e.stopId}
        />
      )}
      <TextField name="date" label="Date de la première séance" type="date" value={v.date} error={e.date} />
      <TextField name="start" label="Début (heure du lieu)" type="time" value={v.start} error={e.start} />
      <TextField name="end" label="Fin" type="time" value={v.end} error={e.end} />
      <Select name="repetition" label="Répétition" options={REPETITIONS} value={v.repetition} error={e.repetition} />
      <TextField name="until" label="Jusqu’au (inclus, si répétée)" type="date" value={v.until} error={e.until ?? e.rrule} />
      <TextField name="capacity" label="Nombre de places (facultatif)" type="number" value={v.capacity} error={e.capacity} />
      <Select name="registrationMode" label="Inscription" options={REGISTRATION_LABELS} value={v.registrationMode} error={e.registrationMode} />
      <TextField
        name="registrationContact"
        label="Téléphone, adresse ou lien d’inscription (selon le mode)"
        value={v.registrationContact}
        error={e.registrationContact}
      />
      <div className="checkbox">
        <input type="checkbox" id="f-online" name="online" defaultChecked={v.online === 'on'} />
        <label htmlFor="f-online">À distance (en ligne)</label>
      </div>
      <button type="submit" className="button button--primary" disabled={pending}>
        Créer l’atelier
      </button>
    </form>
  );
}
