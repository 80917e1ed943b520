// An atelier as typed in the back-office form (or given by an import), checked into what is
// written, or a French message per field. Dates and times are wall times in the place's zone.
import type { AtelierLevel, FraisACharge, PublicSpecifiquementAdresse, RegistrationMode, Service } from '@prisma/client';
import { instantAt } from '@/lib/hours/zone';
import { isEmail } from '@/lib/mail';
import { FEE_LABELS, PUBLIC_LABELS, SERVICE_LABELS } from '@/lib/standard/enums';
import { normalisePhone } from '@/lib/import/normalize';
import { LEVEL_LABELS, REGISTRATION_LABELS } from './labels';
import { RULE_MESSAGES, ruleProblem, simpleRule } from './recurrence';

export type AtelierFields = Record<string, string | string[] | undefined>;

export type AtelierData = {
  title: string;
  summary: string;
  themes: Service[];
  publics: PublicSpecifiquementAdresse[];
  level: AtelierLevel | null;
  language: string;
  fee: FraisACharge;
  accessibilityNotes: string | null;
  startsAt: Date;
  endsAt: Date;
  rrule: string | null;
  capacity: number | null;
  registrationMode: RegistrationMode;
  registrationContact: string | null;
  online: boolean;
  stopId: string | null;
};

export type AtelierErrors = Partial<Record<string, string>>;
export type Checked = { ok: true; data: AtelierData } | { ok: false; errors: AtelierErrors };

export { LEVEL_LABELS, REGISTRATION_LABELS };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : (v ?? '')).trim();
const many = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

function pick<K extends string>(values: string[], labels: Record<K, string>): K[] | null {
  const keys = values.filter((v) => v in labels) as K[];
  return keys.length === values.length ? [...new Set(keys)] : null;
}

function wallInstant(timeZone: string, date: string, time: string): Date | null {
  const d = DATE.exec(date);
  const t = TIME.exec(time);
  if (!d || !t) return null;
  const [y, m, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const probe = new Date(Date.UTC(y, m - 1, day));
  if (probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== day) return null;
  return instantAt(timeZone, y, m, day, Number(t[1]), Number(t[2]));
}

function registration(mode: string, contact: string, errors: AtelierErrors): { mode: RegistrationMode; contact: string | null } {
  if (!(mode in REGISTRATION_LABELS)) {
    errors.registrationMode = 'Choisissez comment s’inscrire.';
    return { mode: 'NONE', contact: null };
  }
  const m = mode as RegistrationMode;
  if (m === 'PHONE') {
    const phone = normalisePhone(contact);
    if (!phone) errors.registrationContact = 'Indiquez le numéro à appeler pour s’inscrire (exemple : 02 41 00 00 00).';
    return { mode: m, contact: phone ?? null };
  }
  if (m === 'EMAIL' && !isEmail(contact)) errors.registrationContact = 'Indiquez l’adresse électronique où s’inscrire.';
  if (m === 'EXTERNAL' && !/^https:\/\/[^\s]+$/.test(contact)) errors.registrationContact = 'Indiquez le lien d’inscription (commençant par https://).';
  return { mode: m, contact: m === 'EMAIL' || m === 'EXTERNAL' ? contact : null };
}

function schedule(f: AtelierFields, timeZone: string, now: Date, errors: AtelierErrors) {
  const startsAt = wallInstant(timeZone, one(f.date), one(f.start));
  const endsAt = wallInstant(timeZone, one(f.date), one(f.end));
  if (!startsAt) errors.date = 'Indiquez la date et l’heure de début (jj/mm/aaaa, hh:mm).';
  else if (startsAt < now) errors.date = 'Cette date est passée : choisissez une date à venir.';
  if (!endsAt) errors.end = 'Indiquez l’heure de fin.';
  else if (startsAt && endsAt <= startsAt) errors.end = 'La fin doit être après le début.';
  const every = one(f.repetition) || 'none';
  let rrule: string | null = one(f.rrule) || null;
  if (!rrule) {
    if (!['none', 'weekly', 'biweekly', 'monthly'].includes(every)) errors.repetition = 'Choisissez une répétition.';
    else {
      const until = one(f.until);
      if (until && !DATE.test(until)) errors.until = 'Date de fin de répétition invalide.';
      rrule = simpleRule(every as 'none', until || null);
    }
  }
  if (rrule && startsAt && !errors.repetition && !errors.until) {
    const problem = ruleProblem(rrule, startsAt, timeZone);
    if (problem) errors[problem === 'unreadable' ? 'rrule' : 'until'] = RULE_MESSAGES[problem];
  }
  return { startsAt, endsAt, rrule };
}

/** Checks the form against the place's time zone and `now` (a new date must be to come). */
export function checkAtelier(f: AtelierFields, timeZone: string, now: Date): Checked {
  const errors: AtelierErrors = {};
  const title = one(f.title).replace(/\s+/g, ' ');
  if (title.length < 3 || title.length > 120) errors.title = 'Donnez un titre de 3 à 120 caractères.';
  const summary = one(f.summary);
  if (!summary || summary.length > 500) errors.summary = 'Décrivez l’atelier en 500 caractères au plus.';
  const themes = pick(many(f.themes), SERVICE_LABELS);
  if (!themes?.length) errors.themes = 'Choisissez au moins un thème dans la liste.';
  const publics = pick(many(f.publics), PUBLIC_LABELS);
  if (!publics) errors.publics = 'Public inconnu.';
  const level = one(f.level);
  if (level && !(level in LEVEL_LABELS)) errors.level = 'Niveau inconnu.';
  const fee = one(f.fee) || 'Gratuit';
  if (!(fee in FEE_LABELS)) errors.fee = 'Coût inconnu.';
  const language = one(f.language) || 'fr';
  if (!/^[a-z]{2,3}$/.test(language)) errors.language = 'Langue inconnue (code à deux lettres, exemple : fr).';
  const capacityText = one(f.capacity);
  const capacity = capacityText ? Number(capacityText) : null;
  if (capacity !== null && (!Number.isInteger(capacity) || capacity < 1 || capacity > 1000))
    errors.capacity = 'Le nombre de places doit être un entier entre 1 et 1000.';
  const reg = registration(one(f.registrationMode) || 'NONE', one(f.registrationContact), errors);
  if (reg.mode === 'REPERES' && capacity === null) errors.capacity = 'Indiquez le nombre de places pour inscrire sur Repères.';
  const when = schedule(f, timeZone, now, errors);
  if (Object.keys(errors).length || !when.startsAt || !when.endsAt) return { ok: false, errors };
  return {
    ok: true,
    data: {
      title,
      summary,
      themes: themes!,
      publics: publics ?? [],
      level: (level || null) as AtelierLevel | null,
      language,
      fee: fee as FraisACharge,
      accessibilityNotes: one(f.accessibilityNotes) || null,
      startsAt: when.startsAt,
      endsAt: when.endsAt,
      rrule: when.rrule,
      capacity,
      registrationMode: reg.mode,
      registrationContact: reg.contact,
      online: one(f.online) === 'on' || one(f.online) === 'true',
      stopId: one(f.stopId) || null,
    },
  };
}

/** What the back-office form gets back from its server action: the typed values and the errors. */
export type AtelierFormState = { status: 'idle' | 'invalid' | 'created' | 'pending'; values?: AtelierFields; errors?: AtelierErrors; slug?: string; warnings?: string[] };

/** The form's fields, read from a FormData (lists for the checkbox groups, text capped). */
export const ATELIER_TEXT_FIELDS = [
  'title',
  'summary',
  'level',
  'language',
  'fee',
  'accessibilityNotes',
  'date',
  'start',
  'end',
  'repetition',
  'until',
  'capacity',
  'registrationMode',
  'registrationContact',
  'online',
  'stopId',
] as const;
export const ATELIER_LIST_FIELDS = ['themes', 'publics'] as const;
