// The City of Angers guide of digital services (JSON): services and publics read from free text,
// hours in French words converted when they can be.
import { frenchHoursToOsm } from '../french-hours';
import { normaliseEmail, normalisePhone, normaliseUrl, parseFrenchDate, parseNumber } from '../normalize';
import type { ImportedFields, ParsedRow } from '../types';
import { emptyFields, finish, text, uniq } from './common';

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
  if (!Array.isArray(data))
    return [{ line: 1, sourceId: null, name: null, place: null, errors: ['le fichier doit contenir une liste de lieux'], warnings: [] }];
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
    const notes = [
      hoursText && !hours ? `Horaires : ${hoursText}` : null,
      text(r.TRANSPORT) ? `Accès : ${text(r.TRANSPORT)}` : null,
      text(r.USER_QUART) ? `Quartier : ${text(r.USER_QUART)}` : null,
    ].filter(Boolean);
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
