'use server';
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { confirmImport, mappingFromForm, setMapping } from '@/lib/import/runs';
import { updateSource } from '@/lib/import/sources';

async function user() {
  const current = await getCurrentUser();
  if (!current) redirect('/connexion?retour=%2Fadmin%2Fimport');
  return current;
}

/** Starts the real import; it goes on in the background while the page shows its progress. */
export async function confirmImportAction(id: string) {
  const result = await confirmImport(db, await user(), id);
  if (result.ok) result.done.catch(() => undefined);
  redirect(`/admin/import/${id}`);
}

export async function chooseColumnsAction(id: string, _state: { error?: string }, form: FormData): Promise<{ error?: string }> {
  const current = await user();
  const parsed = mappingFromForm(form);
  if ('error' in parsed) return { error: parsed.error };
  const result = await setMapping(db, current, id, parsed.mapping);
  if (!result.ok) return { error: 'Cet import n’attend plus de choix de colonnes.' };
  redirect(`/admin/import/${id}`);
}

/** An administrator gives a source to a network and sets its priority. */
export async function updateSourceAction(name: string, form: FormData) {
  const current = await user();
  const raw = String(form.get('priorite') ?? '').trim();
  const result = await updateSource(db, current, {
    name,
    networkSlug: String(form.get('reseau') ?? '').trim() || null,
    priority: raw === '' ? 0 : Number(raw),
  });
  if (result === 'forbidden') redirect('/admin/import');
  redirect(result === 'done' ? `/admin/import/sources?ok=${encodeURIComponent(name)}` : `/admin/import/sources?erreur=${result}`);
}
