// Sending a fiche by email from the server: only for signed-in professionals (an account
// invited by a network or an administrator), never for anonymous visitors — otherwise anyone
// could have the project's domain mail their own text to any address. Anonymous visitors hand
// the fiche over with their own mail app (a mailto: link carrying the share link, built in
// lib/orientation/fiche.ts), the PDF or the share link; nothing then leaves our server.
//
// Even signed in, the free text (notes, need, structure, contact) may hold no link: a stolen or
// careless account must not turn the fiche into a phishing message. Limits: per account and per
// recipient, so one address cannot be flooded whoever sends. The recipient address is used for
// this message only.
import type { PrismaClient } from '@prisma/client';
import { canSendFicheByMail, type SessionUser } from '@/lib/auth/permissions';
import { isEmail, sendMail } from '@/lib/mail';
import { hit } from '@/lib/security/rate-limit';
import { containsLink } from '@/lib/security/urls';
import { buildFiche, ficheText, type FicheRequest } from './fiche';
import { renderFichePdf } from './pdf';

/** Fiches one account may send in 24 hours. */
export const SEND_RATE_PER_ACCOUNT = { limit: 30, windowSeconds: 24 * 3600 };
/** Fiches one address may receive in 24 hours, whoever sends them. */
export const SEND_RATE_PER_RECIPIENT = { limit: 3, windowSeconds: 24 * 3600 };

export type SendResult =
  | { status: 'sent' }
  | { status: 'forbidden' }
  | { status: 'invalid'; message: string; field?: string }
  | { status: 'limited'; message: string; retryAfterSeconds: number };

/** The first free-text field of the request that holds a link, as its French label, or null. */
export function fieldWithLink(request: FicheRequest): string | null {
  const fields: Array<[string, string]> = [
    ['le prénom', request.firstName],
    ['le besoin', request.need],
    ['la structure', request.professional.structure],
    ['le contact', request.professional.contact],
    ...request.places.map((p, i): [string, string] => [`la note du lieu n° ${i + 1}`, p.note]),
    ...request.sessions.map((s, i): [string, string] => [`la note de l’atelier n° ${i + 1}`, s.note]),
  ];
  return fields.find(([, value]) => containsLink(value))?.[0] ?? null;
}

export async function sendFiche(
  db: PrismaClient,
  input: { sender: SessionUser | null; request: FicheRequest; email: string; baseUrl: string },
): Promise<SendResult> {
  const sender = input.sender;
  if (!canSendFicheByMail(sender)) return { status: 'forbidden' };
  const email = input.email.trim().toLowerCase();
  if (!isEmail(email)) return { status: 'invalid', field: 'email', message: 'Adresse électronique invalide (exemple : prenom.nom@exemple.fr).' };
  const withLink = fieldWithLink(input.request);
  if (withLink) {
    return {
      status: 'invalid',
      field: 'text',
      message: `Les adresses web ne sont pas acceptées dans un courriel envoyé par Repères : retirez celle qui se trouve dans ${withLink} (s’il s’agit d’une fin de phrase, ajoutez une espace après le point). Les liens vers les lieux sont ajoutés d’office.`,
    };
  }
  const byAccount = await hit(`fiche:account:${sender.id}`, SEND_RATE_PER_ACCOUNT);
  if (!byAccount.ok)
    return {
      status: 'limited',
      retryAfterSeconds: byAccount.retryAfterSeconds,
      message: 'Vous avez envoyé beaucoup de fiches aujourd’hui : réessayez demain, ou remettez la fiche imprimée ou par votre messagerie.',
    };
  const byRecipient = await hit(`fiche:to:${email}`, SEND_RATE_PER_RECIPIENT);
  if (!byRecipient.ok)
    return {
      status: 'limited',
      retryAfterSeconds: byRecipient.retryAfterSeconds,
      message: 'Cette adresse a déjà reçu plusieurs fiches aujourd’hui : réessayez demain, ou remettez la fiche imprimée ou par votre messagerie.',
    };
  const fiche = await buildFiche(db, input.request, input.baseUrl);
  if (fiche.places.length === 0 && fiche.sessions.length === 0)
    return { status: 'invalid', message: 'Aucun des lieux ou ateliers choisis n’est encore proposé : refaites la sélection.' };
  const pdf = await renderFichePdf(fiche);
  const from = sender.name ? `${sender.name} (${sender.email})` : sender.email;
  await sendMail(db, {
    to: email,
    replyTo: sender.email,
    subject:
      fiche.places.length > 1
        ? `Vos ${fiche.places.length} lieux d’aide au numérique`
        : fiche.places.length === 1
          ? `Votre lieu d’aide au numérique : ${fiche.places[0].name}`
          : `Votre atelier numérique : ${fiche.sessions[0].title}`,
    text: `${ficheText(fiche)}\n\nLa fiche à imprimer est jointe à ce message (PDF).\n\nFiche envoyée par ${from} depuis Repères, l’annuaire des lieux d’aide au numérique. Pour répondre, répondez à ce message.`,
    attachments: [{ filename: 'fiche-orientation.pdf', content: pdf, contentType: 'application/pdf' }],
  });
  return { status: 'sent' };
}
