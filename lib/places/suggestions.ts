// "Signaler une erreur": a public report on a place, reviewed in the back-office.
import type { PrismaClient } from '@prisma/client';
import { canReviewFor, type SessionUser } from '@/lib/auth/permissions';
import { z } from 'zod';
import { hit } from '@/lib/security/rate-limit';

import { SUGGESTION_MESSAGE_MAX, SUGGESTION_PARTS, SUGGESTION_SENT, type SuggestionFormState } from './suggestion-parts';

export { SUGGESTION_PARTS, type SuggestionFormState };

/** Control characters (NUL included, which PostgreSQL refuses in text) are dropped; line breaks and tabs stay. */
const withoutControls = (value: string) => value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');

export const suggestionSchema = z.object({
  part: z.enum(Object.keys(SUGGESTION_PARTS) as [keyof typeof SUGGESTION_PARTS, ...Array<keyof typeof SUGGESTION_PARTS>], {
    error: 'Indiquez ce qui est inexact.',
  }),
  message: z
    .string()
    .transform(withoutControls)
    .pipe(
      z
        .string()
        .trim()
        .min(5, 'Décrivez en quelques mots ce qui est juste (5 caractères au moins).')
        .max(SUGGESTION_MESSAGE_MAX, 'Votre message est trop long (2 000 caractères au plus).'),
    ),
  email: z
    .string()
    .trim()
    .max(254, 'Adresse électronique trop longue.')
    .email('Adresse électronique invalide (exemple : nom@domaine.fr).')
    .optional()
    .or(z.literal('').transform(() => undefined)),
});

/** Per client address: 5 reports per 10 minutes. */
export const SUGGESTION_RATE = { limit: 5, windowSeconds: 600 };
/** Per place, whoever reports: 20 a day. Rotating addresses cannot bury a place's reviewers. */
export const SUGGESTION_PLACE_RATE = { limit: 20, windowSeconds: 24 * 3600 };

/** A posted field as text: strings and numbers as typed; files, objects and the rest count as
 * empty (String() of a hostile object can throw). */
export function formText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return '';
}

export async function submitSuggestion(
  db: Pick<PrismaClient, 'suggestion' | 'place'>,
  input: { placeId: string; part: unknown; message: unknown; email: unknown; honeypot: unknown; clientKey: string },
): Promise<SuggestionFormState> {
  const values = { part: formText(input.part), message: formText(input.message).slice(0, 5000), email: formText(input.email).slice(0, 300) };
  // Bots fill every field, including the one hidden from people: pretend success, store nothing.
  if (typeof input.honeypot === 'string' && input.honeypot.trim() !== '') return { status: 'sent' };
  const parsed = suggestionSchema.safeParse(values);
  if (!parsed.success) {
    const errors: SuggestionFormState['errors'] = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] as 'part' | 'message' | 'email';
      errors[key] ??= issue.message;
    }
    return { status: 'invalid', message: 'Le signalement n’a pas été envoyé : corrigez les champs indiqués.', errors, values };
  }
  const limit = await hit(`suggestion:${input.clientKey}`, SUGGESTION_RATE);
  if (!limit.ok) {
    const minutes = Math.max(1, Math.ceil(limit.retryAfterSeconds / 60));
    return {
      status: 'refused',
      message: `Merci ! Vous avez déjà envoyé plusieurs signalements. Pour éviter les abus, réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`,
      values,
    };
  }
  const place = z.uuid().safeParse(input.placeId).success
    ? await db.place.findFirst({ where: { id: input.placeId, status: 'PUBLISHED' }, select: { id: true } })
    : null;
  if (!place) return { status: 'invalid', message: 'Ce lieu n’est plus publié.', values };
  const perPlace = await hit(`suggestion-place:${place.id}`, SUGGESTION_PLACE_RATE);
  if (!perPlace.ok) {
    return {
      status: 'refused',
      message:
        'Merci ! Ce lieu a déjà reçu beaucoup de signalements aujourd’hui : l’équipe qui tient la fiche les examine. Réessayez demain si l’erreur demeure.',
      values,
    };
  }
  await db.suggestion.create({ data: { placeId: place.id, part: parsed.data.part, message: parsed.data.message, email: parsed.data.email ?? null } });
  return { status: 'sent', message: SUGGESTION_SENT };
}

/**
 * Closes a report (applied or set aside). Repères sends nothing to the reporter: the address
 * they typed was never verified, and an automatic mail would let anyone have the project's
 * domain write to any address. The reviewer may answer from their own mailbox (the review page
 * offers a mailto: link); the address is forgotten once the report is closed.
 */
export async function closeSuggestion(
  db: Pick<PrismaClient, 'suggestion'>,
  reviewer: SessionUser,
  input: { suggestionId: string; decision: 'APPLIED' | 'REJECTED'; note?: string },
): Promise<{ status: 'done' | 'gone' | 'forbidden' }> {
  if (!z.uuid().safeParse(input.suggestionId).success) return { status: 'gone' };
  const suggestion = await db.suggestion.findUnique({
    where: { id: input.suggestionId },
    include: { place: { select: { networks: { select: { networkId: true } } } } },
  });
  if (!suggestion) return { status: 'gone' };
  if (!canReviewFor(reviewer, { id: suggestion.placeId, networkIds: suggestion.place.networks.map((n) => n.networkId) })) return { status: 'forbidden' };
  const note = (input.note ?? '').trim().slice(0, 500);
  await db.suggestion.update({
    where: { id: suggestion.id },
    data: { state: input.decision, reviewerId: reviewer.id, reviewedAt: new Date(), email: null, ...(note ? { reviewNote: note } : {}) },
  });
  return { status: 'done' };
}
