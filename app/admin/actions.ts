'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { endAllSessions } from '@/lib/auth/accounts';
import { getCurrentUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { placeSlug } from '@/lib/editing/reads';
import { SECTION_IDS, formValues, type SectionId } from '@/lib/editing/sections';
import {
  confirmToday,
  restoreRevision,
  reviewRevision,
  saveSection,
  setStatus,
  settleEditedProposal,
  type BulkState,
  type SectionState,
} from '@/lib/editing/update';
import type { CreatePlaceState } from '@/lib/places/create';

async function user() {
  const current = await getCurrentUser();
  if (!current) redirect('/connexion');
  return current;
}

/** Bumps the user's session version: every session issued before stops working. */
export async function signOutEverywhere() {
  const current = await user();
  await endAllSessions(current.id);
}

export async function saveSectionAction(placeId: string, section: SectionId, state: SectionState, form: FormData): Promise<SectionState> {
  if (!SECTION_IDS.includes(section)) return { ...state, result: { status: 'forbidden' } };
  const current = await user();
  const values = formValues(form, section);
  const baseVersion = Number(form.get('version'));
  const result = await saveSection(db, current, { placeId, section, values, baseVersion, reason: String(form.get('reason') ?? '').slice(0, 500) });
  const proposal = String(form.get('proposal') ?? '');
  if (result.status === 'saved' && /^[0-9a-f-]{36}$/i.test(proposal)) {
    await settleEditedProposal(db, current, { revisionId: proposal, placeId });
    revalidatePath('/admin/a-valider');
  }
  if (result.status === 'saved') {
    const slug = await placeSlug(placeId);
    revalidatePath(`/admin/lieux/${placeId}`);
    if (slug) revalidatePath(`/lieux/${slug}`);
    return { result, version: result.version };
  }
  // Keep what the person typed, whatever happened.
  return { result, values, version: result.status === 'conflict' ? result.version : baseVersion };
}

export async function statusAction(placeId: string, status: 'PUBLISHED' | 'DRAFT' | 'ARCHIVED') {
  const result = await setStatus(db, await user(), { placeId, status });
  revalidatePath(`/admin/lieux/${placeId}`);
  return result;
}

export async function confirmAction(placeId: string) {
  const result = await confirmToday(db, await user(), placeId);
  revalidatePath(`/admin/lieux/${placeId}`);
  return result;
}

export async function reviewAction(revisionId: string, decision: 'apply' | 'reject', form: FormData) {
  const result = await reviewRevision(db, await user(), { revisionId, decision, note: String(form.get('note') ?? '').slice(0, 500) });
  revalidatePath('/admin/a-valider');
  return result;
}

export async function restoreAction(revisionId: string) {
  const result = await restoreRevision(db, await user(), revisionId);
  revalidatePath('/admin/lieux');
  return result;
}

export async function closeSuggestionAction(suggestionId: string, decision: 'APPLIED' | 'REJECTED', form?: FormData) {
  const { closeSuggestion } = await import('@/lib/places/suggestions');
  const result = await closeSuggestion(db, await user(), { suggestionId, decision, note: String(form?.get('note') ?? '') });
  revalidatePath('/admin/a-valider');
  return result;
}

export async function createPlaceAction(_state: CreatePlaceState, form: FormData): Promise<CreatePlaceState> {
  const current = await user();
  const { createPlace } = await import('@/lib/places/create');
  const values: Record<string, string | string[]> = {};
  for (const field of ['name', 'street', 'addressComplement', 'postcode', 'commune', 'latitude', 'longitude'])
    values[field] = String(form.get(field) ?? '').slice(0, 1000);
  values.networkIds = form.getAll('networkIds').map(String).slice(0, 20);
  const point = { latitude: values.latitude === '' ? null : values.latitude, longitude: values.longitude === '' ? null : values.longitude };
  const result = await createPlace(db, current, {
    values: { ...values, ...point },
    networkIds: values.networkIds as string[],
    confirmDuplicate: form.get('confirmDuplicate') === 'on',
  });
  if (result.status === 'created') {
    revalidatePath('/admin/lieux');
    redirect(`/admin/lieux/${result.id}?cree=1`);
  }
  if (result.status === 'invalid') return { status: 'invalid', values, errors: result.errors };
  if (result.status === 'duplicates') return { status: 'duplicates', values, matches: result.matches };
  return { status: 'forbidden', values };
}

/** Publish, archive or confirm many places at once; each place is checked on its own. */
export async function bulkAction(_state: BulkState, form: FormData): Promise<BulkState> {
  const current = await user();
  const ids = form
    .getAll('ids')
    .map(String)
    .filter((id) => /^[0-9a-f-]{36}$/i.test(id))
    .slice(0, 200);
  const action = String(form.get('action') ?? '');
  if (!ids.length) return { tone: 'error', message: 'Cochez au moins un lieu.' };
  if (!['publish', 'archive', 'confirm'].includes(action)) return { tone: 'error', message: 'Choisissez une action.' };
  let done = 0;
  let refused = 0;
  for (const id of ids) {
    const result =
      action === 'confirm'
        ? await confirmToday(db, current, id)
        : await setStatus(db, current, { placeId: id, status: action === 'publish' ? 'PUBLISHED' : 'ARCHIVED' });
    if (result.status === 'forbidden') refused++;
    else done++;
  }
  revalidatePath('/admin/lieux');
  const verb = { publish: 'publié(s)', archive: 'archivé(s)', confirm: 'confirmé(s) aujourd’hui' }[action as 'publish'];
  return {
    tone: refused ? 'error' : 'success',
    message: `${done} lieu(x) ${verb}.${refused ? ` ${refused} refusé(s) : vous n’avez pas ce droit sur ces lieux.` : ''}`,
  };
}
