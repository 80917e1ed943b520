'use server';
// The back-office writes of a place's ateliers. Rights are asked by lib/ateliers/store.ts
// (canManageAteliers); these actions read the form, call it, and refresh the pages.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/session';
import { cancelAtelier, cancelSession, createAtelier } from '@/lib/ateliers/store';
import { ATELIER_LIST_FIELDS, ATELIER_TEXT_FIELDS, type AtelierFields, type AtelierFormState } from '@/lib/ateliers/validate';
import { db } from '@/lib/db';

async function user() {
  const current = await getCurrentUser();
  if (!current) redirect('/connexion');
  return current;
}

export async function createAtelierAction(placeId: string, _state: AtelierFormState, form: FormData): Promise<AtelierFormState> {
  const current = await user();
  const values: AtelierFields = {};
  for (const name of ATELIER_TEXT_FIELDS) values[name] = String(form.get(name) ?? '').slice(0, 2000);
  for (const name of ATELIER_LIST_FIELDS) values[name] = form.getAll(name).map(String).slice(0, 20);
  const result = await createAtelier(db, current, placeId, values);
  if (!result.ok) return { status: 'invalid', values, errors: result.errors };
  revalidatePath(`/admin/lieux/${placeId}/ateliers`);
  if (result.pending) return { status: 'pending', warnings: result.warnings };
  return { status: 'created', slug: result.slug, warnings: result.warnings };
}

export async function cancelSessionAction(placeId: string, form: FormData): Promise<void> {
  const current = await user();
  await cancelSession(db, current, String(form.get('sessionId') ?? ''));
  revalidatePath(`/admin/lieux/${placeId}/ateliers`);
}

export async function cancelAtelierAction(placeId: string, form: FormData): Promise<void> {
  const current = await user();
  await cancelAtelier(db, current, String(form.get('atelierId') ?? ''));
  revalidatePath(`/admin/lieux/${placeId}/ateliers`);
}
