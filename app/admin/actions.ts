'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { SECTION_IDS, formValues, type SectionId } from '@/lib/editing/sections';
import { confirmToday, restoreRevision, reviewRevision, saveSection, setStatus, type SaveResult } from '@/lib/editing/update';

export type SectionState = { result?: SaveResult; values?: Record<string, unknown>; version: number };

async function user() {
  const current = await getCurrentUser();
  if (!current) redirect('/connexion');
  return current;
}

/** Bumps the user's session version: every session issued before stops working. */
export async function signOutEverywhere() {
  const current = await user();
  await db.user.update({ where: { id: current.id }, data: { sessionVersion: { increment: 1 } } });
}

export async function saveSectionAction(placeId: string, section: SectionId, state: SectionState, form: FormData): Promise<SectionState> {
  if (!SECTION_IDS.includes(section)) return { ...state, result: { status: 'forbidden' } };
  const current = await user();
  const values = formValues(form, section);
  const baseVersion = Number(form.get('version'));
  const result = await saveSection(db, current, { placeId, section, values, baseVersion, reason: String(form.get('reason') ?? '').slice(0, 500) });
  if (result.status === 'saved') {
    const place = await db.place.findUnique({ where: { id: placeId }, select: { slug: true } });
    revalidatePath(`/admin/lieux/${placeId}`);
    if (place) revalidatePath(`/lieux/${place.slug}`);
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

export async function closeSuggestionAction(suggestionId: string, decision: 'APPLIED' | 'REJECTED') {
  const current = await user();
  const suggestion = await db.suggestion.findUnique({ where: { id: suggestionId }, include: { place: { include: { networks: true } } } });
  if (!suggestion) return { status: 'gone' as const };
  const { canReviewFor } = await import('@/lib/auth/permissions');
  if (!canReviewFor(current, { id: suggestion.placeId, networkIds: suggestion.place.networks.map((n) => n.networkId) })) return { status: 'forbidden' as const };
  await db.suggestion.update({ where: { id: suggestionId }, data: { state: decision, reviewerId: current.id, reviewedAt: new Date() } });
  if (suggestion.email) {
    const { sendMail } = await import('@/lib/mail');
    await sendMail(db, {
      to: suggestion.email,
      subject: `Votre signalement sur « ${suggestion.place.name} »`,
      text: decision === 'APPLIED' ? `Bonjour,\n\nMerci : votre signalement a été pris en compte et la fiche « ${suggestion.place.name} » a été corrigée.\n\nL’équipe Repères` : `Bonjour,\n\nMerci pour votre signalement sur « ${suggestion.place.name} ». Après vérification, la fiche n’a pas été modifiée.\n\nL’équipe Repères`,
    }).catch(() => undefined);
    // The address was only kept to answer: forget it now.
    await db.suggestion.update({ where: { id: suggestionId }, data: { email: null } });
  }
  revalidatePath('/admin/a-valider');
  return { status: 'done' as const };
}
