// The demonstration network's ateliers: realistic series at its fictional places (mostly around
// Cholet), dated from the seed's day so the agenda always has coming sessions. The first session
// of « Prendre en main son smartphone » is tomorrow at 14:00 (Paris), which the end-to-end test of
// /ateliers relies on; its third session is cancelled, to show a cancelled session.
import type { Prisma } from '@prisma/client';
import { syncSessions } from '../lib/ateliers/sessions';
import { instantAt, wallTimeIn } from '../lib/hours/zone';

type DemoAtelier = Omit<Prisma.AtelierCreateManyInput, 'placeId' | 'startsAt' | 'endsAt' | 'timeZone'> & {
  place: string;
  /** days after the seed's day (Paris), hour and minutes of the first session, duration in minutes */
  first: { inDays: number; hour: number; minute: number; minutes: number };
  cancelNth?: number;
};

export const DEMO_ATELIERS: DemoAtelier[] = [
  {
    place: 'Centre social des Genêts (fictif)',
    slug: 'prendre-en-main-son-smartphone-cholet',
    title: 'Prendre en main son smartphone',
    summary:
      'Allumer, appeler, envoyer un message, prendre une photo, régler le volume : les gestes de base, à son rythme, en petit groupe. Apportez votre téléphone chargé.',
    themes: ['MaitriseDesOutilsNumeriquesDuQuotidien'],
    publics: ['Seniors'],
    level: 'Debutant',
    fee: 'Gratuit',
    accessibilityNotes: 'Salle de plain-pied, boucle magnétique sur demande.',
    first: { inDays: 1, hour: 14, minute: 0, minutes: 120 },
    rrule: 'FREQ=WEEKLY;COUNT=12',
    capacity: 8,
    registrationMode: 'REPERES',
    cancelNth: 3,
  },
  {
    place: 'Médiathèque du Bocage (fictif)',
    slug: 'smartphone-photos-et-messages-cholet',
    title: 'Smartphone : photos et messages à la famille',
    summary: 'Envoyer des photos à ses petits-enfants, rejoindre un groupe de messagerie, faire un appel vidéo.',
    themes: ['MaitriseDesOutilsNumeriquesDuQuotidien', 'LoisirsEtCreationsNumeriques'],
    publics: ['Seniors', 'FamillesEnfants'],
    level: 'Intermediaire',
    fee: 'Gratuit',
    first: { inDays: 3, hour: 10, minute: 0, minutes: 90 },
    rrule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=6',
    capacity: 6,
    registrationMode: 'PHONE',
    registrationContact: '+33241000000',
  },
  {
    place: 'Cyber-espace du Planty (fictif)',
    slug: 'demarches-caf-en-ligne-cholet',
    title: 'Faire ses démarches CAF en ligne',
    summary: 'Créer son compte, déclarer ses ressources trimestrielles, suivre ses paiements. Apportez vos identifiants si vous en avez.',
    themes: ['AideAuxDemarchesAdministratives'],
    fee: 'Gratuit',
    first: { inDays: 2, hour: 9, minute: 30, minutes: 120 },
    rrule: 'FREQ=WEEKLY;COUNT=10',
    capacity: 10,
    registrationMode: 'REPERES',
  },
  {
    place: 'Point information jeunesse du Choletais (fictif)',
    slug: 'cv-et-candidatures-en-ligne-cholet',
    title: 'CV et candidatures en ligne',
    summary: 'Mettre son CV en forme, créer son profil sur les sites d’offres, répondre à une annonce par courriel.',
    themes: ['InsertionProfessionnelleViaLeNumerique'],
    publics: ['Jeunes'],
    fee: 'Gratuit',
    first: { inDays: 4, hour: 16, minute: 0, minutes: 120 },
    rrule: 'FREQ=WEEKLY;COUNT=8',
    registrationMode: 'NONE',
  },
  {
    place: 'Espace numérique des Tilleuls',
    slug: 'arnaques-et-mots-de-passe-angers',
    title: 'Sécurité en ligne : arnaques et mots de passe',
    summary: 'Reconnaître un faux message, choisir et retenir ses mots de passe, protéger son compte de messagerie.',
    themes: ['UtilisationSecuriseeDuNumerique'],
    fee: 'Gratuit',
    first: { inDays: 5, hour: 18, minute: 0, minutes: 90 },
    rrule: 'FREQ=MONTHLY;COUNT=4',
    capacity: 15,
    registrationMode: 'REPERES',
  },
  {
    place: 'Mauges Numérique Solidaire (fictif)',
    slug: 'visio-en-famille-en-ligne',
    title: 'Faire une visio avec sa famille (à distance)',
    summary: 'Un atelier en ligne pour apprendre à rejoindre un appel vidéo : le lien est envoyé la veille.',
    themes: ['MaitriseDesOutilsNumeriquesDuQuotidien'],
    fee: 'Gratuit',
    online: true,
    first: { inDays: 6, hour: 15, minute: 0, minutes: 60 },
    capacity: 12,
    registrationMode: 'REPERES',
  },
];

/** Inserts the demo ateliers at the places of `placeIdByName` (absent places are skipped). */
export async function seedDemoAteliers(tx: Prisma.TransactionClient, placeIdByName: Map<string, string>, now: Date): Promise<number> {
  const today = wallTimeIn('Europe/Paris', now);
  let count = 0;
  for (const { place, first, cancelNth, ...atelier } of DEMO_ATELIERS) {
    const placeId = placeIdByName.get(place);
    if (!placeId) continue;
    const day = new Date(Date.UTC(today.year, today.month - 1, today.day + first.inDays));
    const startsAt = instantAt('Europe/Paris', day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), first.hour, first.minute);
    const created = await tx.atelier.create({
      data: { ...atelier, placeId, timeZone: 'Europe/Paris', startsAt, endsAt: new Date(startsAt.getTime() + first.minutes * 60_000) },
    });
    await syncSessions(tx, created, now);
    if (cancelNth) {
      const nth = await tx.atelierSession.findMany({ where: { atelierId: created.id }, orderBy: { startsAt: 'asc' }, skip: cancelNth - 1, take: 1 });
      if (nth[0]) await tx.atelierSession.update({ where: { id: nth[0].id }, data: { cancelledAt: now } });
    }
    count++;
  }
  return count;
}
