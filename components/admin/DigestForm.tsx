'use client';
// The weekly digest's settings on the account page: receive it or not, and on which day. A server
// action with progressive enhancement: works without JavaScript, keeps the choice when refused.
import { useActionState } from 'react';
import type { DigestSettingsState } from '@/lib/digests/settings';
import { WEEKDAYS } from '@/lib/digests/week';

type Action = (state: DigestSettingsState, form: FormData) => Promise<DigestSettingsState>;

export function DigestForm({ action, initial }: { action: Action; initial: DigestSettingsState['values'] }) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle', values: initial });
  return (
    <form action={formAction}>
      {state.message && (
        <p className={`notice ${state.status === 'invalid' ? 'notice--error' : 'notice--success'}`} role={state.status === 'invalid' ? 'alert' : 'status'}>
          {state.message}
        </p>
      )}
      <div className="field">
        <input id="recevoir" name="recevoir" type="checkbox" value="oui" defaultChecked={state.values.receive} />{' '}
        <label htmlFor="recevoir">Recevoir le résumé hebdomadaire par courriel</label>
      </div>
      <div className="field">
        <label htmlFor="jour">Jour d’envoi</label>
        <select id="jour" name="jour" defaultValue={state.values.weekday} key={state.values.weekday}>
          {WEEKDAYS.map((day, i) => (
            <option key={day} value={String(i + 1)}>
              {day}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button--primary" disabled={pending}>
        Enregistrer
      </button>
    </form>
  );
}
