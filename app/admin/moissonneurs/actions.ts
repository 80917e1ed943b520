'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { registerHarvester, setHarvester, type HarvesterState } from '@/lib/harvesters/store';

async function user() {
  const current = await getCurrentUser();
  if (!current) redirect('/connexion?retour=/admin/moissonneurs');
  return current;
}

export async function registerHarvesterAction(_state: HarvesterState, form: FormData): Promise<HarvesterState> {
  const values = {
    name: String(form.get('name') ?? '').slice(0, 200),
    url: String(form.get('url') ?? '').slice(0, 1000),
    contactEmail: String(form.get('contactEmail') ?? '').slice(0, 254),
  };
  const state = await registerHarvester(db, await user(), values);
  if (state.status === 'done') revalidatePath('/admin/moissonneurs');
  return state;
}

export async function setHarvesterAction(id: string, action: 'pause' | 'resume' | 'remove') {
  const result = await setHarvester(db, await user(), id, action);
  revalidatePath('/admin/moissonneurs');
  return result;
}
