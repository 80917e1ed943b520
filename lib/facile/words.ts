// Easy-to-read French ("Facile à lire et à comprendre", FALC) for the /facile pages: the
// standard's closed lists said in common words, one short sentence each. They differ from the
// plain words of the standard pages (lib/standard/plain-words.ts): shorter, addressed to the
// person ("vous"), examples without abbreviations. Written following Inclusion Europe's
// "Information for all"; still to be checked by readers with intellectual disabilities
// (docs/accessibility.md).
import type { FraisACharge, ModaliteAcces, Service } from '@prisma/client';

/** The pictogram drawn beside each need (components/facile/Pictograms.tsx). */
export type NeedPictogram = 'papers' | 'device' | 'job' | 'shield' | 'family' | 'camera' | 'idea' | 'printer' | 'computer';

export type NeedWords = { label: string; example: string; pictogram: NeedPictogram };

/** Each need, in the order the home page shows them: the most asked for first. */
export const NEED_WORDS: Record<Service, NeedWords> = {
  AideAuxDemarchesAdministratives: {
    label: 'Faire mes papiers sur internet',
    example: 'Par exemple : les impôts, la retraite, les allocations.',
    pictogram: 'papers',
  },
  MaitriseDesOutilsNumeriquesDuQuotidien: {
    label: 'Apprendre à utiliser un ordinateur ou un téléphone',
    example: 'Par exemple : envoyer un message.',
    pictogram: 'device',
  },
  AccesInternetEtMaterielInformatique: {
    label: 'Utiliser un ordinateur ou une imprimante',
    example: 'Vous pouvez aussi aller sur internet.',
    pictogram: 'printer',
  },
  InsertionProfessionnelleViaLeNumerique: { label: 'Chercher un travail sur internet', example: 'Par exemple : répondre à une annonce.', pictogram: 'job' },
  UtilisationSecuriseeDuNumerique: { label: 'Me protéger des arnaques sur internet', example: 'Par exemple : choisir un mot de passe.', pictogram: 'shield' },
  ParentaliteEtEducationAvecLeNumerique: {
    label: 'Aider mes enfants avec internet',
    example: 'Par exemple : suivre l’école sur internet.',
    pictogram: 'family',
  },
  MaterielInformatiqueAPrixSolidaire: {
    label: 'Acheter un ordinateur pas cher',
    example: 'Ce sont des ordinateurs déjà utilisés et réparés.',
    pictogram: 'computer',
  },
  ComprehensionDuMondeNumerique: { label: 'Comprendre internet', example: 'Par exemple : savoir si une information est vraie.', pictogram: 'idea' },
  LoisirsEtCreationsNumeriques: { label: 'Faire des photos, des vidéos ou des jeux', example: 'Pour le plaisir.', pictogram: 'camera' },
};

export const NEEDS = Object.entries(NEED_WORDS).map(([key, words]) => ({ key: key as Service, ...words }));

/** How to come: one sentence per way the place takes people in. */
export const ACCESS_WORDS: Record<ModaliteAcces, string> = {
  SePresenter: 'Vous pouvez venir sans rendez-vous.',
  Telephoner: 'Vous pouvez téléphoner pour prendre rendez-vous.',
  ContacterParMail: 'Vous pouvez écrire un courriel pour prendre rendez-vous.',
  PrescriptionParMail: 'Une personne qui vous aide déjà doit écrire au lieu avant.',
  PrendreRdvEnLigne: 'Vous pouvez prendre rendez-vous sur internet.',
  PasDePublic: 'Ce lieu ne reçoit pas de public.',
};

/** Free or not, in one or two short sentences ("C’est gratuit."), or null when the place did not say. */
export function feeWords(fees: FraisACharge[]): string[] | null {
  if (fees.includes('Gratuit')) return ['C’est gratuit.'];
  if (fees.includes('GratuitSousCondition')) return ['C’est gratuit pour certaines personnes.', 'Demandez au lieu.'];
  if (fees.includes('Payant')) return ['C’est payant.', 'Demandez le prix au lieu.'];
  return null;
}

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const WEEKDAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

/** "le mardi 15 décembre" from an ISO date (numbers in digits, no abbreviation). */
export function dayWords(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const weekday = WEEKDAYS[(new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7];
  return `le ${weekday} ${d === 1 ? '1er' : d} ${MONTHS[m - 1]}`;
}

/** "02 41 00 00 00" for a French number, the number as given otherwise. */
export function phoneWords(phone: string): string {
  const national = phone.replace(/^\+33/, '0').replace(/[\s.-]/g, '');
  return /^0\d{9}$/.test(national) ? national.replace(/(\d{2})(?=\d)/g, '$1 ').trim() : phone;
}

/** The tel: link of a phone number (spaces and dots removed). */
export function phoneHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

const KM = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** "À 300 mètres", "À 1,2 kilomètre", "À 12 kilomètres": distances in words, never "km". */
export function distanceWords(km: number): string {
  if (km < 1) return `À ${Math.max(50, Math.round((km * 1000) / 50) * 50)} mètres`;
  const rounded = km < 10 ? Math.round(km * 10) / 10 : Math.round(km);
  return `À ${KM.format(rounded)} kilomètre${rounded >= 2 ? 's' : ''}`;
}
