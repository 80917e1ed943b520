'use client';
import { useActionState, useState } from 'react';
import type { InviteState } from '@/lib/auth/accounts';

type Option = { id: string; label: string };
type Props = {
  action: (state: InviteState, form: FormData) => Promise<InviteState>;
  roles: Array<{ value: string; label: string }>;
  networks: Option[];
  places: Option[];
};

export function InviteForm({ action, roles, networks, places }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' });
  const [role, setRole] = useState(state.values?.role ?? roles[roles.length - 1]?.value ?? 'EDITOR');
  const chosen = new Set([...(state.values?.networkIds ?? []), ...(state.values?.placeIds ?? [])]);
  return (
    <form action={formAction} className="invite-form">
      {state.message && (
        <p className={`notice ${state.status === 'error' ? 'notice--error' : 'notice--success'}`} role={state.status === 'error' ? 'alert' : 'status'}>
          {state.message}
        </p>
      )}
      <div className="field">
        <label htmlFor="invite-email">Adresse électronique de la personne</label>
        <input id="invite-email" name="email" type="email" required defaultValue={state.values?.email ?? ''} key={`email-${state.status}`} />
      </div>
      <div className="field">
        <label htmlFor="invite-role">Rôle</label>
        <select id="invite-role" name="role" value={role} onChange={(e) => setRole(e.target.value)}>
          {roles.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
      </div>
      {role === 'COORDINATOR' && (
        <fieldset className="field">
          <legend>Réseaux à coordonner</legend>
          {networks.map((n) => (
            <label key={n.id} className="checkbox">
              <input type="checkbox" name="networkIds" value={n.id} defaultChecked={chosen.has(n.id)} /> {n.label}
            </label>
          ))}
        </fieldset>
      )}
      {role === 'EDITOR' && (
        <div className="field">
          <label htmlFor="invite-places">Lieux à tenir à jour</label>
          <span className="hint" id="invite-places-hint">
            Maintenez Ctrl (ou Cmd) pour en choisir plusieurs.
          </span>
          <select
            id="invite-places"
            name="placeIds"
            multiple
            size={8}
            aria-describedby="invite-places-hint"
            defaultValue={[...chosen]}
            key={`places-${state.status}`}
          >
            {places.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
      )}
      <button type="submit" className="button button--primary" disabled={pending}>
        Envoyer l’invitation
      </button>
    </form>
  );
}
