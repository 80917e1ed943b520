// The national France Services list (ANCT, CSV): one row per France Services, its weekday hours in
// six columns.
import type { CsvRecord } from '../csv';
import { normaliseEmail, normalisePhone, parseNumber, weekdayHoursToOsm } from '../normalize';
import type { ImportedFields, ParsedRow } from '../types';
import { emptyFields, finish, text } from './common';

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
