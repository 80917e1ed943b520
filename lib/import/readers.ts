// Readers of the real sources: each turns a file into rows of places in the standard's terms, or
// rejections with a reason. Nothing here writes.
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import proj4 from 'proj4';
import { parseHours } from '../hours';
import { timeZoneForCode } from '../hours/zone';
import { STANDARD_LISTS, keyOfLabel, type StandardListName } from '../standard/enums';
import { checkCoordinates, normaliseEmail, normalisePhone, normaliseUrl, parseFrenchDate, parseNumber, weekdayHoursToOsm } from './normalize';
import type { ImportedFields, ParsedRow } from './types';

/** Bytes to text: UTF-8 (with or without BOM), else Windows-1252 / Latin-1. */
export function decode(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  const utf8 = bytes.toString('utf8');
  return utf8.includes('\uFFFD') ? iconv.decode(bytes, 'win1252') : utf8;
}

/** The CSV delimiter, from the header line. */
export function detectDelimiter(text: string): string {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t', '|'].map((d) => [d, header.split(d).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0][0];
}

function emptyFields(): Omit<ImportedFields, 'name' | 'street' | 'postcode' | 'commune' | 'dateMaj'> {
  return {
    pivot: null, addressComplement: null, inseeCode: null, latitude: null, longitude: null, timeZone: 'Europe/Paris', phone: null,
    openingHours: null, summary: null, presentation: null, source: null, parentStructure: null, accesLibreUrl: null, appointmentUrl: null,
    typologies: [], emails: [], websites: [], itinerance: [], services: [], publics: [], specificSupport: [], fees: [], programmes: [],
    labels: [], otherLabels: [], accessModes: [], supportModes: [],
  };
}

function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const t = String(value).replace(/\s+/g, ' ').trim();
  return t === '' || t === '-' ? null : t;
}

/** Common checks of a place: required fields, postcode, coordinates, hours. */
function finish(row: ParsedRow, fields: ImportedFields | null, sourceId: string | null, active: boolean): ParsedRow {
  if (!fields) return row;
  if (!fields.name) row.errors.push('nom manquant');
  if (!fields.street) row.errors.push('adresse manquante');
  if (!fields.commune) row.errors.push('commune manquante');
  if (!fields.postcode || !/^\d{5}$/.test(fields.postcode)) row.errors.push(`code postal invalide (${fields.postcode ?? 'vide'})`);
  if (!sourceId) row.errors.push('identifiant manquant');
  if (fields.inseeCode && !/^([013-9]\d|2[AB1-9])\d{3}$/.test(fields.inseeCode)) {
    row.warnings.push(`code INSEE invalide ignoré (${fields.inseeCode})`);
    fields.inseeCode = null;
  }
  const coordinates = checkCoordinates(fields.latitude ?? null, fields.longitude ?? null);
  if (coordinates && 'error' in coordinates) row.errors.push(coordinates.error);
  else if (coordinates) {
    if (coordinates.swapped) row.warnings.push('latitude et longitude inversées : corrigées');
    fields.latitude = coordinates.lat;
    fields.longitude = coordinates.lng;
  } else row.warnings.push('pas de coordonnées : le lieu ne sera pas sur la carte');
  if (fields.openingHours && !parseHours(fields.openingHours).ok) {
    row.warnings.push(`horaires illisibles ignorés : « ${fields.openingHours} »`);
    fields.openingHours = null;
  }
  if (fields.summary && fields.summary.length > 280) fields.summary = `${fields.summary.slice(0, 279)}…`;
  fields.timeZone = timeZoneForCode(fields.inseeCode ?? fields.postcode);
  if (row.errors.length === 0) row.place = { sourceId: sourceId!, fields, active };
  return row;
}

// ---------------------------------------------------------------- France Services (national list)

export function readFranceServices(content: string): ParsedRow[] {
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    records = parse(content, { columns: true, skip_empty_lines: true, relax_column_count: true, bom: true, info: true });
  } catch (error) {
    return [{ line: 1, sourceId: null, name: null, place: null, errors: [`CSV illisible : ${(error as Error).message}`], warnings: [] }];
  }
  return records.map(({ record: r, info }) => {
    const row: ParsedRow = { line: info.lines, sourceId: text(r.id_fs), name: text(r.lib_fs), place: null, errors: [], warnings: [] };
    const itinerant = /^oui$/i.test(r.itinerance ?? '');
    const fields: ImportedFields = {
      ...emptyFields(),
      name: text(r.lib_fs) ?? '',
      street: text(r.adresse) ?? '',
      addressComplement: text(r.complement_adresse),
      postcode: (text(r.code_postal) ?? '').padStart(5, '0'),
      commune: text(r.lib_com) ?? '',
      inseeCode: text(r.insee_com),
      latitude: parseNumber(r.latitude),
      longitude: parseNumber(r.longitude),
      phone: normalisePhone(r.telephone, r.insee_com),
      emails: normaliseEmail(r.mail),
      openingHours: weekdayHoursToOsm([r.h_lundi, r.h_mardi, r.h_mercredi, r.h_jeudi, r.h_vendredi, r.h_samedi]),
      presentation: text(r.commentaire),
      source: 'Liste nationale France Services (ANCT)',
      typologies: ['RFS'],
      itinerance: itinerant ? ['Itinerant'] : ['Fixe'],
      programmes: ['FranceServices'],
      services: ['AideAuxDemarchesAdministratives'],
      fees: ['Gratuit'],
      accessModes: ['SePresenter', 'Telephoner'],
      supportModes: ['AccompagnementIndividuel'],
      // The national list is dated December 2022.
      dateMaj: new Date(Date.UTC(2022, 11, 1)),
    };
    if (r.telephone && !fields.phone) row.warnings.push(`téléphone illisible ignoré : « ${r.telephone} »`);
    return finish(row, fields, row.sourceId, true);
  });
}

// ---------------------------------------------------------------- Maine-et-Loire directory

proj4.defs('EPSG:2154', '+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs');
const lambert93 = proj4('EPSG:2154', 'EPSG:4326');

const MEL_TYPES: Array<[RegExp, ImportedFields['typologies']]> = [
  [/biblioth|m[ée]diath/i, ['BIB']],
  [/france services/i, ['RFS']],
  [/centre social/i, ['CS']],
  [/cybercentre/i, ['EPN']],
  [/ccas/i, ['CCAS']],
  [/la poste/i, ['LA_POSTE']],
  [/^mds$/i, ['MDS']],
  [/information jeunesse|pij/i, ['PIJ_BIJ']],
  [/mission locale/i, ['ML']],
  [/espace de vie sociale/i, ['EVS']],
  [/association/i, ['ASSO']],
  [/collectivit/i, ['MUNI']],
];

export function readMaineEtLoire(content: string): ParsedRow[] {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch {
    return [{ line: 1, sourceId: null, name: null, place: null, errors: ['fichier JSON illisible'], warnings: [] }];
  }
  if (!Array.isArray(data)) return [{ line: 1, sourceId: null, name: null, place: null, errors: ['le fichier doit contenir une liste de lieux'], warnings: [] }];
  return data.map((raw, index) => {
    const r = (raw ?? {}) as Record<string, unknown>;
    const row: ParsedRow = { line: index + 1, sourceId: text(r.ID_LieuMed), name: text(r.NOM_STRUCTURE), place: null, errors: [], warnings: [] };
    const x = parseNumber(r.x);
    const y = parseNumber(r.y);
    let latitude: number | null = null;
    let longitude: number | null = null;
    if (x !== null && y !== null) [longitude, latitude] = lambert93.forward([x, y]);
    const category = text(r.SS_CAT) ?? '';
    const typologies = [...new Set(category.split('/').flatMap((part) => MEL_TYPES.find(([re]) => re.test(part.trim()))?.[1] ?? []))] as ImportedFields['typologies'];
    const yes = (v: unknown) => /^oui$/i.test(String(v ?? '').trim());
    const services: ImportedFields['services'] = [];
    if (yes(r.INTERNET)) services.push('AccesInternetEtMaterielInformatique');
    if (yes(r.DEM_Gen) || yes(r.DEM_Spe)) services.push('AideAuxDemarchesAdministratives');
    if (yes(r.INITIATION)) services.push('MaitriseDesOutilsNumeriquesDuQuotidien');
    const publics: ImportedFields['publics'] = [];
    if (text(r.PBC_Jeunes)) publics.push('Jeunes');
    if (/s[ée]nior/i.test(String(r.PBC_Senior ?? ''))) publics.push('Seniors');
    const number = text(r['N°']);
    const fields: ImportedFields = {
      ...emptyFields(),
      name: text(r.NOM_STRUCTURE) ?? '',
      street: [number, text(r.ADRESSE)].filter(Boolean).join(' '),
      addressComplement: [text(r.COMP_ADRESSE), text(r.BP)].filter(Boolean).join(', ') || null,
      postcode: text(r.CP) ?? '',
      commune: text(r.COMMUNE) ?? '',
      latitude,
      longitude,
      phone: normalisePhone(r.NUM_TEL),
      emails: normaliseEmail(r.MAIL_STRUC),
      websites: normaliseUrl(r.SITE_WEB),
      source: 'Conseil départemental de Maine-et-Loire',
      parentStructure: text(r.EPCI),
      typologies: typologies.length ? typologies : ['AUTRE'],
      itinerance: ['Fixe'],
      services,
      publics,
      fees: /adh[ée]rent/i.test(String(r.PBC_Adh ?? '')) ? ['GratuitSousCondition'] : [],
      accessModes: ['SePresenter'],
      dateMaj: parseFrenchDate(r.DAT_MaJ) ?? new Date(Date.UTC(2021, 0, 1)),
    };
    if (!category) row.warnings.push('catégorie absente : type « Autre »');
    if (!parseFrenchDate(r.DAT_MaJ)) row.warnings.push('date de mise à jour absente : 1er janvier 2021 retenu');
    if (services.length === 0) row.warnings.push('aucun service renseigné');
    const active = String(r.AFFICHAGE ?? '').toUpperCase() !== 'INACTIF';
    return finish(row, fields, row.sourceId, active);
  });
}

// ---------------------------------------------------------------- National standard CSV (v1.0.x)

function listOf<L extends StandardListName>(list: L, value: unknown, row: ParsedRow, column: string): Array<keyof (typeof STANDARD_LISTS)[L]> {
  const out: Array<keyof (typeof STANDARD_LISTS)[L]> = [];
  for (const label of String(value ?? '').split('|').map((v) => v.trim()).filter(Boolean)) {
    const key = keyOfLabel(list, label) ?? (Object.prototype.hasOwnProperty.call(STANDARD_LISTS[list], label) ? (label as keyof (typeof STANDARD_LISTS)[L]) : undefined);
    if (key) {
      if (!out.includes(key)) out.push(key);
    } else row.warnings.push(`${column} : valeur inconnue ignorée « ${label.slice(0, 60)} »`);
  }
  return out;
}

export function readStandardCsv(content: string): ParsedRow[] {
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    records = parse(content, { columns: true, skip_empty_lines: true, bom: true, delimiter: detectDelimiter(content), relax_column_count: true, info: true });
  } catch (error) {
    return [{ line: 1, sourceId: null, name: null, place: null, errors: [`CSV illisible : ${(error as Error).message}`], warnings: [] }];
  }
  return records.map(({ record: r, info }) => {
    const row: ParsedRow = { line: info.lines, sourceId: text(r.id), name: text(r.nom), place: null, errors: [], warnings: [] };
    const fields: ImportedFields = {
      ...emptyFields(),
      pivot: text(r.pivot) && !/^0+$/.test(text(r.pivot)!) ? text(r.pivot) : null,
      name: text(r.nom) ?? '',
      street: text(r.adresse) ?? '',
      addressComplement: text(r.complement_adresse),
      postcode: text(r.code_postal) ?? '',
      commune: text(r.commune) ?? '',
      inseeCode: text(r.code_insee),
      latitude: parseNumber(r.latitude),
      longitude: parseNumber(r.longitude),
      phone: normalisePhone(r.telephone, r.code_insee),
      emails: normaliseEmail(r.courriels),
      websites: normaliseUrl(r.site_web),
      openingHours: text(r.horaires),
      summary: text(r.presentation_resume),
      presentation: r.presentation_detail?.trim() || null,
      source: text(r.source),
      parentStructure: text(r.structure_parente),
      accesLibreUrl: normaliseUrl(r.fiche_acces_libre)[0] ?? null,
      appointmentUrl: normaliseUrl(r.prise_rdv)[0] ?? null,
      typologies: listOf('Typologie', r.typologie, row, 'typologie') as ImportedFields['typologies'],
      itinerance: listOf('Itinerance', r.itinerance, row, 'itinerance') as ImportedFields['itinerance'],
      services: listOf('Service', r.services, row, 'services') as ImportedFields['services'],
      publics: listOf('PublicSpecifiquementAdresse', r.publics_specifiquement_adresses, row, 'publics') as ImportedFields['publics'],
      specificSupport: listOf('PriseEnChargeSpecifique', r.prise_en_charge_specifique, row, 'prise en charge') as ImportedFields['specificSupport'],
      fees: listOf('FraisACharge', r.frais_a_charge, row, 'frais') as ImportedFields['fees'],
      programmes: listOf('DispositifProgrammeNational', r.dispositif_programmes_nationaux, row, 'dispositifs') as ImportedFields['programmes'],
      labels: listOf('FormationLabel', r.formations_labels, row, 'labels') as ImportedFields['labels'],
      otherLabels: String(r.autres_formations_labels ?? '').split('|').map((v) => v.trim()).filter(Boolean),
      accessModes: listOf('ModaliteAcces', r.modalites_acces, row, 'accès') as ImportedFields['accessModes'],
      supportModes: listOf('ModaliteAccompagnement', r.modalites_accompagnement, row, 'accompagnement') as ImportedFields['supportModes'],
      dateMaj: parseFrenchDate(r.date_maj) ?? new Date(0),
    };
    if (!parseFrenchDate(r.date_maj)) row.errors.push(`date_maj invalide (${r.date_maj ?? 'vide'})`);
    if (r.telephone && !fields.phone) row.warnings.push(`téléphone illisible ignoré : « ${r.telephone} »`);
    return finish(row, fields, row.sourceId, true);
  });
}

export function readSource(format: string, bytes: Buffer): ParsedRow[] {
  const content = decode(bytes);
  if (format === 'france-services') return readFranceServices(content);
  if (format === 'maine-et-loire') return readMaineEtLoire(content);
  if (format === 'standard') return readStandardCsv(content);
  throw new Error(`Format inconnu « ${format} » : standard, france-services ou maine-et-loire.`);
}
