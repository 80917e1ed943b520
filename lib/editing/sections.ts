// The sections of the place editor: each saved on its own, validated by the same zod schema on
// the client and the server, with French messages.
import { z } from 'zod';
import { isValidHours } from '../hours';
import { normalisePhone } from '../import/normalize';
import { ACCESS_MODE_LABELS, FEE_LABELS, PUBLIC_LABELS, SERVICE_LABELS, SPECIFIC_SUPPORT_LABELS, SUPPORT_MODE_LABELS } from '../standard/enums';

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} : ${max} caractères au plus.`)
    // Browsers submit line breaks as CRLF: store them as plain newlines.
    .transform((v) => (v === '' ? null : v.replace(/\r\n?/g, '\n')));

const keys = <T extends Record<string, string>>(labels: T) =>
  z.array(z.enum(Object.keys(labels) as [keyof T & string, ...Array<keyof T & string>])).default([]);

const lines = (validate: (v: string) => boolean, message: string) =>
  z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(/[\n,;]+/)
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .refine((list) => list.every(validate), message);

export const SECTIONS = {
  identite: {
    title: 'Identité et adresse',
    schema: z.object({
      name: z.string().trim().min(2, 'Le nom est obligatoire.').max(200, 'Nom : 200 caractères au plus.'),
      street: z.string().trim().min(2, 'L’adresse est obligatoire.').max(300, 'Adresse trop longue.'),
      addressComplement: optionalText(300, 'Complément'),
      postcode: z
        .string()
        .trim()
        .regex(/^\d{5}$/, 'Le code postal a 5 chiffres (exemple : 49100).'),
      commune: z.string().trim().min(1, 'La commune est obligatoire.').max(150, 'Commune trop longue.'),
      latitude: z.coerce.number({ error: 'Latitude invalide.' }).min(-90, 'Latitude invalide.').max(90, 'Latitude invalide.').nullable(),
      longitude: z.coerce.number({ error: 'Longitude invalide.' }).min(-180, 'Longitude invalide.').max(180, 'Longitude invalide.').nullable(),
    }),
  },
  contact: {
    title: 'Contact',
    schema: z.object({
      phone: z
        .string()
        .trim()
        .transform((v, ctx) => {
          if (v === '') return null;
          const phone = normalisePhone(v);
          if (!phone) ctx.addIssue({ code: 'custom', message: 'Numéro de téléphone invalide (exemple : 02 41 00 00 00).' });
          return phone;
        }),
      emails: lines((v) => /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i.test(v), 'Une des adresses électroniques est invalide.'),
      websites: lines((v) => /^https?:\/\/[^\s.]+\.[^\s]+$/.test(v), 'Chaque site doit commencer par https:// (exemple : https://www.exemple.fr).'),
      appointmentUrl: optionalText(500, 'Lien de rendez-vous').refine(
        (v) => v === null || /^https?:\/\//.test(v),
        'Le lien de rendez-vous doit commencer par https://.',
      ),
    }),
  },
  horaires: {
    title: 'Horaires',
    schema: z.object({
      openingHours: optionalText(1000, 'Horaires').refine(
        (v) => v === null || isValidHours(v),
        'Ces horaires ne sont pas lisibles. Utilisez l’éditeur ou le format OpenStreetMap (exemple : Mo-Fr 09:00-12:00; Sa 10:00-12:00).',
      ),
    }),
  },
  services: {
    title: 'Services et accompagnement',
    schema: z.object({
      services: keys(SERVICE_LABELS),
      supportModes: keys(SUPPORT_MODE_LABELS),
      fees: keys(FEE_LABELS),
      accessModes: keys(ACCESS_MODE_LABELS),
    }),
  },
  publics: {
    title: 'Publics',
    schema: z.object({ publics: keys(PUBLIC_LABELS), specificSupport: keys(SPECIFIC_SUPPORT_LABELS) }),
  },
  presentation: {
    title: 'Présentation',
    schema: z.object({
      summary: optionalText(280, 'Résumé'),
      presentation: optionalText(5000, 'Présentation'),
      practicalInfo: optionalText(1000, 'Informations pratiques'),
    }),
  },
  fermeture: {
    title: 'Fermeture temporaire',
    schema: z
      .object({
        closedFrom: z
          .string()
          .trim()
          .transform((v) => (v ? new Date(`${v}T00:00:00Z`) : null)),
        closedUntil: z
          .string()
          .trim()
          .transform((v) => (v ? new Date(`${v}T00:00:00Z`) : null)),
        closureMessage: optionalText(300, 'Message'),
      })
      .refine((v) => !v.closedFrom || !v.closedUntil || v.closedFrom <= v.closedUntil, {
        message: 'La date de fin doit suivre la date de début.',
        path: ['closedUntil'],
      }),
  },
} as const;

export type SectionId = keyof typeof SECTIONS;
export const SECTION_IDS = Object.keys(SECTIONS) as SectionId[];

/** The raw form values of a section (strings, and arrays for checkboxes). */
export function formValues(form: FormData, section: SectionId): Record<string, unknown> {
  const fields = Object.keys((SECTIONS[section].schema as unknown as z.ZodObject).shape);
  const values: Record<string, unknown> = {};
  for (const field of fields) {
    const all = form.getAll(field).map(String);
    const arrayField = ['services', 'supportModes', 'fees', 'accessModes', 'publics', 'specificSupport'].includes(field);
    values[field] = arrayField ? all : (all[0] ?? '');
    if ((field === 'latitude' || field === 'longitude') && values[field] === '') values[field] = null;
  }
  return values;
}

export function parseSection(section: SectionId, values: Record<string, unknown>) {
  const result = SECTIONS[section].schema.safeParse(values);
  if (result.success) return { ok: true as const, data: result.data as Record<string, unknown> };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
  return { ok: false as const, errors };
}
