// What a place's contact sends from the campaign page, read into the place's fields with a French
// message per field: the phone in any common writing (lib/standard/phone.ts), web addresses with
// or without "https://", the week's grid (lib/hours/grid-form.ts: never OSM syntax typed by a
// person; the OSM value is written here, or the current one kept when the grid cannot show it),
// and the services, publics and access modes as the search's checkboxes.
import { gridToOsm } from '@/lib/hours/editor';
import { formGrid, GRID_FIELDS, readGridForm } from '@/lib/hours/grid-form';
import { parseSection } from '@/lib/editing/sections';
import { parsePhone } from '@/lib/standard/phone';
import { ACCESS_MODE_LABELS, PUBLIC_LABELS, SERVICE_LABELS } from '@/lib/standard/enums';
import { CORRECTION_TEXT_FIELDS, EMPTY_WEEK, LISTS_SHOWN } from './correction-fields';

/** The form's values: text fields as strings, checkboxes as arrays. */
export type CorrectionValues = Record<string, string | string[]>;

/** The lists the contact ticks, with the family of their plain-French words (lib/i18n/words.ts). */
export const CORRECTION_LISTS = {
  services: { labels: SERVICE_LABELS, family: 'service', legend: 'Ce que vous proposez' },
  publics: { labels: PUBLIC_LABELS, family: 'public', legend: 'Les publics que vous accueillez en particulier' },
  accessModes: { labels: ACCESS_MODE_LABELS, family: 'access', legend: 'Comment venir ou vous joindre' },
} as const;
export type CorrectionList = keyof typeof CORRECTION_LISTS;

/** How the empty week's answers are stored. */
const EMPTY_WEEK_VALUES: Record<string, string> = { 'rendez-vous': '"sur rendez-vous"', ferme: 'off' };

export type CurrentPlace = {
  openingHours: string | null;
  postcode: string;
  websites: string[];
  appointmentUrl: string | null;
  services: string[];
  publics: string[];
  accessModes: string[];
};

const text = (values: CorrectionValues, name: string) => {
  const v = values[name];
  return (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).slice(0, 5000);
};
const list = (values: CorrectionValues, name: string) => {
  const v = values[name];
  return (Array.isArray(v) ? v : v ? [v] : []).slice(0, 50);
};

/** "www.exemple.fr" as typed gets its "https://"; one the place already lists keeps its own form. */
function webAddresses(typed: string, current: string[]): string {
  const bare = (url: string) =>
    url
      .replace(/^https?:\/\//i, '')
      .replace(/\/$/, '')
      .toLowerCase();
  return typed
    .split(/[\n,;\s]+/)
    .map((v) => v.trim())
    .filter(Boolean)
    .map((v) => current.find((c) => bare(c) === bare(v)) ?? (/^https?:\/\//i.test(v) ? v : `https://${v}`))
    .join('\n');
}

/** The hours the grid says, or the current value kept (nothing typed where the grid cannot show it). */
function readHours(values: CorrectionValues, current: string | null): { value: string | null } | { errors: Record<string, string> } {
  const reading = readGridForm((name) => text(values, name));
  if (Object.keys(reading.errors).length) return { errors: reading.errors };
  if (!reading.empty) {
    // The grid as the page filled it: the stored value stays as it is written (same hours, maybe grouped otherwise).
    const shown = formGrid(current);
    const value = gridToOsm(reading.grid);
    return { value: shown && gridToOsm(shown) === value ? current : value };
  }
  const answer = text(values, EMPTY_WEEK);
  if (answer && !(answer in EMPTY_WEEK_VALUES)) return { errors: { [EMPTY_WEEK]: 'Choisissez une des deux réponses proposées.' } };
  if (answer) return { value: EMPTY_WEEK_VALUES[answer] };
  // An empty grid says nothing about hours it could not show, nor about hours never given.
  if (!current?.trim() || !formGrid(current)) return { value: current };
  return { errors: { [EMPTY_WEEK]: 'Le tableau des horaires est vide : recevez-vous sur rendez-vous uniquement, ou le lieu est-il fermé en ce moment ?' } };
}

/** The place's fields the contact's form says, or the errors by field. */
export function readCorrection(
  values: CorrectionValues,
  current: CurrentPlace,
): { ok: true; data: Record<string, unknown> } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const contact = parseSection('contact', {
    phone: '',
    emails: text(values, 'emails'),
    websites: webAddresses(text(values, 'websites'), current.websites),
    appointmentUrl: webAddresses(text(values, 'appointmentUrl').trim(), current.appointmentUrl ? [current.appointmentUrl] : []),
  });
  if (!contact.ok) Object.assign(errors, contact.errors);
  const typedPhone = text(values, 'phone').trim();
  const phone = typedPhone ? parsePhone(typedPhone, current.postcode) : null;
  if (typedPhone && !phone)
    errors.phone = 'Ce numéro de téléphone n’est pas valable : écrivez-le comme vous le donnez (exemple : 02 41 00 00 00, ou +32 2 555 12 12 hors de France).';
  const hours = readHours(values, current.openingHours);
  if ('errors' in hours) Object.assign(errors, hours.errors);
  const data: Record<string, unknown> = { ...(contact.ok ? contact.data : {}), phone };
  if ('value' in hours) data.openingHours = hours.value;
  if (text(values, LISTS_SHOWN)) {
    for (const [field, { labels }] of Object.entries(CORRECTION_LISTS)) {
      const ticked = list(values, field);
      if (ticked.some((v) => !(v in labels))) errors[field] = 'Un des choix envoyés n’existe pas : rechargez la page.';
      // In the lists' own order, once each.
      else {
        const chosen = Object.keys(labels).filter((key) => ticked.includes(key));
        const before = current[field as CorrectionList];
        // The same choices in another order are no change.
        data[field] = chosen.length === before.length && chosen.every((key) => before.includes(key)) ? before : chosen;
      }
    }
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, data };
}

/** The form's values as posted (text cut to 5,000 characters, lists to 50 choices): what is read, and what the form shows again. */
export function correctionFormValues(form: FormData): CorrectionValues {
  const values: CorrectionValues = {};
  for (const name of [...CORRECTION_TEXT_FIELDS, ...GRID_FIELDS, EMPTY_WEEK, LISTS_SHOWN]) values[name] = String(form.get(name) ?? '').slice(0, 5000);
  for (const name of Object.keys(CORRECTION_LISTS))
    values[name] = form
      .getAll(name)
      .map((v) => String(v).slice(0, 100))
      .slice(0, 50);
  return values;
}
