'use server';
import { publicUrl } from '@/lib/config/env';
import { createHash } from 'node:crypto';
import { headers } from 'next/headers';
import { after } from 'next/server';
import type { AccountFormState } from '@/lib/auth/accounts';
import { requestMagicLink, type MagicLinkState } from '@/lib/auth/magic-link';
import { db } from '@/lib/db';
import { clientIp } from '@/lib/security/rate-limit';

export async function askMagicLink(_state: MagicLinkState, form: FormData): Promise<MagicLinkState> {
  const email = String(form.get('email') ?? '').slice(0, 254);
  const ip = clientIp(await headers());
  const result = await requestMagicLink(db, {
    email,
    clientKey: createHash('sha256').update(ip).digest('hex').slice(0, 32),
    baseUrl: publicUrl(),
    returnTo: String(form.get('retour') ?? ''),
    // Whether the account exists must not show in the answer's time: the mail goes after it.
    defer: after,
  });
  return { status: result.ok ? 'sent' : 'error', message: result.message, email };
}

function clientKey(ip: string) {
  return createHash('sha256').update(ip).digest('hex').slice(0, 32);
}

export async function askPasswordReset(_state: AccountFormState, form: FormData): Promise<AccountFormState> {
  const email = String(form.get('email') ?? '').slice(0, 254);
  const { requestPasswordReset } = await import('@/lib/auth/accounts');
  const result = await requestPasswordReset(db, { email, clientKey: clientKey(clientIp(await headers())), baseUrl: publicUrl(), defer: after });
  return { status: result.ok ? 'done' : 'error', message: result.message, values: { email } };
}

export async function chooseNewPassword(_state: AccountFormState, form: FormData): Promise<AccountFormState> {
  const { resetPassword } = await import('@/lib/auth/accounts');
  const password = String(form.get('password') ?? '');
  if (password !== String(form.get('confirmation') ?? '')) return { status: 'error', message: 'Les deux mots de passe ne sont pas identiques.' };
  const result = await resetPassword(db, { token: String(form.get('jeton') ?? ''), password });
  if (result.status === 'done') return { status: 'done', message: 'Votre mot de passe a été changé. Vos autres sessions ont été fermées.' };
  if (result.status === 'expired') return { status: 'error', message: 'Ce lien n’est plus valable (déjà utilisé ou expiré). Demandez-en un nouveau.' };
  return { status: 'error', message: result.message };
}

export async function acceptInvitationAction(_state: AccountFormState, form: FormData): Promise<AccountFormState> {
  const { acceptInvitation } = await import('@/lib/auth/accounts');
  const name = String(form.get('name') ?? '');
  const password = String(form.get('password') ?? '');
  if (password !== String(form.get('confirmation') ?? ''))
    return { status: 'error', message: 'Les deux mots de passe ne sont pas identiques.', values: { name } };
  const result = await acceptInvitation(db, { token: String(form.get('jeton') ?? ''), name, password });
  if (result.status === 'accepted')
    return { status: 'done', message: `Votre compte ${result.email} est prêt. Vous pouvez vous connecter.`, values: { email: result.email } };
  if (result.status === 'expired')
    return { status: 'error', message: 'Cette invitation n’est plus valable (déjà acceptée ou expirée). Demandez-en une nouvelle.', values: { name } };
  return { status: 'error', message: result.message, values: { name } };
}
