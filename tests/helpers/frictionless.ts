// A strict Frictionless Table Schema (v1) check written from the schema file itself, for the
// ateliers' export (data/ateliers/schema.json): every field in order, its type (string with the
// uuid and uri formats, integer, number, boolean, datetime in the schema's format), and every
// constraint it declares (required, unique, pattern, enum, minLength, maxLength, minimum,
// maximum), the primary key. Why not a library: the JavaScript implementation on npm
// (`tableschema` 1.12) is unmaintained and pulls axios 0.21 and moment 2.24, both with known
// advisories (npm run audit would flag them); the Python one is not on this machine. A constraint
// or type the schema names and this file does not know fails the check instead of passing it.
import fs from 'node:fs';

type Constraints = {
  required?: boolean;
  unique?: boolean;
  pattern?: string;
  enum?: string[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
};
type Field = { name: string; type: string; format?: string; constraints?: Constraints };
export type TableSchema = { fields: Field[]; primaryKey?: string[]; missingValues?: string[] };

const KNOWN_CONSTRAINTS = new Set(['required', 'unique', 'pattern', 'enum', 'minLength', 'maxLength', 'minimum', 'maximum']);
const KNOWN_TYPES = new Set(['string', 'integer', 'number', 'boolean', 'datetime', 'date']);

export function loadTableSchema(file: string): TableSchema {
  const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as TableSchema;
  const names = schema.fields.map((f) => f.name);
  if (new Set(names).size !== names.length) throw new Error('schema: field names are not unique');
  for (const f of schema.fields) {
    if (!KNOWN_TYPES.has(f.type)) throw new Error(`schema: type ${f.type} of ${f.name} is not checked here`);
    for (const c of Object.keys(f.constraints ?? {}))
      if (!KNOWN_CONSTRAINTS.has(c)) throw new Error(`schema: constraint ${c} of ${f.name} is not checked here`);
    if (f.constraints?.pattern) new RegExp(f.constraints.pattern, 'u'); // throws on a pattern JavaScript cannot read
  }
  for (const key of schema.primaryKey ?? []) if (!names.includes(key)) throw new Error(`schema: primary key ${key} is not a field`);
  return schema;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATETIME_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

function typeError(f: Field, v: string): string | null {
  switch (f.type) {
    case 'integer':
      return /^-?\d+$/.test(v) ? null : 'is not an integer';
    case 'number':
      return /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(v) ? null : 'is not a number';
    case 'boolean':
      return v === 'true' || v === 'false' ? null : 'is not true/false';
    case 'date':
      if (f.format && f.format !== 'default') return `has a date format not checked here: ${f.format}`;
      // A real calendar day: 2026-02-30 and 2026-13-01 are not.
      return /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(Date.parse(`${v}T00:00:00Z`) || 0).toISOString().startsWith(v) ? null : 'is not a date (YYYY-MM-DD)';
    case 'datetime':
      if (f.format !== '%Y-%m-%dT%H:%M:%SZ') return `has a datetime format not checked here: ${f.format}`;
      return DATETIME_Z.test(v) && !Number.isNaN(Date.parse(v)) ? null : 'is not a UTC datetime';
    default:
      if (f.format === 'uuid') return UUID.test(v) ? null : 'is not a uuid';
      if (f.format === 'uri') return URL.canParse(v) ? null : 'is not a uri';
      return f.format && f.format !== 'default' ? `has a string format not checked here: ${f.format}` : null;
  }
}

function constraintErrors(f: Field, v: string): string[] {
  const c = f.constraints ?? {};
  const errors: string[] = [];
  if (c.pattern && !new RegExp(`^(?:${c.pattern})$`, 'u').test(v)) errors.push(`does not match its pattern: ${v.slice(0, 80)}`);
  if (c.enum && !c.enum.includes(v)) errors.push(`is not one of its values: ${v}`);
  if (c.minLength !== undefined && [...v].length < c.minLength) errors.push(`is shorter than ${c.minLength}`);
  if (c.maxLength !== undefined && [...v].length > c.maxLength) errors.push(`is longer than ${c.maxLength}`);
  if (c.minimum !== undefined && Number(v) < c.minimum) errors.push(`is below ${c.minimum}`);
  if (c.maximum !== undefined && Number(v) > c.maximum) errors.push(`is above ${c.maximum}`);
  return errors;
}

/** Errors of a CSV table (its header and its rows of cells) against the schema; [] when valid. */
export function validateTable(schema: TableSchema, header: string[], rows: string[][]): string[] {
  const errors: string[] = [];
  const names = schema.fields.map((f) => f.name);
  if (header.join(',') !== names.join(',')) errors.push(`columns: expected ${names.join(',')}, got ${header.join(',')}`);
  const missing = new Set(schema.missingValues ?? ['']);
  const seen = new Map<string, Set<string>>();
  const keys = new Set<string>();
  rows.forEach((row, index) => {
    const at = `line ${index + 2}`;
    if (row.length !== names.length) errors.push(`${at}: ${row.length} cells instead of ${names.length}`);
    schema.fields.forEach((f, i) => {
      const v = row[i] ?? '';
      if (missing.has(v)) {
        if (f.constraints?.required) errors.push(`${at}: ${f.name} is required`);
        return;
      }
      const type = typeError(f, v);
      if (type) errors.push(`${at}: ${f.name} ${type}: ${v.slice(0, 80)}`);
      for (const e of constraintErrors(f, v)) errors.push(`${at}: ${f.name} ${e}`);
      if (f.constraints?.unique) {
        const values = seen.get(f.name) ?? new Set();
        if (values.has(v)) errors.push(`${at}: ${f.name} is not unique: ${v}`);
        seen.set(f.name, values.add(v));
      }
    });
    if (schema.primaryKey?.length) {
      const key = schema.primaryKey.map((k) => row[names.indexOf(k)]).join('\u0000');
      if (keys.has(key)) errors.push(`${at}: primary key repeated`);
      keys.add(key);
    }
  });
  return errors;
}

/**
 * Errors of JSON records: exactly the schema's fields in its order; null for a missing value;
 * `listFields` as arrays of strings (joined by « | » for the CSV checks), integers and numbers
 * as JSON numbers, booleans as JSON booleans, the rest strings; then validateTable on the cells.
 */
export function validateRecords(schema: TableSchema, records: unknown[], listFields: Set<string>): string[] {
  const names = schema.fields.map((f) => f.name);
  const errors: string[] = [];
  const rows = records.map((record, index) => {
    const at = `record ${index}`;
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      errors.push(`${at}: not an object`);
      return names.map(() => '');
    }
    if (Object.keys(record).join(',') !== names.join(',')) errors.push(`${at}: keys ${Object.keys(record).join(',')}`);
    return schema.fields.map((f) => {
      const v = (record as Record<string, unknown>)[f.name];
      if (v === null) return '';
      if (listFields.has(f.name)) {
        if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x === '' || x.includes('|'))) errors.push(`${at}: ${f.name} is not a list of strings`);
        return Array.isArray(v) ? v.join('|') : '';
      }
      const expected = f.type === 'integer' || f.type === 'number' ? 'number' : f.type === 'boolean' ? 'boolean' : 'string';
      if (typeof v !== expected) errors.push(`${at}: ${f.name} is not a JSON ${expected}: ${JSON.stringify(v)}`);
      if (v === '') errors.push(`${at}: ${f.name} is an empty string (null expected)`);
      return String(v);
    });
  });
  return [...errors, ...validateTable(schema, names, rows).map((e) => e.replace(/^line (\d+)/, (_, n) => `record ${Number(n) - 2}`))];
}
