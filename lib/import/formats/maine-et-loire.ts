// The Maine-et-Loire directory (JSON): positions in Lambert-93, categories turned into the
// standard's typologies, yes/no columns into services.
import proj4 from 'proj4';
import { normaliseEmail, normalisePhone, normaliseUrl, parseFrenchDate, parseNumber } from '../normalize';
import type { ImportedFields, ParsedRow } from '../types';
import { emptyFields, finish, text } from './common';

proj4.defs(
  'EPSG:2154',
  '+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs',
);
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
  if (!Array.isArray(data))
    return [{ line: 1, sourceId: null, name: null, place: null, errors: ['le fichier doit contenir une liste de lieux'], warnings: [] }];
  return data.map((raw, index) => {
    const r = (raw ?? {}) as Record<string, unknown>;
    const row: ParsedRow = { line: index + 1, sourceId: text(r.ID_LieuMed), name: text(r.NOM_STRUCTURE), place: null, errors: [], warnings: [] };
    const x = parseNumber(r.x);
    const y = parseNumber(r.y);
    let latitude: number | null = null;
    let longitude: number | null = null;
    if (x !== null && y !== null) [longitude, latitude] = lambert93.forward([x, y]);
    const category = text(r.SS_CAT) ?? '';
    const typologies = [
      ...new Set(category.split('/').flatMap((part) => MEL_TYPES.find(([re]) => re.test(part.trim()))?.[1] ?? [])),
    ] as ImportedFields['typologies'];
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
