// Atelier sessions on the fiche d'orientation (issue #19): what a person needs to go to one —
// the atelier, its place (or stop, or « en ligne »), the date and time in the atelier's own time
// zone, and how to register. Only coming sessions, neither cancelled nor of a cancelled series,
// at published places: a session that no longer takes place is left out (the selection page
// says how many).
import type { PrismaClient } from '@prisma/client';
import { sessionWhen } from '@/lib/ateliers/format';
import { DEFAULT_LOCALE, INTL_LOCALES, localizedHref, translator, type Locale, type Translator } from '@/lib/i18n';
import { displayPhone } from './fiche-phone';

export const MAX_FICHE_SESSIONS = 8;

export type FicheSession = {
  id: string;
  title: string;
  /** « mardi 8 décembre 2026, 14 h 00 – 16 h 00 » (the zone named outside mainland France). */
  when: string;
  startsAt: string;
  /** The place's name as written; `placeDemo`: a fictional place, which the fiche must say. */
  placeName: string;
  placeDemo: boolean;
  placeUrl: string;
  /** The address lines (as the place wrote them), or « En ligne » in the fiche's language when `online`. */
  address: string[];
  online: boolean;
  /** How to register, in one sentence; `registrationUrl` is its link when there is one. */
  registration: string;
  registrationUrl: string | null;
  url: string;
  note: string;
};

type Db = Pick<PrismaClient, 'atelierSession'>;

function howToRegister(t: Translator, mode: string, contact: string | null, url: string): { text: string; link: string | null } {
  if (mode === 'PHONE' && contact) return { text: t('orient.register.PHONE', { contact: displayPhone(contact) }), link: `tel:${contact}` };
  if (mode === 'EMAIL' && contact) return { text: t('orient.register.EMAIL', { contact }), link: `mailto:${contact}` };
  if (mode === 'EXTERNAL' && contact && /^https?:\/\//i.test(contact)) return { text: t('orient.register.EXTERNAL', { contact }), link: contact };
  if (mode === 'REPERES') return { text: t('orient.register.REPERES', { contact: url }), link: url };
  return { text: t('orient.register.NONE'), link: null };
}

/** « mardi 8 décembre 2026, 14 h 00 – 16 h 00 » in French (lib/ateliers/format.ts); Intl's words and times in the other languages. */
export function sessionWhenIn(locale: Locale, startsAt: Date, endsAt: Date, timeZone: string): string {
  if (locale === DEFAULT_LOCALE) return sessionWhen(startsAt, endsAt, timeZone);
  const intl = INTL_LOCALES[locale];
  const day = new Intl.DateTimeFormat(intl, { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(startsAt);
  const time = new Intl.DateTimeFormat(intl, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const zone = timeZone === 'Europe/Paris' ? '' : ` ${translator(locale)('orient.fiche.localTime', { zone: timeZone.split('/').pop()!.replace(/_/g, ' ') })}`;
  return `${day}, ${time.format(startsAt)} – ${time.format(endsAt)}${zone}`;
}

/** The sessions of `refs` that still take place, in the order asked, with what the fiche shows. */
export async function loadFicheSessions(
  db: Db,
  refs: Array<{ id: string; note?: string }>,
  baseUrl: string,
  now = new Date(),
  locale: Locale = DEFAULT_LOCALE,
): Promise<FicheSession[]> {
  const t = translator(locale);
  const ids = [...new Set(refs.map((r) => r.id).filter((id) => /^[0-9a-f-]{36}$/i.test(id)))].slice(0, MAX_FICHE_SESSIONS);
  if (ids.length === 0) return [];
  const rows = await db.atelierSession.findMany({
    where: {
      id: { in: ids },
      cancelledAt: null,
      endsAt: { gt: now },
      atelier: { cancelledAt: null, place: { status: 'PUBLISHED', archivedAt: null } },
    },
    include: {
      atelier: {
        include: {
          place: { select: { name: true, slug: true, street: true, addressComplement: true, postcode: true, commune: true, demo: true } },
          stop: { select: { label: true, street: true, postcode: true, commune: true } },
        },
      },
    },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const { atelier } = row;
    const { place, stop } = atelier;
    const url = new URL(localizedHref(locale, `/ateliers/${atelier.slug}`), baseUrl).toString();
    const where = stop
      ? [stop.label, stop.street, `${stop.postcode ?? ''} ${stop.commune}`.trim()]
      : [place.street, place.addressComplement, `${place.postcode} ${place.commune}`];
    const registration = howToRegister(t, atelier.registrationMode, atelier.registrationContact, url);
    return [
      {
        id: row.id,
        title: atelier.title,
        when: sessionWhenIn(locale, row.startsAt, row.endsAt, atelier.timeZone),
        startsAt: row.startsAt.toISOString(),
        placeName: place.name,
        // Handed to a person: a fictional place of the demonstration set must say so.
        placeDemo: place.demo,
        placeUrl: new URL(localizedHref(locale, `/lieux/${place.slug}`), baseUrl).toString(),
        address: atelier.online ? [t('orient.fiche.remote')] : where.filter((v): v is string => !!v),
        online: atelier.online,
        registration: registration.text,
        registrationUrl: registration.link,
        url,
        note: refs.find((r) => r.id === id)?.note ?? '',
      },
    ];
  });
}
