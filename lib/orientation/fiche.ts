// The fiche d'orientation: what a professional hands to a beneficiary. The request carries the
// selection and what the professional typed; nothing about the person is stored on the server.
// In the beneficiary's language (issue #20): what the interface says (hours, access, closures,
// links to the pages in that language); what the places wrote (name, address, comments) stays
// as written, in French, and the views mark it so.
import type { PrismaClient } from '@prisma/client';
import { z } from 'zod';
import { presentHours } from '@/lib/hours/present';
import { DEFAULT_LOCALE, localizedHref, plainLtr, translator, type Locale, type MessageKey } from '@/lib/i18n';
import { listLabel } from '@/lib/i18n/words';
import { temporaryClosure } from '@/lib/places/closure';
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
  /** As the place wrote it; `demo`: a fictional place of the demonstration set, which the fiche must say. */
  name: string;
  demo: boolean;
  address: string[];
  phone: string | null;
  email: string | null;
  website: string | null;
  hours: Array<{ day: string; text: string }> | null;
  hoursComment: string | null;
  access: string[];
  appointmentUrl: string | null;
  practicalInfo: string | null;
  /** A temporary closure in the fiche's language, and the place's own message about it. */
  closure: string | null;
  closureMessage: string | null;
  services: string[];
  url: string;
  note: string;
};

export type Fiche = Omit<FicheRequest, 'places' | 'sessions'> & {
  places: FichePlace[];
  sessions: FicheSession[];
  createdAt: Date;
  shareUrl: string;
  /** The beneficiary's language: the PDF's words (French when absent). */
  locale?: Locale;
};

export { displayPhone };

/** How to get in, as the fiche says it to the person (a sentence each; « aucun public » is not said). */
const ACCESS_KEYS = new Set(['SePresenter', 'Telephoner', 'ContacterParMail', 'PrescriptionParMail', 'PrendreRdvEnLigne']);

export function shareLink(baseUrl: string, slugs: string[], sessionIds: string[] = [], locale: Locale = DEFAULT_LOCALE) {
  const url = new URL(localizedHref(locale, '/orienter/fiche'), baseUrl);
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
  locale: Locale = DEFAULT_LOCALE,
): Promise<FichePlace[]> {
  const t = translator(locale);
  const ids = refs.map((r) => r.id).filter((v): v is string => !!v);
  const slugs = refs.map((r) => r.slug).filter((v): v is string => !!v);
  const rows = await db.place.findMany({ where: { status: 'PUBLISHED', OR: [{ id: { in: ids } }, { slug: { in: slugs } }] } });
  const places: FichePlace[] = [];
  for (const ref of refs) {
    const row = rows.find((r) => (ref.id && r.id === ref.id) || (ref.slug && r.slug === ref.slug));
    if (!row || places.some((p) => p.id === row.id)) continue;
    const hours = presentHours(row.openingHours, row.timeZone, now, locale);
    const closure = temporaryClosure(row, now, row.timeZone, locale);
    places.push({
      id: row.id,
      slug: row.slug,
      name: row.name,
      // Handed to a person: a fictional place of the demonstration set must say so.
      demo: row.demo,
      address: [row.street, row.addressComplement, `${row.postcode} ${row.commune}`].filter((v): v is string => !!v),
      phone: row.phone ? displayPhone(row.phone) : null,
      email: row.emails[0] ?? null,
      website: row.websites[0] ?? null,
      hours: hours.known ? hours.week.map((d) => ({ day: d.day, text: d.text })) : null,
      hoursComment: hours.known ? hours.comment : null,
      access: row.accessModes.filter((m) => ACCESS_KEYS.has(m)).map((m) => t(`orient.access.${m}` as MessageKey)),
      appointmentUrl: row.appointmentUrl,
      practicalInfo: row.practicalInfo,
      closure: closure?.title ?? null,
      closureMessage: closure?.message || null,
      services: row.services.map((s) => listLabel(t, 'service', s)),
      url: new URL(localizedHref(locale, `/lieux/${row.slug}`), baseUrl).toString(),
      note: ref.note ?? '',
    });
  }
  return places;
}

export async function buildFiche(db: PrismaClient, request: FicheRequest, baseUrl: string, now = new Date(), locale: Locale = DEFAULT_LOCALE): Promise<Fiche> {
  const [places, sessions] = await Promise.all([
    loadFichePlaces(db, request.places, baseUrl, now, locale),
    loadFicheSessions(db, request.sessions, baseUrl, now, locale),
  ]);
  return {
    ...request,
    places,
    sessions,
    createdAt: now,
    locale,
    shareUrl: shareLink(
      baseUrl,
      places.map((p) => p.slug),
      sessions.map((s) => s.id),
      locale,
    ),
  };
}

/**
 * The fiche as plain text, for the email body (the PDF is attached), in the fiche's language (French
 * when absent): the places' own words stay as written; in Arabic and Dari the phones are marked left
 * to right (`plainLtr`, lib/i18n).
 */
export function ficheText(fiche: Fiche): string {
  const t = translator(fiche.locale ?? DEFAULT_LOCALE);
  const demo = ` ${t('orient.fiche.demo')}`;
  const lines: string[] = [];
  lines.push(fiche.firstName ? t('orient.mail.hello', { name: fiche.firstName }) : t('orient.mail.helloAnyone'), '');
  if (fiche.need) lines.push(`${t('orient.fiche.need')} ${fiche.need}`, '');
  if (fiche.places.length) lines.push(t('orient.send.places', { count: fiche.places.length }), '');
  for (const [i, p] of fiche.places.entries()) {
    lines.push(`${i + 1}. ${p.name}${p.demo ? demo : ''}`, ...p.address.map((a) => `   ${a}`));
    if (p.closure)
      lines.push(
        `   ${t('orient.fiche.attention')} ${p.closureMessage ? t('orient.send.closure', { closure: p.closure, message: p.closureMessage }) : p.closure}`,
      );
    if (p.phone) lines.push(`   ${t('place.phone')} ${plainLtr(t, p.phone)}`);
    if (p.hours) for (const d of p.hours) lines.push(`   ${t('orient.fiche.dayHours', { day: d.day, hours: d.text })}`);
    else lines.push(`   ${t('orient.fiche.hoursAsk')}`);
    for (const a of p.access) lines.push(`   ${a}`);
    if (p.practicalInfo) lines.push(`   ${t('orient.fiche.practical')} ${p.practicalInfo.replace(/\s+/g, ' ')}`);
    if (p.note) lines.push(`   ${t('orient.fiche.note')} ${p.note}`);
    lines.push(`   ${t('orient.fiche.online')} ${p.url}`, '');
  }
  if (fiche.sessions.length) lines.push(t('orient.send.sessions', { count: fiche.sessions.length }), '');
  for (const s of fiche.sessions) {
    lines.push(`- ${s.title}`, `   ${s.when}`, `   ${s.placeName}${s.placeDemo ? demo : ''}`, ...s.address.map((a) => `   ${a}`), `   ${s.registration}`);
    if (s.note) lines.push(`   ${t('orient.fiche.note')} ${s.note}`);
    lines.push(`   ${t('orient.fiche.atelierOnline')} ${s.url}`, '');
  }
  if (fiche.professional.structure || fiche.professional.contact) {
    lines.push(t('orient.send.orientedBy', { who: [fiche.professional.structure, fiche.professional.contact].filter(Boolean).join(' — ') }), '');
  }
  lines.push(t('orient.send.online', { url: fiche.shareUrl }));
  return lines.join('\n');
}
