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
//
// In the fiche's language (issue #20: the language of the page it was prepared on, as for the PDF):
// the mail's subject and body, the attached PDF, and the answers the professional reads.
import type { PrismaClient } from '@prisma/client';
import { canSendFicheByMail, type SessionUser } from '@/lib/auth/permissions';
import { DEFAULT_LOCALE, translator, type Locale, type Translator } from '@/lib/i18n';
import { isEmail, sendMail } from '@/lib/mail';
import { hit } from '@/lib/security/rate-limit';
import { containsLink } from '@/lib/security/urls';
import { buildFiche, ficheText, type Fiche, type FicheRequest } from './fiche';
import { renderFichePdf } from './pdf';

/** Fiches one account may send in 24 hours. */
export const SEND_RATE_PER_ACCOUNT = { limit: 30, windowSeconds: 24 * 3600 };
/** Fiches one address may receive in 24 hours, whoever sends them. */
export const SEND_RATE_PER_RECIPIENT = { limit: 3, windowSeconds: 24 * 3600 };

/** `message`: said to the professional, in the fiche's language. */
export type SendResult =
  | { status: 'sent' }
  | { status: 'forbidden' }
  | { status: 'invalid'; message: string; field?: string }
  | { status: 'limited'; message: string; retryAfterSeconds: number };

/** The first free-text field of the request that holds a link, named in `t`'s language (French by default), or null. */
export function fieldWithLink(request: FicheRequest, t: Translator = translator()): string | null {
  const fields: Array<[string, string]> = [
    [t('orient.send.field.firstName'), request.firstName],
    [t('orient.send.field.need'), request.need],
    [t('orient.send.field.structure'), request.professional.structure],
    [t('orient.send.field.contact'), request.professional.contact],
    ...request.places.map((p, i): [string, string] => [t('orient.send.field.placeNote', { n: i + 1 }), p.note]),
    ...request.sessions.map((s, i): [string, string] => [t('orient.send.field.sessionNote', { n: i + 1 }), s.note]),
  ];
  return fields.find(([, value]) => containsLink(value))?.[0] ?? null;
}

function subject(fiche: Fiche, t: Translator): string {
  if (fiche.places.length > 1) return t('orient.send.subjectPlaces', { count: fiche.places.length });
  if (fiche.places.length === 1) return t('orient.send.subjectPlace', { name: fiche.places[0].name });
  return t('orient.send.subjectSession', { title: fiche.sessions[0].title });
}

export async function sendFiche(
  db: PrismaClient,
  input: { sender: SessionUser | null; request: FicheRequest; email: string; baseUrl: string; locale?: Locale },
): Promise<SendResult> {
  const sender = input.sender;
  if (!canSendFicheByMail(sender)) return { status: 'forbidden' };
  const t = translator(input.locale ?? DEFAULT_LOCALE);
  const email = input.email.trim().toLowerCase();
  if (!isEmail(email)) return { status: 'invalid', field: 'email', message: t('orient.send.email') };
  const withLink = fieldWithLink(input.request, t);
  if (withLink) return { status: 'invalid', field: 'text', message: t('orient.send.link', { field: withLink }) };
  const byAccount = await hit(`fiche:account:${sender.id}`, SEND_RATE_PER_ACCOUNT);
  if (!byAccount.ok) return { status: 'limited', retryAfterSeconds: byAccount.retryAfterSeconds, message: t('orient.send.tooManyAccount') };
  const byRecipient = await hit(`fiche:to:${email}`, SEND_RATE_PER_RECIPIENT);
  if (!byRecipient.ok) return { status: 'limited', retryAfterSeconds: byRecipient.retryAfterSeconds, message: t('orient.send.tooManyAddress') };
  const fiche = await buildFiche(db, input.request, input.baseUrl, new Date(), t.locale);
  if (fiche.places.length === 0 && fiche.sessions.length === 0) return { status: 'invalid', message: t('orient.pdf.nothing') };
  const pdf = await renderFichePdf(fiche);
  const from = sender.name ? `${sender.name} (${sender.email})` : sender.email;
  await sendMail(db, {
    to: email,
    replyTo: sender.email,
    subject: subject(fiche, t),
    text: `${ficheText(fiche)}\n\n${t('orient.send.attached')}\n\n${t('orient.send.sentBy', { from })}`,
    attachments: [{ filename: 'fiche-orientation.pdf', content: pdf, contentType: 'application/pdf' }],
  });
  return { status: 'sent' };
}
