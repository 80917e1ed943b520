'use server';
import { redirect } from 'next/navigation';
import { canReceiveDigest } from '@/lib/auth/permissions';
import { getCurrentUser } from '@/lib/auth/session';
import type { DigestSettingsState } from '@/lib/digests/settings';
import { saveMyDigestSettings } from '@/lib/digests/pages';

/** Saves the signed-in person's own digest choice (never anyone else's: the id is the session's). */
export async function saveDigestAction(_state: DigestSettingsState, form: FormData): Promise<DigestSettingsState> {
  const user = await getCurrentUser();
  if (!user) redirect('/connexion?retour=/admin/compte');
  const values = { receive: form.get('recevoir') === 'oui', weekday: String(form.get('jour') ?? '').slice(0, 10) };
  if (!canReceiveDigest(user)) return { status: 'invalid', message: 'Le résumé hebdomadaire est réservé aux coordinations de réseau.', values };
  return saveMyDigestSettings(user.id, values);
}
