// Atelier sessions on the fiche d'orientation (issue #19): what a person needs to go to one —
// the atelier, its place (or stop, or « en ligne »), the date and time in the atelier's own time
// zone, and how to register. Only coming sessions, neither cancelled nor of a cancelled series,
// at published places: a session that no longer takes place is left out (the selection page
// says how many).
import type { PrismaClient } from '@prisma/client';
import { sessionWhen } from '@/lib/ateliers/format';
import { displayPhone } from './fiche-phone';

export const MAX_FICHE_SESSIONS = 8;

export type FicheSession = {
  id: string;
  title: string;
  /** « mardi 8 décembre 2026, 14 h 00 – 16 h 00 » (the zone named outside mainland France). */
  when: string;
  startsAt: string;
  placeName: string;
  placeUrl: string;
  /** The address lines, or « En ligne ». */
  address: string[];
  online: boolean;
  /** How to register, in one sentence; `registrationUrl` is its link when there is one. */
  registration: string;
  registrationUrl: string | null;
  url: string;
  note: string;
};

type Db = Pick<PrismaClient, 'atelierSession'>;

function howToRegister(mode: string, contact: string | null, url: string): { text: string; link: string | null } {
  if (mode === 'PHONE' && contact) return { text: `Inscription par téléphone : ${displayPhone(contact)}`, link: `tel:${contact}` };
  if (mode === 'EMAIL' && contact) return { text: `Inscription par courriel : ${contact}`, link: `mailto:${contact}` };
  if (mode === 'EXTERNAL' && contact && /^https?:\/\//i.test(contact)) return { text: `Inscription sur le site de l’organisateur : ${contact}`, link: contact };
  if (mode === 'REPERES') return { text: `Inscription en ligne, sans compte : ${url}`, link: url };
  return { text: 'Sans inscription : venir directement', link: null };
}

/** The sessions of `refs` that still take place, in the order asked, with what the fiche shows. */
export async function loadFicheSessions(db: Db, refs: Array<{ id: string; note?: string }>, baseUrl: string, now = new Date()): Promise<FicheSession[]> {
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
    const url = new URL(`/ateliers/${atelier.slug}`, baseUrl).toString();
    const where = stop
      ? [stop.label, stop.street, `${stop.postcode ?? ''} ${stop.commune}`.trim()]
      : [place.street, place.addressComplement, `${place.postcode} ${place.commune}`];
    const registration = howToRegister(atelier.registrationMode, atelier.registrationContact, url);
    return [
      {
        id: row.id,
        title: atelier.title,
        when: sessionWhen(row.startsAt, row.endsAt, atelier.timeZone),
        startsAt: row.startsAt.toISOString(),
        // Handed to a person: a fictional place of the demonstration set must say so.
        placeName: place.demo ? `${place.name} (lieu fictif de démonstration)` : place.name,
        placeUrl: new URL(`/lieux/${place.slug}`, baseUrl).toString(),
        address: atelier.online ? ['En ligne (à distance)'] : where.filter((v): v is string => !!v),
        online: atelier.online,
        registration: registration.text,
        registrationUrl: registration.link,
        url,
        note: refs.find((r) => r.id === id)?.note ?? '',
      },
    ];
  });
}
