// The legacy v0.1 (2022) standard's CSV, mapped to v1 through the tables of legacy-tables.ts.
import type { CsvRecord } from '../csv';
import { normaliseEmail, normaliseUrl, parseFrenchDate } from '../normalize';
import type { ImportedFields, ParsedRow } from '../types';
import { finish, text, uniq } from './common';
import { LEGACY_FEES, LEGACY_LABELS, LEGACY_PUBLICS, LEGACY_SERVICES, LEGACY_SUPPORT, legacyLabelKey } from './legacy-tables';
import { commonStandardFields, listOf } from './standard';

function legacyList<T>(value: unknown, table: Record<string, T>, row: ParsedRow, column: string): T[] {
  const out: T[] = [];
  for (const label of String(value ?? '')
    .split(/[|;]/)
    .map((v) => v.trim())
    .filter(Boolean)) {
    const key = legacyLabelKey(label);
    if (!(key in table)) {
      row.warnings.push(`${column} : valeur inconnue ignorée « ${label.slice(0, 60)} »`);
      continue;
    }
    const mapped = table[key];
    if (mapped !== null && !out.includes(mapped)) out.push(mapped);
  }
  return out;
}

/** A row of a legacy v0.1 file, mapped to v1. */
export function legacyStandardRow({ record: r, line }: CsvRecord): ParsedRow {
  const row: ParsedRow = { line, sourceId: text(r.id), name: text(r.nom), place: null, errors: [], warnings: [] };
  const publics = legacyList(r.publics_accueillis, LEGACY_PUBLICS, row, 'publics_accueillis');
  const labels = legacyList(r.labels_nationaux, LEGACY_LABELS, row, 'labels_nationaux');
  const fields: ImportedFields = {
    ...commonStandardFields(r),
    emails: normaliseEmail(r.courriel ?? r.courriels),
    accesLibreUrl: normaliseUrl(r.accessibilite ?? r.fiche_acces_libre)[0] ?? null,
    typologies: listOf('Typologie', r.typologie, row, 'typologie', /[|;]/),
    services: legacyList(r.services, LEGACY_SERVICES, row, 'services'),
    publics: uniq(publics.map((p) => p?.publics)),
    specificSupport: uniq(publics.map((p) => p?.support)),
    fees: legacyList(r.conditions_acces, LEGACY_FEES, row, 'conditions_acces'),
    programmes: uniq(labels.map((l) => l.programme)),
    labels: uniq(labels.map((l) => l.label)),
    otherLabels: uniq([
      ...labels.map((l) => l.other),
      ...String(r.labels_autres ?? '')
        .split(/[|;]/)
        .map((v) => v.trim())
        .filter(Boolean),
    ]),
    supportModes: legacyList(r.modalites_accompagnement, LEGACY_SUPPORT, row, 'modalites_accompagnement'),
  };
  if (!parseFrenchDate(r.date_maj)) row.errors.push(`date_maj invalide (${r.date_maj ?? 'vide'})`);
  if (r.telephone && !fields.phone) row.warnings.push(`téléphone illisible ignoré : « ${r.telephone} »`);
  return finish(row, fields, row.sourceId, true);
}
