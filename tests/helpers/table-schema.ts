// A small Frictionless Table Schema validator for the national standard's schema.json: required,
// unique, pattern, maxLength, number and date types. The schema's known defects (see
// the project's notes on the standard) are worked around explicitly and narrowly below.
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
      if (c.pattern && !new RegExp(`^(?:${c.pattern})$`, 'u').test(value)) errors.push(`line ${line}: ${field.name} does not match its pattern: ${value.slice(0, 80)}`);
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
