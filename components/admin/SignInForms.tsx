'use client';
import { signIn } from 'next-auth/react';
import { useActionState, useState } from 'react';
import type { MagicLinkState } from '@/lib/auth/magic-link';

type Props = { returnTo: string; askMagicLink: (state: MagicLinkState, form: FormData) => Promise<MagicLinkState> };

export function SignInForms({ returnTo, askMagicLink }: Props) {
  const [error, setError] = useState('');
  const [pending, setPending] = useState(false);
  const [email, setEmail] = useState('');
  const [magic, magicAction, magicPending] = useActionState(askMagicLink, { status: 'idle' });

  const onPassword = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setPending(true);
    setError('');
    const form = new FormData(event.currentTarget);
    const result = await signIn('password', { email: form.get('email'), password: form.get('password'), redirect: false });
    setPending(false);
    if (result?.ok && !result.error) window.location.assign(returnTo);
    else setError('Adresse ou mot de passe incorrect, ou trop de tentatives : réessayez dans quelques minutes.');
  };

  return (
    <div className="signin">
      <section aria-labelledby="mdp">
        <h2 id="mdp">Avec un mot de passe</h2>
        <form onSubmit={onPassword} noValidate>
          {error && (
            <p className="notice notice--error" role="alert">
              {error}
            </p>
          )}
          <div className="field">
            <label htmlFor="email">Adresse électronique</label>
            <input id="email" name="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="password">Mot de passe</label>
            <input id="password" name="password" type="password" autoComplete="current-password" required />
          </div>
          <button type="submit" className="button button--primary" disabled={pending}>
            {pending ? 'Connexion…' : 'Se connecter'}
          </button>
        </form>
        <p>
          <a href="/connexion/mot-de-passe-oublie">Mot de passe oublié ?</a>
        </p>
      </section>
      <section aria-labelledby="lien">
        <h2 id="lien">Sans mot de passe</h2>
        <p>Recevez un lien de connexion par courriel.</p>
        <form action={magicAction}>
          {magic.message && (
            <p className={`notice ${magic.status === 'error' ? 'notice--error' : 'notice--success'}`} role={magic.status === 'error' ? 'alert' : 'status'}>
              {magic.message}
            </p>
          )}
          <input type="hidden" name="retour" value={returnTo} />
          <div className="field">
            <label htmlFor="magic-email">Adresse électronique</label>
            <input id="magic-email" name="email" type="email" autoComplete="email" required defaultValue={magic.email ?? email} />
          </div>
          <button type="submit" className="button" disabled={magicPending}>
            Recevoir un lien de connexion
          </button>
        </form>
      </section>
    </div>
  );
}

export function MagicLinkButton({ token, returnTo }: { token: string; returnTo: string }) {
  const [error, setError] = useState('');
  const [pending, setPending] = useState(false);
  return (
    <div>
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <button
        type="button"
        className="button button--primary"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          const result = await signIn('magic-link', { token, redirect: false });
          setPending(false);
          if (result?.ok && !result.error) window.location.assign(returnTo);
          else setError('Ce lien n’est plus valable (déjà utilisé ou expiré). Demandez-en un nouveau.');
        }}
      >
        Se connecter
      </button>
    </div>
  );
}
