// The national standard's CSV (v1.0.x): labels of the closed lists turned into keys, unknown
// values dropped with a warning. The columns it shares with the legacy v0.1 are read here too.
import { STANDARD_LISTS, type StandardListName } from '../../standard/enums';
import type { CsvRecord } from '../csv';
import { normaliseEmail, normalisePhone, normaliseUrl, parseFrenchDate, parseNumber } from '../normalize';
import type { ImportedFields, ParsedRow } from '../types';
import { emptyFields, finish, text } from './common';

type ListKey<L extends StandardListName> = keyof (typeof STANDARD_LISTS)[L];
const LABEL_KEYS = new Map<StandardListName, Map<string, string>>();

/** The Prisma key of a label of a closed list (or of a key written as such), or undefined. */
export function keyOf<L extends StandardListName>(list: L, label: string): ListKey<L> | undefined {
  let keys = LABEL_KEYS.get(list);
  if (!keys) {
    keys = new Map();
    for (const [key, value] of Object.entries(STANDARD_LISTS[list]) as Array<[string, string]>) {
      keys.set(value, key);
      keys.set(key, key);
    }
    LABEL_KEYS.set(list, keys);
  }
  return keys.get(label) as ListKey<L> | undefined;
}

export function listOf<L extends StandardListName>(list: L, value: unknown, row: ParsedRow, column: string, separator: RegExp = /\|/): Array<ListKey<L>> {
  const out: Array<ListKey<L>> = [];
  for (const label of String(value ?? '')
    .split(separator)
    .map((v) => v.trim())
    .filter(Boolean)) {
    const key = keyOf(list, label);
    if (key) {
      if (!out.includes(key)) out.push(key);
    } else row.warnings.push(`${column} : valeur inconnue ignorée « ${label.slice(0, 60)} »`);
  }
  return out;
}

/** Columns found only in the legacy v0.1 (2022) files. */
const LEGACY_COLUMNS = ['publics_accueillis', 'conditions_acces', 'labels_nationaux', 'labels_autres', 'cle_ban', 'accessibilite'];

export function isLegacyStandard(columns: string[]): boolean {
  return LEGACY_COLUMNS.some((c) => columns.includes(c)) || (columns.includes('courriel') && !columns.includes('courriels'));
}

/**
 * The columns shared by v0.1 and v1, and every other field empty: written onto a fresh empty
 * place (spreading emptyFields() into a literal cost a fifth of a row's reading, measured).
 */
export function commonStandardFields(r: Record<string, string>): ImportedFields {
  const fields = emptyFields() as ImportedFields;
  const pivot = text(r.pivot);
  fields.pivot = pivot && !/^0+$/.test(pivot) ? pivot : null;
  fields.name = text(r.nom) ?? '';
  fields.street = text(r.adresse) ?? '';
  fields.addressComplement = text(r.complement_adresse);
  fields.postcode = text(r.code_postal) ?? '';
  fields.commune = text(r.commune) ?? '';
  fields.inseeCode = text(r.code_insee);
  fields.latitude = parseNumber(r.latitude);
  fields.longitude = parseNumber(r.longitude);
  fields.phone = normalisePhone(r.telephone, r.code_insee);
  fields.websites = normaliseUrl(r.site_web);
  fields.openingHours = text(r.horaires);
  fields.summary = text(r.presentation_resume);
  fields.presentation = r.presentation_detail?.trim() || null;
  fields.source = text(r.source);
  fields.parentStructure = text(r.structure_parente);
  fields.appointmentUrl = normaliseUrl(r.prise_rdv)[0] ?? null;
  fields.dateMaj = parseFrenchDate(r.date_maj) ?? new Date(0);
  return fields;
}

export function standardRow({ record: r, line }: CsvRecord): ParsedRow {
  const row: ParsedRow = { line, sourceId: text(r.id), name: text(r.nom), place: null, errors: [], warnings: [] };
  // Onto the common fields' object (made for this row): no copy of its thirty fields.
  const fields: ImportedFields = Object.assign(commonStandardFields(r), {
    emails: normaliseEmail(r.courriels),
    accesLibreUrl: normaliseUrl(r.fiche_acces_libre)[0] ?? null,
    typologies: listOf('Typologie', r.typologie, row, 'typologie'),
    itinerance: listOf('Itinerance', r.itinerance, row, 'itinerance'),
    services: listOf('Service', r.services, row, 'services'),
    publics: listOf('PublicSpecifiquementAdresse', r.publics_specifiquement_adresses, row, 'publics'),
    specificSupport: listOf('PriseEnChargeSpecifique', r.prise_en_charge_specifique, row, 'prise en charge'),
    fees: listOf('FraisACharge', r.frais_a_charge, row, 'frais'),
    programmes: listOf('DispositifProgrammeNational', r.dispositif_programmes_nationaux, row, 'dispositifs'),
    labels: listOf('FormationLabel', r.formations_labels, row, 'labels'),
    otherLabels: String(r.autres_formations_labels ?? '')
      .split('|')
      .map((v) => v.trim())
      .filter(Boolean),
    accessModes: listOf('ModaliteAcces', r.modalites_acces, row, 'accès'),
    supportModes: listOf('ModaliteAccompagnement', r.modalites_accompagnement, row, 'accompagnement'),
  });
  if (!parseFrenchDate(r.date_maj)) row.errors.push(`date_maj invalide (${r.date_maj ?? 'vide'})`);
  if (r.telephone && !fields.phone) row.warnings.push(`téléphone illisible ignoré : « ${r.telephone} »`);
  return finish(row, fields, row.sourceId, true);
}
