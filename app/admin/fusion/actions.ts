'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { MERGE_FIELDS, dismissDuplicate, mergeDuplicate, type Choice, type MergeField } from '@/lib/import/merge';

async function user() {
  const current = await getCurrentUser();
  if (!current) redirect('/connexion?retour=%2Fadmin%2Ffusion');
  return current;
}

export async function mergeAction(duplicateId: string, form: FormData) {
  const winnerId = String(form.get('garder') ?? '');
  const choices: Partial<Record<MergeField, Choice>> = {};
  for (const [field] of MERGE_FIELDS) {
    const picked = String(form.get(`f_${field}`) ?? '');
    choices[field] = !picked || picked === winnerId ? 'winner' : 'loser';
  }
  const result = await mergeDuplicate(db, await user(), { duplicateId, winnerId, choices });
  if (result.status !== 'merged') redirect(`/admin/fusion?resultat=${result.status}`);
  revalidatePath(`/lieux/${result.loserSlug}`);
  redirect(`/admin/fusion?resultat=fusion&lieu=${result.winnerId}`);
}

export async function dismissAction(duplicateId: string) {
  const result = await dismissDuplicate(db, await user(), duplicateId);
  redirect(`/admin/fusion?resultat=${result === 'done' ? 'ecarte' : result}`);
}
