'use server';
import { publicUrl } from '@/lib/config/env';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { inviteUser, setUserDisabled, type InviteState } from '@/lib/auth/accounts';
import type { Role } from '@/lib/auth/permissions';
import { getCurrentUser } from '@/lib/auth/session';
import { db } from '@/lib/db';

const ROLES: Role[] = ['ADMIN', 'COORDINATOR', 'EDITOR'];

async function user() {
  const current = await getCurrentUser();
  if (!current) redirect('/connexion?retour=/admin/utilisateurs');
  return current;
}

export async function inviteAction(_state: InviteState, form: FormData): Promise<InviteState> {
  const current = await user();
  const values = {
    email: String(form.get('email') ?? '').slice(0, 254),
    role: String(form.get('role') ?? ''),
    networkIds: form.getAll('networkIds').map(String).slice(0, 50),
    placeIds: form.getAll('placeIds').map(String).slice(0, 500),
  };
  if (!ROLES.includes(values.role as Role)) return { status: 'error', message: 'Choisissez un rôle.', values };
  const role = values.role as Role;
  const result = await inviteUser(db, current, {
    email: values.email,
    role,
    // Only the scope that matters for the role is granted.
    networkIds: role === 'COORDINATOR' ? values.networkIds : [],
    placeIds: role === 'EDITOR' ? values.placeIds : [],
    baseUrl: publicUrl(),
  }).catch(() => ({ status: 'forbidden' as const }));
  if (result.status === 'sent') {
    revalidatePath('/admin/utilisateurs');
    return { status: 'done', message: `Invitation envoyée à ${result.email}. Le lien est valable 7 jours.` };
  }
  if (result.status === 'forbidden') return { status: 'error', message: 'Vous ne pouvez pas inviter quelqu’un à ce rôle ou pour ces lieux.', values };
  return { status: 'error', message: result.message, values };
}

export async function setDisabledAction(userId: string, disabled: boolean) {
  const result = await setUserDisabled(db, await user(), userId, disabled);
  revalidatePath('/admin/utilisateurs');
  return result;
}
