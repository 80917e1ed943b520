// The fiche d'orientation: what a professional hands to a beneficiary. The request carries the
// selection and what the professional typed; nothing about the person is stored on the server.
import type { PrismaClient } from '@prisma/client';
import { z } from 'zod';
import { presentHours } from '@/lib/hours/present';
import { temporaryClosure } from '@/lib/places/closure';
import { SERVICE_PLAIN } from '@/lib/standard/plain-words';
import { displayPhone } from './fiche-phone';
import { loadFicheSessions, MAX_FICHE_SESSIONS, type FicheSession } from './sessions';

export const MAX_FICHE_PLACES = 8;

const text = (max: number) => z.string().trim().max(max, `${max} caractères au plus.`).default('');

export const ficheRequestSchema = z
  .object({
    places: z
      .array(z.object({ id: z.string().uuid('Lieu inconnu.'), note: text(300) }))
      .max(MAX_FICHE_PLACES, `Une fiche tient ${MAX_FICHE_PLACES} lieux au plus.`)
      .default([]),
    // Atelier sessions (issue #19): absent from the requests of pages saved before them.
    sessions: z
      .array(z.object({ id: z.string().uuid('Séance inconnue.'), note: text(300) }))
      .max(MAX_FICHE_SESSIONS, `Une fiche tient ${MAX_FICHE_SESSIONS} séances d’atelier au plus.`)
      .default([]),
    firstName: text(60),
    need: text(300),
    professional: z.object({ structure: text(150), contact: text(200) }).default({ structure: '', contact: '' }),
  })
  .refine((r) => r.places.length + r.sessions.length > 0, { message: 'La sélection est vide : ajoutez au moins un lieu ou un atelier.', path: ['places'] });

export type FicheRequest = z.infer<typeof ficheRequestSchema>;

export type FichePlace = {
  id: string;
  slug: string;
  name: string;
  address: string[];
  phone: string | null;
  email: string | null;
  website: string | null;
  hours: Array<{ day: string; text: string }> | null;
  hoursComment: string | null;
  access: string[];
  appointmentUrl: string | null;
  practicalInfo: string | null;
  closure: string | null;
  services: string[];
  url: string;
  note: string;
};

export type Fiche = Omit<FicheRequest, 'places' | 'sessions'> & { places: FichePlace[]; sessions: FicheSession[]; createdAt: Date; shareUrl: string };

export { displayPhone };

const ACCESS_WORDS: Record<string, string> = {
  SePresenter: 'Sans rendez-vous : se présenter aux heures d’ouverture',
  Telephoner: 'Téléphoner avant de venir',
  ContacterParMail: 'Écrire un courriel avant de venir',
  PrescriptionParMail: 'Sur orientation d’un professionnel (courriel)',
  PrendreRdvEnLigne: 'Prendre rendez-vous en ligne',
};

export function shareLink(baseUrl: string, slugs: string[], sessionIds: string[] = []) {
  const url = new URL('/orienter/fiche', baseUrl);
  if (slugs.length || !sessionIds.length) url.searchParams.set('lieux', slugs.join(','));
  if (sessionIds.length) url.searchParams.set('seances', sessionIds.join(','));
  return url.toString();
}

/** Published places by id or slug, in the order asked, with what the fiche shows. */
export async function loadFichePlaces(
  db: PrismaClient,
  refs: Array<{ id?: string; slug?: string; note?: string }>,
  baseUrl: string,
  now = new Date(),
): Promise<FichePlace[]> {
  const ids = refs.map((r) => r.id).filter((v): v is string => !!v);
  const slugs = refs.map((r) => r.slug).filter((v): v is string => !!v);
  const rows = await db.place.findMany({ where: { status: 'PUBLISHED', OR: [{ id: { in: ids } }, { slug: { in: slugs } }] } });
  const places: FichePlace[] = [];
  for (const ref of refs) {
    const row = rows.find((r) => (ref.id && r.id === ref.id) || (ref.slug && r.slug === ref.slug));
    if (!row || places.some((p) => p.id === row.id)) continue;
    const hours = presentHours(row.openingHours, row.timeZone, now);
    const closure = temporaryClosure(row, now, row.timeZone);
    places.push({
      id: row.id,
      slug: row.slug,
      // Handed to a person: a fictional place of the demonstration set must say so.
      name: row.demo ? `${row.name} (lieu fictif de démonstration)` : row.name,
      address: [row.street, row.addressComplement, `${row.postcode} ${row.commune}`].filter((v): v is string => !!v),
      phone: row.phone ? displayPhone(row.phone) : null,
      email: row.emails[0] ?? null,
      website: row.websites[0] ?? null,
      hours: hours.known ? hours.week.map((d) => ({ day: d.day, text: d.text })) : null,
      hoursComment: hours.known ? hours.comment : null,
      access: row.accessModes.map((m) => ACCESS_WORDS[m]).filter(Boolean),
      appointmentUrl: row.appointmentUrl,
      practicalInfo: row.practicalInfo,
      closure: closure ? `${closure.title}${closure.message ? ` : ${closure.message}` : ''}` : null,
      services: row.services.map((s) => SERVICE_PLAIN[s].label),
      url: new URL(`/lieux/${row.slug}`, baseUrl).toString(),
      note: ref.note ?? '',
    });
  }
  return places;
}

export async function buildFiche(db: PrismaClient, request: FicheRequest, baseUrl: string, now = new Date()): Promise<Fiche> {
  const [places, sessions] = await Promise.all([loadFichePlaces(db, request.places, baseUrl, now), loadFicheSessions(db, request.sessions, baseUrl, now)]);
  return {
    ...request,
    places,
    sessions,
    createdAt: now,
    shareUrl: shareLink(
      baseUrl,
      places.map((p) => p.slug),
      sessions.map((s) => s.id),
    ),
  };
}

/** The fiche as plain text, for the email body (the PDF is attached). */
export function ficheText(fiche: Fiche): string {
  const lines: string[] = [];
  lines.push(fiche.firstName ? `Bonjour ${fiche.firstName},` : 'Bonjour,', '');
  if (fiche.need) lines.push(`Votre besoin : ${fiche.need}`, '');
  if (fiche.places.length)
    lines.push(fiche.places.length > 1 ? 'Voici les lieux où vous pouvez être aidé·e :' : 'Voici le lieu où vous pouvez être aidé·e :', '');
  for (const [i, p] of fiche.places.entries()) {
    lines.push(`${i + 1}. ${p.name}`, ...p.address.map((a) => `   ${a}`));
    if (p.closure) lines.push(`   Attention : ${p.closure}`);
    if (p.phone) lines.push(`   Téléphone : ${p.phone}`);
    if (p.hours) for (const d of p.hours) lines.push(`   ${d.day} : ${d.text}`);
    else lines.push('   Horaires : à demander par téléphone');
    for (const a of p.access) lines.push(`   ${a}`);
    if (p.practicalInfo) lines.push(`   À savoir : ${p.practicalInfo.replace(/\s+/g, ' ')}`);
    if (p.note) lines.push(`   Note : ${p.note}`);
    lines.push(`   Fiche en ligne : ${p.url}`, '');
  }
  if (fiche.sessions.length) lines.push(fiche.sessions.length > 1 ? 'Les ateliers choisis pour vous :' : 'L’atelier choisi pour vous :', '');
  for (const s of fiche.sessions) {
    lines.push(`- ${s.title}`, `   ${s.when}`, `   ${s.placeName}`, ...s.address.map((a) => `   ${a}`), `   ${s.registration}`);
    if (s.note) lines.push(`   Note : ${s.note}`);
    lines.push(`   L’atelier en ligne : ${s.url}`, '');
  }
  if (fiche.professional.structure || fiche.professional.contact) {
    lines.push(`Orienté·e par : ${[fiche.professional.structure, fiche.professional.contact].filter(Boolean).join(' — ')}`, '');
  }
  lines.push(`Retrouvez ces lieux en ligne : ${fiche.shareUrl}`);
  return lines.join('\n');
}
