// Readers of the real sources: each turns a file into rows of places in the standard's terms, or
// rejections with a reason. Nothing here writes.
import proj4 from 'proj4';
import { parseHours } from '../hours';
import { timeZoneForCode } from '../hours/zone';
import { STANDARD_LISTS, type StandardListName } from '../standard/enums';
import { checkCoordinates, normaliseEmail, normalisePhone, normaliseUrl, parseFrenchDate, parseNumber, weekdayHoursToOsm } from './normalize';
import { csvRecords, decode, streamCsvRecords, type CsvRecord } from './csv';
import { frenchHoursToOsm } from './french-hours';
import { genericRowReader, type ColumnMapping } from './generic';
import { isSimpleHours } from './simple-hours';
import type { ImportedFields, ParsedRow } from './types';

export { decode, detectDelimiter } from './csv';

export function emptyFields(): Omit<ImportedFields, 'name' | 'street' | 'postcode' | 'commune' | 'dateMaj'> {
  return {
    pivot: null, addressComplement: null, inseeCode: null, latitude: null, longitude: null, timeZone: 'Europe/Paris', phone: null,
    openingHours: null, summary: null, presentation: null, source: null, parentStructure: null, accesLibreUrl: null, appointmentUrl: null,
    typologies: [], emails: [], websites: [], itinerance: [], services: [], publics: [], specificSupport: [], fees: [], programmes: [],
    labels: [], otherLabels: [], accessModes: [], supportModes: [],
  };
}

export function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const t = String(value).replace(/\s+/g, ' ').trim();
  return t === '' || t === '-' ? null : t;
}

/** Common checks of a place: required fields, postcode, coordinates, hours. */
export function finish(row: ParsedRow, fields: ImportedFields | null, sourceId: string | null, active: boolean): ParsedRow {
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
  } else row.warnings.push('pas de coordonnées : le lieu sera placé au centre de sa commune (position approximative)');
  if (fields.openingHours && !isSimpleHours(fields.openingHours) && !parseHours(fields.openingHours).ok) {
    row.warnings.push(`horaires illisibles ignorés : « ${fields.openingHours} »`);
    fields.openingHours = null;
  }
  if (fields.summary && fields.summary.length > 280) fields.summary = `${fields.summary.slice(0, 279)}…`;
  fields.timeZone = timeZoneForCode(fields.inseeCode ?? fields.postcode);
  if (row.errors.length === 0) row.place = { sourceId: sourceId!, fields, active };
  return row;
}

// ---------------------------------------------------------------- France Services (national list)

export function franceServicesRow({ record: r, line }: CsvRecord): ParsedRow {
  const row: ParsedRow = { line, sourceId: text(r.id_fs), name: text(r.lib_fs), place: null, errors: [], warnings: [] };
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

// ---------------------------------------------------------------- National standard CSV (v1.0.x and the legacy v0.1)

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

function listOf<L extends StandardListName>(list: L, value: unknown, row: ParsedRow, column: string, separator: RegExp = /\|/): Array<ListKey<L>> {
  const out: Array<ListKey<L>> = [];
  for (const label of String(value ?? '').split(separator).map((v) => v.trim()).filter(Boolean)) {
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

/** The columns shared by v0.1 and v1. */
function commonStandardFields(r: Record<string, string>): ImportedFields {
  return {
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
    websites: normaliseUrl(r.site_web),
    openingHours: text(r.horaires),
    summary: text(r.presentation_resume),
    presentation: r.presentation_detail?.trim() || null,
    source: text(r.source),
    parentStructure: text(r.structure_parente),
    appointmentUrl: normaliseUrl(r.prise_rdv)[0] ?? null,
    dateMaj: parseFrenchDate(r.date_maj) ?? new Date(0),
  };
}

export function standardRow({ record: r, line }: CsvRecord): ParsedRow {
  const row: ParsedRow = { line, sourceId: text(r.id), name: text(r.nom), place: null, errors: [], warnings: [] };
  const fields: ImportedFields = {
    ...commonStandardFields(r),
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
    otherLabels: String(r.autres_formations_labels ?? '').split('|').map((v) => v.trim()).filter(Boolean),
    accessModes: listOf('ModaliteAcces', r.modalites_acces, row, 'accès'),
    supportModes: listOf('ModaliteAccompagnement', r.modalites_accompagnement, row, 'accompagnement'),
  };
  if (!parseFrenchDate(r.date_maj)) row.errors.push(`date_maj invalide (${r.date_maj ?? 'vide'})`);
  if (r.telephone && !fields.phone) row.warnings.push(`téléphone illisible ignoré : « ${r.telephone} »`);
  return finish(row, fields, row.sourceId, true);
}

// The v0.1 lists, mapped to v1 as the standard's changelog (descriptif-des-evolutions) says. Keys
// are folded labels (lower case, no accents, the part before " : ").
const fold = (v: string) => v.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().split(' : ')[0].replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();

const LEGACY_SERVICES: Record<string, ImportedFields['services'][number]> = {
  'devenir autonome dans les demarches administratives': 'AideAuxDemarchesAdministratives',
  'realiser des demarches administratives avec un accompagnement': 'AideAuxDemarchesAdministratives',
  'accompagner les demarches de sante': 'AideAuxDemarchesAdministratives',
  'prendre en main un smartphone ou une tablette': 'MaitriseDesOutilsNumeriquesDuQuotidien',
  'prendre en main un ordinateur': 'MaitriseDesOutilsNumeriquesDuQuotidien',
  'utiliser le numerique au quotidien': 'MaitriseDesOutilsNumeriquesDuQuotidien',
  'favoriser mon insertion professionnelle': 'InsertionProfessionnelleViaLeNumerique',
  'creer et developper mon entreprise': 'InsertionProfessionnelleViaLeNumerique',
  "soutenir la parentalite et l'education avec le numerique": 'ParentaliteEtEducationAvecLeNumerique',
  'creer avec le numerique': 'LoisirsEtCreationsNumeriques',
  'approfondir ma culture numerique': 'ComprehensionDuMondeNumerique',
  'promouvoir la citoyennete numerique': 'ComprehensionDuMondeNumerique',
  'acceder a une connexion internet': 'AccesInternetEtMaterielInformatique',
  'acceder a du materiel': 'AccesInternetEtMaterielInformatique',
  "s'equiper en materiel informatique": 'MaterielInformatiqueAPrixSolidaire',
};

type LegacyPublic = { publics?: ImportedFields['publics'][number]; support?: ImportedFields['specificSupport'][number] } | null;
const LEGACY_PUBLICS: Record<string, LegacyPublic> = {
  'seniors (+ 65 ans)': { publics: 'Seniors' },
  'familles/enfants': { publics: 'FamillesEnfants' },
  'jeunes (16-26 ans)': { publics: 'Jeunes' },
  'uniquement femmes': { publics: 'Femmes' },
  adultes: null, // everyone: no v1 value
  'public langues etrangeres': { support: 'LanguesEtrangeresAutre' },
  'deficience visuelle': { support: 'DeficienceVisuelle' },
  surdite: { support: 'Surdite' },
  'handicaps psychiques': { support: 'HandicapsMentaux' },
  'handicaps mentaux': { support: 'HandicapsMentaux' },
  "personnes en situation d'illettrisme": { support: 'Illettrisme' },
};

const LEGACY_FEES: Record<string, ImportedFields['fees'][number]> = {
  gratuit: 'Gratuit',
  'gratuit sous condition': 'GratuitSousCondition',
  payant: 'Payant',
  'accepte le pass numerique': 'Payant',
  adhesion: 'Payant',
};

type LegacyLabel = { programme?: ImportedFields['programmes'][number]; label?: ImportedFields['labels'][number]; other?: string };
const LEGACY_LABELS: Record<string, LegacyLabel> = {
  'france services': { programme: 'FranceServices' },
  cnfs: { programme: 'ConseillersNumeriques' },
  'aidants connect': { programme: 'AidantsConnect' },
  'grandes ecoles du numerique': { programme: 'GrandeEcoleDuNumerique' },
  'point relais caf': { programme: 'PointNumeriqueCAF' },
  'point numerique caf': { programme: 'PointNumeriqueCAF' },
  'fabriques de territoire': { label: 'FabriquesDeTerritoire' },
  aptic: { other: 'APTIC' },
  'relais pole emploi': { other: 'Relais Pôle emploi' },
  'french tech': { other: 'French Tech' },
  'campus connecte': { other: 'Campus connecté' },
};

const LEGACY_SUPPORT: Record<string, ImportedFields['supportModes'][number]> = {
  seul: 'EnAutonomie',
  "avec de l'aide": 'AccompagnementIndividuel',
  'dans un atelier': 'DansUnAtelier',
  'a ma place': 'AccompagnementIndividuel',
};

function legacyList<T>(value: unknown, table: Record<string, T>, row: ParsedRow, column: string): T[] {
  const out: T[] = [];
  for (const label of String(value ?? '').split(/[|;]/).map((v) => v.trim()).filter(Boolean)) {
    const key = fold(label);
    if (!(key in table)) {
      row.warnings.push(`${column} : valeur inconnue ignorée « ${label.slice(0, 60)} »`);
      continue;
    }
    const mapped = table[key];
    if (mapped !== null && !out.includes(mapped)) out.push(mapped);
  }
  return out;
}

const uniq = <T,>(values: Array<T | undefined>) => [...new Set(values.filter((v): v is T => v !== undefined))];

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
    otherLabels: uniq([...labels.map((l) => l.other), ...String(r.labels_autres ?? '').split(/[|;]/).map((v) => v.trim()).filter(Boolean)]),
    supportModes: legacyList(r.modalites_accompagnement, LEGACY_SUPPORT, row, 'modalites_accompagnement'),
  };
  if (!parseFrenchDate(r.date_maj)) row.errors.push(`date_maj invalide (${r.date_maj ?? 'vide'})`);
  if (r.telephone && !fields.phone) row.warnings.push(`téléphone illisible ignoré : « ${r.telephone} »`);
  return finish(row, fields, row.sourceId, true);
}

// ---------------------------------------------------------------- City of Angers guide

const ANGERS_TYPES: Array<[RegExp, ImportedFields['typologies'][number]]> = [
  [/biblioth|m[ée]diath/i, 'BIB'],
  [/maison de quartier|centre social|espace socio/i, 'CS'],
  [/france services/i, 'RFS'],
  [/\bcaf\b/i, 'CAF'],
  [/\bccas\b/i, 'CCAS'],
  [/mission locale/i, 'ML'],
  [/information jeunesse|\bpij\b|\bbij\b/i, 'PIJ_BIJ'],
  [/h[ôo]tel de ville|mairie/i, 'MUNI'],
  [/cyber|espace public num/i, 'EPN'],
];

export function readAngers(content: string): ParsedRow[] {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch {
    return [{ line: 1, sourceId: null, name: null, place: null, errors: ['fichier JSON illisible'], warnings: [] }];
  }
  if (!Array.isArray(data)) return [{ line: 1, sourceId: null, name: null, place: null, errors: ['le fichier doit contenir une liste de lieux'], warnings: [] }];
  return data.map((raw, index) => {
    const r = (raw ?? {}) as Record<string, unknown>;
    const name = text(r.USER_NOM);
    const row: ParsedRow = { line: index + 1, sourceId: text(r.TYPO_UID), name, place: null, errors: [], warnings: [] };
    const has = (key: string) => !!text(r[key]);
    const qualifs = ['QUALIF1', 'QUALIF2', 'QUALIF3', 'QUALIF4', 'QUALIF5', 'QUALIF6', 'QUALIF7', 'QUALIF8'].map((k) => text(r[k]) ?? '').join(' ');
    const services: ImportedFields['services'] = [];
    if (has('AIDE_DEMAT') || /d[ée]marches/i.test(qualifs)) services.push('AideAuxDemarchesAdministratives');
    if (has('FORM_PERF') || /initiation|imprimante|scanner/i.test(qualifs)) services.push('MaitriseDesOutilsNumeriquesDuQuotidien');
    if (has('ACCES_ORDI') || has('WIFI') || has('PRET_MAT')) services.push('AccesInternetEtMaterielInformatique');
    if (has('SENS_INTER')) services.push('UtilisationSecuriseeDuNumerique');
    if (has('AVIS_NUM')) services.push('ComprehensionDuMondeNumerique');
    if (has('REPAR_MAT')) services.push('MaterielInformatiqueAPrixSolidaire');
    const audience = String(r.PUBLIC_ ?? '');
    const publics: ImportedFields['publics'] = [];
    if (/jeune/i.test(audience)) publics.push('Jeunes');
    if (/[ée]tudiant/i.test(audience)) publics.push('Etudiants');
    if (/senior/i.test(audience)) publics.push('Seniors');
    if (/famille|enfant|parent/i.test(audience)) publics.push('FamillesEnfants');
    if (/femme/i.test(audience)) publics.push('Femmes');
    const kind = `${text(r.PICTO) ?? ''} ${name ?? ''}`;
    const typologies = uniq(ANGERS_TYPES.filter(([re]) => re.test(kind)).map(([, code]) => code));
    const hoursText = text(r.HORAIRE);
    const hours = hoursText ? frenchHoursToOsm(hoursText) : null;
    if (hoursText && !hours) row.warnings.push(`horaires en texte libre non convertis, gardés dans la présentation : « ${hoursText.slice(0, 80)} »`);
    const notes = [hoursText && !hours ? `Horaires : ${hoursText}` : null, text(r.TRANSPORT) ? `Accès : ${text(r.TRANSPORT)}` : null, text(r.USER_QUART) ? `Quartier : ${text(r.USER_QUART)}` : null].filter(Boolean);
    const mail = text(r.MAIL);
    const fields: ImportedFields = {
      ...emptyFields(),
      name: name ?? '',
      street: text(r.USER_ADRES) ?? '',
      postcode: text(r.code_postal) ?? '49000',
      commune: text(r.commune) ?? 'Angers',
      inseeCode: '49007',
      latitude: parseNumber(r.LAT),
      longitude: parseNumber(r.LNG),
      phone: normalisePhone(r.TELEPHONE),
      emails: normaliseEmail(mail),
      websites: normaliseUrl(r.SITE_INTER),
      openingHours: hours,
      presentation: notes.join('\n') || null,
      source: 'Ville d’Angers — guide des services numériques',
      typologies: typologies.length ? typologies : ['AUTRE'],
      itinerance: ['Fixe'],
      services,
      publics,
      accessModes: ['SePresenter', ...(has('TELEPHONE') ? (['Telephoner'] as const) : [])],
      dateMaj: parseFrenchDate(r.DATE_MAJ) ?? new Date(Date.UTC(2022, 8, 1)),
    };
    if (mail && fields.emails.length === 0) row.warnings.push(`courriel illisible ignoré : « ${mail.slice(0, 60)} »`);
    if (services.length === 0) row.warnings.push('aucun service renseigné');
    if (!parseFrenchDate(r.DATE_MAJ)) row.warnings.push('date de mise à jour absente : septembre 2022 retenu');
    return finish(row, fields, row.sourceId, true);
  });
}

// ---------------------------------------------------------------- Dispatch

export const FORMATS = ['standard', 'france-services', 'maine-et-loire', 'angers', 'generic'] as const;
export type SourceFormat = (typeof FORMATS)[number];
export const FORMAT_LABELS: Record<SourceFormat, string> = {
  standard: 'Standard national (CSV v1.0 ou v0.1)',
  'france-services': 'Liste nationale France Services (CSV)',
  'maine-et-loire': 'Annuaire de Maine-et-Loire (JSON, Lambert-93)',
  angers: 'Guide de la Ville d’Angers (JSON)',
  generic: 'Autre CSV, avec une correspondance de colonnes',
};

export type ReadOptions = { mapping?: ColumnMapping | null; /** bytes decoded at a time when streaming (tests use tiny ones) */ chunkSize?: number };

function csvRowReader(format: string, columns: string[], options: ReadOptions): (record: CsvRecord) => ParsedRow {
  if (format === 'france-services') return franceServicesRow;
  if (format === 'generic') {
    if (!options.mapping) throw new Error('Le format « generic » demande une correspondance de colonnes (--mapping fichier.json).');
    return genericRowReader(options.mapping, columns);
  }
  return isLegacyStandard(columns) ? legacyStandardRow : standardRow;
}

function unknownFormat(format: string): never {
  throw new Error(`Format inconnu « ${format} » : ${FORMATS.join(', ')}.`);
}

const unreadable = (error: unknown): ParsedRow => ({ line: 1, sourceId: null, name: null, place: null, errors: [`CSV illisible : ${(error as Error).message}`], warnings: [] });

/** Every row of a source at once (small files, tests). */
export function readSource(format: string, bytes: Buffer, options: ReadOptions = {}): ParsedRow[] {
  if (format === 'maine-et-loire') return readMaineEtLoire(decode(bytes));
  if (format === 'angers') return readAngers(decode(bytes));
  if (!['standard', 'france-services', 'generic'].includes(format)) unknownFormat(format);
  if (format === 'generic' && !options.mapping) csvRowReader(format, [], options);
  let records: CsvRecord[];
  try {
    records = csvRecords(bytes, format === 'generic' ? (options.mapping?.delimiter ?? undefined) : undefined);
  } catch (error) {
    return [unreadable(error)];
  }
  if (records.length === 0) return [];
  const reader = csvRowReader(format, Object.keys(records[0].record), options);
  return records.map(reader);
}

export type RowStream = { rows: AsyncIterable<ParsedRow>; progress: () => number };

/** The rows of a source one by one: CSV files are decoded and parsed in chunks, never whole. */
export function streamSource(format: string, bytes: Buffer, options: ReadOptions = {}): RowStream {
  if (format === 'maine-et-loire' || format === 'angers') {
    const rows = readSource(format, bytes, options);
    let done = 0;
    return {
      rows: (async function* () {
        for (const row of rows) {
          done++;
          yield row;
        }
      })(),
      progress: () => (rows.length ? done / rows.length : 1),
    };
  }
  if (!['standard', 'france-services', 'generic'].includes(format)) unknownFormat(format);
  if (format === 'generic' && !options.mapping) csvRowReader(format, [], options);
  const csv = streamCsvRecords(bytes, format === 'generic' ? (options.mapping?.delimiter ?? undefined) : undefined, options.chunkSize);
  return {
    rows: (async function* () {
      let reader: ((record: CsvRecord) => ParsedRow) | null = null;
      try {
        for await (const record of csv.records) {
          reader ??= csvRowReader(format, Object.keys(record.record), options);
          yield reader(record);
        }
      } catch (error) {
        yield unreadable(error);
      }
    })(),
    progress: csv.progress,
  };
}
