// A small Frictionless Table Schema validator for the national standard's schema.json: required,
// unique, pattern, maxLength, number and date types, for CSV rows and for the standard's JSON
// records (lists as arrays). The schema's known defects (see the project's notes on the
// standard) are worked around explicitly and narrowly below.
import { dataPath, readDataText } from '../../lib/data/files';

type Field = { name: string; type: string; constraints?: { required?: boolean; unique?: boolean; pattern?: string; maxLength?: number } };

export const SCHEMA_FILE = dataPath('standardSchema');

export function loadSchema(): Field[] {
  const schema = JSON.parse(readDataText('standardSchema')) as { fields: Field[] };
  return schema.fields.map((field) => {
    const pattern = field.constraints?.pattern;
    if (!pattern) return field;
    // Defect: the published formations_labels pattern lacks the space of the documented value
    // "Étapes numériques (La Poste)" (commit 13b05e2). Accept the documented value.
    const fixed = pattern.replace('Étapes numériques\\(La Poste\\)', 'Étapes numériques \\(La Poste\\)');
    return { ...field, constraints: { ...field.constraints, pattern: fixed } };
  });
}

export function validateRows(header: string[], rows: string[][]): string[] {
  const fields = loadSchema();
  const errors: string[] = [];
  const expected = fields.map((f) => f.name);
  if (header.join(',') !== expected.join(',')) errors.push(`columns: expected ${expected.join(',')}, got ${header.join(',')}`);
  const seen = new Map<string, Set<string>>();
  rows.forEach((row, index) => {
    const line = index + 2;
    if (row.length !== fields.length) errors.push(`line ${line}: ${row.length} cells instead of ${fields.length}`);
    fields.forEach((field, i) => {
      const value = row[i] ?? '';
      const c = field.constraints ?? {};
      if (value === '') {
        if (c.required) errors.push(`line ${line}: ${field.name} is required`);
        return;
      }
      if (c.pattern && !new RegExp(`^(?:${c.pattern})$`, 'u').test(value))
        errors.push(`line ${line}: ${field.name} does not match its pattern: ${value.slice(0, 80)}`);
      if (c.maxLength && [...value].length > c.maxLength) errors.push(`line ${line}: ${field.name} longer than ${c.maxLength}`);
      if (field.type === 'number' && !/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(value)) errors.push(`line ${line}: ${field.name} is not a number: ${value}`);
      if (field.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) errors.push(`line ${line}: ${field.name} is not an ISO date: ${value}`);
      if (c.unique) {
        const values = seen.get(field.name) ?? new Set();
        if (values.has(value)) errors.push(`line ${line}: ${field.name} is not unique: ${value}`);
        values.add(value);
        seen.set(field.name, values);
      }
    });
  });
  return errors;
}

/** The standard's multi-valued columns: "a|b" in CSV, an array of strings in JSON. */
export const LIST_COLUMNS = new Set([
  'typologie',
  'courriels',
  'site_web',
  'itinerance',
  'services',
  'publics_specifiquement_adresses',
  'prise_en_charge_specifique',
  'frais_a_charge',
  'dispositif_programmes_nationaux',
  'formations_labels',
  'modalites_acces',
  'modalites_accompagnement',
]);

/**
 * JSON records of the standard: exactly the schema's fields, in its order; lists as arrays of
 * non-empty strings, numbers as JSON numbers, the rest strings or null; then every constraint of
 * the schema, checked by validateRows on the equivalent CSV cells.
 */
/** Fields Repères adds after the standard's, documented with the exports: name → type check. */
export const EXTENSIONS: Record<string, (value: unknown) => boolean> = {
  // The source gave no coordinates: the point is its commune's centre (lib/import/provenance.ts).
  position_approximative: (value) => typeof value === 'boolean',
  // Who verified date_maj: a network (named) or the place itself, never a person (issue #22).
  verification: (value) => {
    if (typeof value !== 'object' || value === null) return false;
    const { date, par, reseau, ...rest } = value as Record<string, unknown>;
    return (
      Object.keys(rest).length === 0 &&
      (date === null || typeof date === 'string') &&
      (par === null || par === 'reseau' || par === 'lieu' || par === 'equipe') &&
      (reseau === null || (par === 'reseau' && typeof reseau === 'string'))
    );
  },
};

export function validateRecords(records: unknown[]): string[] {
  const fields = loadSchema();
  const names = fields.map((f) => f.name);
  const errors: string[] = [];
  const rows = records.map((record, index) => {
    const where = `record ${index}`;
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      errors.push(`${where}: not an object`);
      return names.map(() => '');
    }
    // The schema's fields in its order, then only the documented extensions (README, « Données ouvertes »).
    const keys = Object.keys(record);
    const extra = keys.slice(names.length);
    if (keys.slice(0, names.length).join(',') !== names.join(',') || extra.some((key) => !(key in EXTENSIONS)))
      errors.push(`${where}: keys ${keys.join(',')} instead of ${names.join(',')}[,${Object.keys(EXTENSIONS).join(',')}]`);
    for (const key of extra)
      if (key in EXTENSIONS && !EXTENSIONS[key](record[key as keyof typeof record])) errors.push(`${where}: ${key} is not of its documented type`);
    return fields.map((field) => {
      const value = (record as Record<string, unknown>)[field.name];
      if (value === null || value === undefined) return '';
      if (LIST_COLUMNS.has(field.name)) {
        if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v === '' || v.includes('|'))) {
          errors.push(`${where}: ${field.name} is not a list of strings: ${JSON.stringify(value).slice(0, 80)}`);
          return '';
        }
        return value.join('|');
      }
      if (field.type === 'number') {
        if (typeof value !== 'number' || !Number.isFinite(value)) errors.push(`${where}: ${field.name} is not a JSON number: ${JSON.stringify(value)}`);
        return String(value);
      }
      if (typeof value !== 'string') {
        errors.push(`${where}: ${field.name} is not a string: ${JSON.stringify(value).slice(0, 80)}`);
        return '';
      }
      if (value === '') errors.push(`${where}: ${field.name} is an empty string (null expected)`);
      return value;
    });
  });
  return [...errors, ...validateRows(names, rows).map((e) => e.replace(/^line (\d+)/, (_, line) => `record ${Number(line) - 2}`))];
}
