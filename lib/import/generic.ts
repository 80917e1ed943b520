// Any local CSV file, read through a column mapping: which column of the file holds which field of
// the standard, how list values of the file translate into the standard's, and constant values.
// A mapping is a small JSON file (CLI `--mapping map.json`) or the form of the upload page:
//
//   { "delimiter": ";", "listSeparator": ",",
//     "columns": { "id": "Code", "nom": "Structure", "adresse": ["N°", "Voie"], "code_postal": "CP", ... },
//     "values": { "services": { "Démarches en ligne": "Aide aux démarches administratives" } },
//     "defaults": { "frais_a_charge": "Gratuit", "source": "Département du Cher" } }
import { z } from 'zod';
import { isValidHours } from '../hours';
import { slugify } from '../geo/fold';
import type { CsvRecord } from './csv';
import { frenchHoursToOsm } from './french-hours';
import { parseFrenchDate } from './normalize';
import { LIST_COLUMNS, STANDARD_COLUMNS } from '../export/standard';
import { standardRow } from './formats/standard';
import type { ParsedRow } from './types';

/** The standard's columns a mapping may fill: all of them. */
export const MAPPABLE = STANDARD_COLUMNS;
export type MappableField = (typeof MAPPABLE)[number];

// The standard's lists, and « autres_formations_labels », which people also write as a list.
const LIST_FIELDS: ReadonlySet<string> = new Set([...LIST_COLUMNS, 'autres_formations_labels']);

const field = z.enum(MAPPABLE);
export const mappingSchema = z.object({
  delimiter: z.enum([',', ';', '\t', '|']).nullish(),
  listSeparator: z.string().min(1).max(3).nullish(),
  columns: z.partialRecord(field, z.union([z.string().min(1), z.array(z.string().min(1)).min(1)])),
  values: z.partialRecord(field, z.record(z.string(), z.string())).nullish(),
  defaults: z.partialRecord(field, z.string()).nullish(),
});
export type ColumnMapping = z.infer<typeof mappingSchema>;

/** A mapping from JSON text, or the reasons it is not one (in French). */
export function parseMapping(json: string): { mapping: ColumnMapping } | { error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { error: 'La correspondance de colonnes n’est pas du JSON valide.' };
  }
  const parsed = mappingSchema.safeParse(raw);
  if (!parsed.success)
    return { error: `Correspondance de colonnes invalide : ${parsed.error.issues.map((i) => `${i.path.join('.') || 'racine'} (${i.message})`).join(' ; ')}` };
  if (!parsed.data.columns.nom && !parsed.data.defaults?.nom) return { error: 'La correspondance doit indiquer au moins la colonne du nom (« nom »).' };
  return { mapping: parsed.data };
}

/** A header or a value as the mapping matches it: lower case, no accents, spaces collapsed. */
const matchKey = (v: string) =>
  v
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/** A row reader for a file whose header is `columns`; throws (in French) when mapped columns are missing. */
export function genericRowReader(mapping: ColumnMapping, columns: string[]): (record: CsvRecord) => ParsedRow {
  // Header names are matched exactly, else ignoring case, accents and spaces.
  const byFolded = new Map(columns.map((c) => [matchKey(c), c]));
  const resolve = (name: string) => (columns.includes(name) ? name : byFolded.get(matchKey(name)));
  const missing: string[] = [];
  const sources = new Map<MappableField, string[]>();
  for (const [target, source] of Object.entries(mapping.columns) as Array<[MappableField, string | string[]]>) {
    const names = (Array.isArray(source) ? source : [source]).map((name) => {
      const found = resolve(name);
      if (!found) missing.push(name);
      return found ?? name;
    });
    sources.set(target, names);
  }
  if (missing.length)
    throw new Error(`Colonnes absentes du fichier : ${missing.map((m) => `« ${m} »`).join(', ')}. Colonnes trouvées : ${columns.slice(0, 40).join(', ')}.`);
  const separator = mapping.listSeparator ?? null;
  const translations = new Map<string, Map<string, string>>();
  for (const [target, table] of Object.entries(mapping.values ?? {}) as Array<[string, Record<string, string>]>) {
    translations.set(target, new Map(Object.entries(table).map(([from, to]) => [matchKey(from), to])));
  }

  return ({ record, line }) => {
    const standard: Record<string, string> = {};
    const warnings: string[] = [];
    for (const target of MAPPABLE) {
      const names = sources.get(target);
      let value = names
        ? names
            .map((n) => (record[n] ?? '').trim())
            .filter(Boolean)
            .join(' ')
        : '';
      if (!value && mapping.defaults?.[target]) value = mapping.defaults[target]!;
      if (!value) continue;
      if (LIST_FIELDS.has(target)) {
        const parts = separator ? value.split(separator) : value.split(/[|;]/);
        const table = translations.get(target);
        value = parts
          .map((p) => p.trim())
          .filter(Boolean)
          .map((p) => table?.get(matchKey(p)) ?? p)
          .join('|');
      } else {
        value = translations.get(target)?.get(matchKey(value)) ?? value;
      }
      standard[target] = value;
    }
    // Dates in French formats ("03/02/2024", "3 février 2024", "2024-02-03 10:00").
    if (standard.date_maj) {
      const date = parseFrenchDate(standard.date_maj);
      if (date) standard.date_maj = date.toISOString().slice(0, 10);
    } else {
      standard.date_maj = new Date().toISOString().slice(0, 10);
      warnings.push('pas de date de mise à jour : date du jour retenue');
    }
    // Hours in OSM syntax, or in French words.
    if (standard.horaires && !(isValidHours(standard.horaires) && /\d{1,2}:\d{2}|24\/7/.test(standard.horaires))) {
      const osm = frenchHoursToOsm(standard.horaires);
      if (osm) standard.horaires = osm;
      else {
        warnings.push(`horaires non convertis, gardés dans la présentation : « ${standard.horaires.slice(0, 80)} »`);
        standard.presentation_detail = [standard.presentation_detail, `Horaires : ${standard.horaires}`].filter(Boolean).join('\n');
        delete standard.horaires;
      }
    }
    // No identifier column: the name and postcode identify the place across re-imports.
    if (!standard.id && standard.nom) standard.id = slugify(`${standard.nom} ${standard.code_postal ?? ''}`).slice(0, 120);
    const row = standardRow({ record: standard, line });
    row.warnings.unshift(...warnings);
    return row;
  };
}
