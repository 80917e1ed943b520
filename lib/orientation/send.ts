// Sending a fiche by email: built, attached, sent through the mail layer, forgotten. The address
// is used for this message only (with the local outbox, the message itself stays there for the
// administrators, as every outbox message does).
import type { PrismaClient } from '@prisma/client';
import { isEmail, sendMail } from '@/lib/mail';
import { hit } from '@/lib/security/rate-limit';
import { buildFiche, ficheText, type FicheRequest } from './fiche';
import { renderFichePdf } from './pdf';

export const SEND_RATE = { limit: 10, windowSeconds: 3600 };

export type SendResult = { status: 'sent' } | { status: 'invalid'; message: string } | { status: 'limited'; retryAfterSeconds: number };

export async function sendFiche(db: PrismaClient, input: { request: FicheRequest; email: string; clientKey: string; baseUrl: string }): Promise<SendResult> {
  const email = input.email.trim().toLowerCase();
  if (!isEmail(email)) return { status: 'invalid', message: 'Adresse électronique invalide (exemple : prenom.nom@exemple.fr).' };
  const limit = await hit(`fiche:${input.clientKey}`, SEND_RATE);
  if (!limit.ok) return { status: 'limited', retryAfterSeconds: limit.retryAfterSeconds };
  const fiche = await buildFiche(db, input.request, input.baseUrl);
  if (fiche.places.length === 0) return { status: 'invalid', message: 'Aucun des lieux choisis n’est publié : refaites la sélection.' };
  const pdf = await renderFichePdf(fiche);
  await sendMail(db, {
    to: email,
    subject: fiche.places.length > 1 ? `Vos ${fiche.places.length} lieux d’aide au numérique` : `Votre lieu d’aide au numérique : ${fiche.places[0].name}`,
    text: `${ficheText(fiche)}\n\nLa fiche à imprimer est jointe à ce message (PDF).`,
    attachments: [{ filename: 'fiche-orientation.pdf', content: pdf, contentType: 'application/pdf' }],
  });
  return { status: 'sent' };
}
