// The data benchmark's import file: the synthetic places (bench/synthetic.ts) written as the
// standard's CSV, line by line, with the proof that no row repeats another.
import fs from 'node:fs';
import { csvHeader, csvLine, type StandardRecord } from '../lib/export/standard';
import type { ImportedFields } from '../lib/import/types';
import { STANDARD_LISTS, type StandardListName } from '../lib/standard/enums';
import { SyntheticStats, syntheticPlaces } from './synthetic';

/** A list as the standard writes it: its labels joined by "|". */
function labels(list: StandardListName, keys: string[]): string {
  const table = STANDARD_LISTS[list] as Record<string, string>;
  return keys.map((k) => table[k]).join('|');
}

function standardRecord(id: string, f: ImportedFields): StandardRecord {
  return {
    id,
    pivot: '00000000000000',
    nom: f.name,
    commune: f.commune,
    code_postal: f.postcode,
    code_insee: f.inseeCode,
    adresse: f.street,
    complement_adresse: f.addressComplement,
    latitude: f.latitude,
    longitude: f.longitude,
    typologie: labels('Typologie', f.typologies),
    telephone: f.phone,
    courriels: f.emails.join('|'),
    site_web: f.websites.join('|'),
    horaires: f.openingHours,
    presentation_resume: f.summary,
    presentation_detail: f.presentation,
    source: f.source,
    itinerance: labels('Itinerance', f.itinerance),
    structure_parente: f.parentStructure,
    date_maj: f.dateMaj.toISOString().slice(0, 10),
    services: labels('Service', f.services),
    publics_specifiquement_adresses: labels('PublicSpecifiquementAdresse', f.publics),
    prise_en_charge_specifique: labels('PriseEnChargeSpecifique', f.specificSupport),
    frais_a_charge: labels('FraisACharge', f.fees),
    dispositif_programmes_nationaux: labels('DispositifProgrammeNational', f.programmes),
    formations_labels: labels('FormationLabel', f.labels),
    autres_formations_labels: f.otherLabels.join('|'),
    modalites_acces: labels('ModaliteAcces', f.accessModes),
    modalites_accompagnement: labels('ModaliteAccompagnement', f.supportModes),
    fiche_acces_libre: f.accesLibreUrl,
    prise_rdv: f.appointmentUrl,
  };
}

/** Writes the diverse standard CSV to a file line by line (its generation is not measured). */
export function syntheticCsv(n: number, file: string): { stats: SyntheticStats; distinctRows: number } {
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, csvHeader());
  const stats = new SyntheticStats();
  // Rows compared without their id: proof that no row repeats another.
  const rows = new Set<string>();
  let chunk = '';
  let i = 0;
  for (const place of syntheticPlaces(n, { seed: 2026 })) {
    stats.add(place);
    const line = csvLine(standardRecord(place.sourceId, place.fields));
    rows.add(line.slice(line.indexOf(',')));
    chunk += line;
    if (++i % 1000 === 0) {
      fs.writeSync(fd, chunk);
      chunk = '';
    }
  }
  fs.writeSync(fd, chunk);
  fs.closeSync(fd);
  return { stats, distinctRows: rows.size };
}
