'use server';
import { redirect } from 'next/navigation';
import { confirmListing, correctionFormValues, optOut, proposeCorrection, reportClosed, type CorrectionState, type RespondResult } from '@/lib/campaigns';
import { db } from '@/lib/db';

function finish(result: RespondResult, answer: string) {
  if (result.status === 'done') redirect(`/mise-a-jour/merci?reponse=${answer}`);
  if (result.status === 'errors') return;
  redirect(`/mise-a-jour/merci?reponse=${result.status === 'used' ? 'deja' : 'invalide'}`);
}

export async function confirmAction(token: string, placeId: string, form: FormData) {
  const cancelSessionIds = form.getAll('annuler').map(String).slice(0, 50);
  finish(await confirmListing(db, { token, placeId, cancelSessionIds }), 'confirme');
}

export async function closedAction(token: string, placeId: string, form: FormData) {
  finish(await reportClosed(db, { token, placeId, message: String(form.get('message') ?? '') }), 'ferme');
}

export async function optOutAction(token: string, placeId: string, reason: 'unsubscribed' | 'wrong_contact') {
  finish(await optOut(db, { token, placeId, reason }), reason === 'wrong_contact' ? 'mauvais-contact' : 'desinscrit');
}

export async function correctAction(token: string, placeId: string, _state: CorrectionState, form: FormData): Promise<CorrectionState> {
  const values = correctionFormValues(form);
  const result = await proposeCorrection(db, { token, placeId, values, message: String(values.message ?? '') });
  finish(result, 'corrige');
  return { errors: result.status === 'errors' ? result.errors : {}, message: 'La correction n’a pas été envoyée : vérifiez les champs indiqués.', values };
}
