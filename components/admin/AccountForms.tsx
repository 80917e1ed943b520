'use client';
// Account forms (reset, new password, invitation): server actions with progressive enhancement,
// so they work without JavaScript and keep what was typed when something is refused.
import Link from 'next/link';
import { useActionState } from 'react';
import type { AccountFormState } from '@/lib/auth/accounts';

type Action = (state: AccountFormState, form: FormData) => Promise<AccountFormState>;

function Notice({ state }: { state: AccountFormState }) {
  if (!state.message) return null;
  return (
    <p className={`notice ${state.status === 'error' ? 'notice--error' : 'notice--success'}`} role={state.status === 'error' ? 'alert' : 'status'}>
      {state.message}
    </p>
  );
}

function DoneThenSignIn({ state }: { state: AccountFormState }) {
  return (
    <>
      <Notice state={state} />
      <Link className="button button--primary" href="/connexion">
        Se connecter
      </Link>
    </>
  );
}

export function PasswordResetRequestForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' });
  return (
    <form action={formAction}>
      <Notice state={state} />
      <div className="field">
        <label htmlFor="email">Adresse électronique de votre compte</label>
        <input id="email" name="email" type="email" autoComplete="email" required defaultValue={state.values?.email ?? ''} />
      </div>
      <button type="submit" className="button button--primary" disabled={pending}>
        Recevoir un lien
      </button>
    </form>
  );
}

function PasswordFields({ optional }: { optional?: boolean }) {
  return (
    <>
      <div className="field">
        <label htmlFor="password">{optional ? 'Mot de passe (facultatif)' : 'Nouveau mot de passe'}</label>
        <span className="hint" id="password-hint">
          Au moins 10 caractères. {optional ? 'Sans mot de passe, vous vous connecterez par un lien reçu par courriel.' : ''}
        </span>
        <input id="password" name="password" type="password" autoComplete="new-password" aria-describedby="password-hint" required={!optional} />
      </div>
      <div className="field">
        <label htmlFor="confirmation">Confirmez le mot de passe</label>
        <input id="confirmation" name="confirmation" type="password" autoComplete="new-password" required={!optional} />
      </div>
    </>
  );
}

export function NewPasswordForm({ action, token }: { action: Action; token: string }) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' });
  if (state.status === 'done') return <DoneThenSignIn state={state} />;
  return (
    <form action={formAction}>
      <Notice state={state} />
      <input type="hidden" name="jeton" value={token} />
      <PasswordFields />
      <button type="submit" className="button button--primary" disabled={pending}>
        Enregistrer le mot de passe
      </button>
    </form>
  );
}

export function InvitationForm({ action, token, email }: { action: Action; token: string; email: string }) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' });
  if (state.status === 'done') return <DoneThenSignIn state={state} />;
  return (
    <form action={formAction}>
      <Notice state={state} />
      <input type="hidden" name="jeton" value={token} />
      <div className="field">
        <label htmlFor="invite-email">Adresse électronique</label>
        <input id="invite-email" type="email" value={email} readOnly autoComplete="username" />
      </div>
      <div className="field">
        <label htmlFor="name">Votre nom</label>
        <input id="name" name="name" autoComplete="name" maxLength={120} defaultValue={state.values?.name ?? ''} />
      </div>
      <PasswordFields optional />
      <button type="submit" className="button button--primary" disabled={pending}>
        Accepter l’invitation
      </button>
    </form>
  );
}
