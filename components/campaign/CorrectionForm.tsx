'use client';
// The listing's contact proposes corrections (without an account), in their own words: the phone
// as they give it, the week in the same hours grid as the back-office editor, the services,
// publics and access modes as the search's checkboxes. A plain form (it works without
// JavaScript); checked on the server (lib/campaigns/correction.ts), which answers with what was
// typed and a French message per field; the coordinator reviews before anything is published.
import { useActionState } from 'react';
import { HoursGrid } from '@/components/hours/HoursGrid';
import type { CorrectionState } from '@/lib/campaigns/responses';
import type { CorrectionView } from '@/lib/campaigns/view';
import { EMPTY_WEEK, EMPTY_WEEK_ANSWERS, LISTS_SHOWN } from '@/lib/campaigns/correction-fields';

type Props = {
  action: (state: CorrectionState, form: FormData) => Promise<CorrectionState>;
  current: CorrectionView['form'];
};

type Values = CorrectionView['form']['values'];
const str = (values: Values, name: string) => {
  const v = values[name];
  return typeof v === 'string' ? v : '';
};

function Field({
  name,
  label,
  hint,
  values,
  errors,
  multiline,
}: {
  name: string;
  label: string;
  hint?: string;
  values: Values;
  errors: Record<string, string>;
  multiline?: boolean;
}) {
  const error = errors[name];
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id: `correction-${name}`,
    name,
    defaultValue: str(values, name),
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
  } as const;
  return (
    <div className="field">
      <label htmlFor={`correction-${name}`}>{label}</label>
      {hint && (
        <span className="hint" id={`${name}-hint`}>
          {hint}
        </span>
      )}
      {multiline ? <textarea {...common} rows={3} /> : <input {...common} type={name === 'phone' ? 'tel' : 'text'} autoComplete="off" />}
      {error && (
        <p className="field-error" id={`${name}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** Asked only when the week came back empty: "sur rendez-vous" or "fermé". */
function EmptyWeek({ values, error }: { values: Values; error?: string }) {
  const chosen = str(values, EMPTY_WEEK);
  if (!error && !chosen) return null;
  return (
    <fieldset className="field" aria-describedby={error ? `${EMPTY_WEEK}-error` : undefined}>
      <legend>Aucun horaire dans le tableau : que faut-il indiquer ?</legend>
      {error && (
        <p className="field-error" id={`${EMPTY_WEEK}-error`}>
          {error}
        </p>
      )}
      {Object.entries(EMPTY_WEEK_ANSWERS).map(([value, label]) => (
        <div className="checkbox" key={value}>
          <input type="radio" id={`${EMPTY_WEEK}-${value}`} name={EMPTY_WEEK} value={value} defaultChecked={chosen === value} />
          <label htmlFor={`${EMPTY_WEEK}-${value}`}>{label}</label>
        </div>
      ))}
      <p className="hint">Si le lieu a fermé pour de bon, utilisez plutôt « Signaler que le lieu a fermé » plus bas.</p>
    </fieldset>
  );
}

export function CorrectionForm({ action, current }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const values: Values = { ...current.values, ...state.values };
  const errors = state.errors ?? {};
  return (
    <form action={formAction} noValidate className="correction-form">
      {state.message && (
        <div className="notice notice--error" role="alert">
          {errors.form ?? state.message}
        </div>
      )}
      <Field name="phone" label="Téléphone" hint="Comme vous le donnez au public, par exemple 02 41 00 00 00" values={values} errors={errors} />
      <Field name="emails" label="Adresses électroniques (une par ligne)" values={values} errors={errors} multiline />
      <Field name="websites" label="Sites web (un par ligne)" hint="Par exemple www.mediatheque-exemple.fr" values={values} errors={errors} multiline />
      <Field name="appointmentUrl" label="Lien de prise de rendez-vous (facultatif)" values={values} errors={errors} />
      <fieldset className="field">
        <legend>Horaires</legend>
        {current.hoursKept && (
          <p className="hint">
            Vos horaires changent selon les périodes de l’année : ils restent tels qu’ils sont publiés si vous laissez le tableau vide. Remplissez-le seulement
            pour les remplacer par une semaine type.
          </p>
        )}
        <HoursGrid values={values} errors={errors} />
        <EmptyWeek values={values} error={errors[EMPTY_WEEK]} />
      </fieldset>
      <input type="hidden" name={LISTS_SHOWN} value="1" />
      {current.lists.map((list) => {
        const ticked = values[list.name];
        const selected = Array.isArray(ticked) ? ticked : [];
        return (
          <fieldset className="filter-group" key={list.name} aria-describedby={errors[list.name] ? `${list.name}-error` : undefined}>
            <legend>{list.legend}</legend>
            {list.options.map((option) => (
              <div className="checkbox" key={option.value}>
                <input
                  type="checkbox"
                  id={`${list.name}-${option.value}`}
                  name={list.name}
                  value={option.value}
                  defaultChecked={selected.includes(option.value)}
                />
                <label htmlFor={`${list.name}-${option.value}`}>{option.label}</label>
              </div>
            ))}
            {errors[list.name] && (
              <p className="field-error" id={`${list.name}-error`}>
                {errors[list.name]}
              </p>
            )}
          </fieldset>
        );
      })}
      <Field name="message" label="Autre chose à corriger (adresse, présentation…)" values={values} errors={errors} multiline />
      <button type="submit" className="button button--primary" disabled={pending}>
        Envoyer mes corrections
      </button>
    </form>
  );
}
