// A revision's values in the words of the people who review them (the review queue, a place's
// history): hours as a week table, phones as dialled, web addresses without "https://", the
// standard's lists as the search's plain French, dates as dates. Never raw OSM hours.
import { hoursInWords, type HoursWords } from '@/lib/hours/words';
import { translator } from '@/lib/i18n';
import { listLabel } from '@/lib/i18n/words';
import { phoneText } from '@/lib/standard/phone';

export type ChangeShown = { kind: 'hours'; hours: HoursWords } | { kind: 'text'; text: string };

const FIELD_LABELS: Record<string, string> = {
  name: 'Nom',
  street: 'Adresse',
  addressComplement: 'Complément d’adresse',
  postcode: 'Code postal',
  commune: 'Commune',
  latitude: 'Latitude',
  longitude: 'Longitude',
  phone: 'Téléphone',
  emails: 'Adresses électroniques',
  websites: 'Sites web',
  appointmentUrl: 'Lien de rendez-vous',
  openingHours: 'Horaires',
  services: 'Services',
  supportModes: 'Accompagnement',
  fees: 'Frais',
  accessModes: 'Modalités d’accès',
  publics: 'Publics',
  specificSupport: 'Prises en charge spécifiques',
  summary: 'Résumé',
  presentation: 'Présentation',
  practicalInfo: 'Informations pratiques',
  closedFrom: 'Fermé à partir du',
  closedUntil: 'Fermé jusqu’au',
  closureMessage: 'Message de fermeture',
  dateMaj: 'Dernière confirmation',
  status: 'Statut',
};

const LIST_FAMILIES: Record<string, Parameters<typeof listLabel>[1]> = {
  services: 'service',
  supportModes: 'supportMode',
  fees: 'fee',
  accessModes: 'access',
  publics: 'public',
  specificSupport: 'specific',
};

const STATUS_WORDS: Record<string, string> = { PUBLISHED: 'Publiée', DRAFT: 'Brouillon', ARCHIVED: 'Archivée' };

/** "Téléphone" for "phone"; a field it does not know (an atelier's session) as given. */
export const fieldLabel = (field: string) => FIELD_LABELS[field] ?? field;

const EMPTY = '(vide)';

/** One value of a revision, in words. */
export function changeWords(field: string, value: unknown): ChangeShown {
  if (field === 'openingHours') return { kind: 'hours', hours: hoursInWords(typeof value === 'string' ? value : null) };
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length)) return { kind: 'text', text: EMPTY };
  const t = translator('fr');
  const family = LIST_FAMILIES[field];
  if (family && Array.isArray(value)) return { kind: 'text', text: value.map((v) => listLabel(t, family, String(v))).join(', ') };
  if (field === 'phone') return { kind: 'text', text: phoneText(String(value)) };
  if (field === 'websites' && Array.isArray(value))
    return {
      kind: 'text',
      text: value
        .map((v) =>
          String(v)
            .replace(/^https?:\/\//i, '')
            .replace(/\/$/, ''),
        )
        .join(', '),
    };
  if (field === 'status') return { kind: 'text', text: STATUS_WORDS[String(value)] ?? String(value) };
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return { kind: 'text', text: value.split('-').reverse().join('/') };
  return { kind: 'text', text: Array.isArray(value) ? value.join(', ') : String(value) };
}
