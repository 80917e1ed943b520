'use client';
// The listing's contact proposes corrections (without an account): checked on the server with the
// place editor's rules; the coordinator reviews them before they are published.
import { useActionState } from 'react';
import type { CorrectionState } from '@/lib/campaigns';

type Props = {
  action: (state: CorrectionState, form: FormData) => Promise<CorrectionState>;
  current: { phone: string; emails: string; websites: string; appointmentUrl: string; openingHours: string };
};

function Field({
  name,
  label,
  hint,
  value,
  error,
  multiline,
}: {
  name: string;
  label: string;
  hint?: string;
  value: string;
  error?: string;
  multiline?: boolean;
}) {
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(' ') || undefined;
  const common = { id: `correction-${name}`, name, defaultValue: value, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy } as const;
  return (
    <div className="field">
      <label htmlFor={`correction-${name}`}>{label}</label>
      {hint && (
        <span className="hint" id={`${name}-hint`}>
          {hint}
        </span>
      )}
      {multiline ? <textarea {...common} rows={3} /> : <input {...common} type="text" />}
      {error && (
        <p className="field-error" id={`${name}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

export function CorrectionForm({ action, current }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const values = { ...current, message: '', ...state.values };
  const errors = state.errors ?? {};
  return (
    <form action={formAction} noValidate>
      {state.message && (
        <div className="notice notice--error" role="alert">
          {errors.form ?? state.message}
        </div>
      )}
      <Field name="phone" label="Téléphone" hint="Exemple : 02 41 00 00 00" value={values.phone} error={errors.phone} />
      <Field name="emails" label="Adresses électroniques (une par ligne)" value={values.emails} error={errors.emails} multiline />
      <Field
        name="websites"
        label="Sites web (un par ligne)"
        hint="Chaque adresse commence par https://"
        value={values.websites}
        error={errors.websites}
        multiline
      />
      <Field name="appointmentUrl" label="Lien de prise de rendez-vous" value={values.appointmentUrl} error={errors.appointmentUrl} />
      <Field
        name="openingHours"
        label="Horaires"
        hint="Format OpenStreetMap, exemple : Mo-Fr 09:00-12:00,14:00-17:00; Sa 10:00-12:00"
        value={values.openingHours}
        error={errors.openingHours}
      />
      <Field name="message" label="Autre chose à corriger (adresse, services, présentation…)" value={values.message} multiline />
      <button type="submit" className="button button--primary" disabled={pending}>
        Envoyer mes corrections
      </button>
    </form>
  );
}
