// Export in the national standard of lieux de médiation numérique (v1.0.2): the exact column
// order and formats of the standard's CSV, its JSON form, GeoJSON. The database stores the
// standard's own strings, so most columns are a plain read.
import type { PrismaClient } from '@prisma/client';
import { Prisma } from '@prisma/client';

export const STANDARD_COLUMNS = [
  'id', 'pivot', 'nom', 'commune', 'code_postal', 'code_insee', 'adresse', 'complement_adresse', 'latitude', 'longitude',
  'typologie', 'telephone', 'courriels', 'site_web', 'horaires', 'presentation_resume', 'presentation_detail', 'source',
  'itinerance', 'structure_parente', 'date_maj', 'services', 'publics_specifiquement_adresses', 'prise_en_charge_specifique',
  'frais_a_charge', 'dispositif_programmes_nationaux', 'formations_labels', 'autres_formations_labels', 'modalites_acces',
  'modalites_accompagnement', 'fiche_acces_libre', 'prise_rdv',
] as const;

export type StandardColumn = (typeof STANDARD_COLUMNS)[number];
export type StandardRecord = Record<StandardColumn, string | number | null>;

/** Free-text columns: a number there is text, neutralised like any other cell (see neutralise). */
const FREE_TEXT: ReadonlySet<StandardColumn> = new Set([
  'nom', 'commune', 'adresse', 'complement_adresse', 'presentation_resume', 'presentation_detail', 'source', 'structure_parente', 'autres_formations_labels', 'horaires',
]);

/** The pivot is required by the standard; the national files use fourteen zeros when unknown. */
const UNKNOWN_PIVOT = '00000000000000';

const list = (column: string) => Prisma.raw(`coalesce(array_to_string(p."${column}"::text[], '|'), '')`);

const SELECT = Prisma.sql`
  p.id::text AS id,
  coalesce(nullif(regexp_replace(coalesce(p.pivot, ''), '[^A-Za-z0-9]', '', 'g'), ''), ${UNKNOWN_PIVOT}) AS pivot,
  p.name AS nom, p.commune, p.postcode AS code_postal, p."inseeCode" AS code_insee, p.street AS adresse,
  p."addressComplement" AS complement_adresse, p.latitude, p.longitude,
  ${list('typologies')} AS typologie, p.phone AS telephone, ${list('emails')} AS courriels, ${list('websites')} AS site_web,
  p."openingHours" AS horaires, p.summary AS presentation_resume, p.presentation AS presentation_detail, p.source,
  ${list('itinerance')} AS itinerance, p."parentStructure" AS structure_parente, to_char(p."dateMaj", 'YYYY-MM-DD') AS date_maj,
  ${list('services')} AS services, ${list('publics')} AS publics_specifiquement_adresses,
  ${list('specificSupport')} AS prise_en_charge_specifique, ${list('fees')} AS frais_a_charge,
  ${list('programmes')} AS dispositif_programmes_nationaux, ${list('labels')} AS formations_labels,
  ${list('otherLabels')} AS autres_formations_labels, ${list('accessModes')} AS modalites_acces,
  ${list('supportModes')} AS modalites_accompagnement, p."accesLibreUrl" AS fiche_acces_libre, p."appointmentUrl" AS prise_rdv`;

type Db = Pick<PrismaClient, '$queryRaw'>;

/**
 * Published places in the standard, in batches by id (keyset pagination): memory stays constant
 * whatever the number of places. `where` adds conditions on the place alias `p`.
 */
export async function* standardRecords(db: Db, options: { where?: Prisma.Sql; batchSize?: number; after?: string | null; limit?: number } = {}) {
  const batchSize = options.batchSize ?? 1000;
  let after = options.after ?? '00000000-0000-0000-0000-000000000000';
  let remaining = options.limit ?? Infinity;
  for (;;) {
    const take = Math.min(batchSize, remaining);
    if (take <= 0) return;
    const rows = await db.$queryRaw<StandardRecord[]>`
      SELECT ${SELECT} FROM "Place" p
      WHERE p.status = 'published' AND p.id > ${after}::uuid ${options.where ? Prisma.sql`AND ${options.where}` : Prisma.empty}
      ORDER BY p.id LIMIT ${take}`;
    for (const row of rows) yield row;
    if (rows.length < take) return;
    after = String(rows[rows.length - 1].id);
    remaining -= rows.length;
  }
}

/** The standard's phone pattern (E.164 with a French prefix): a legitimate leading "+". */
const STANDARD_PHONE = /^(\+33|\+590|\+594|\+262|\+596|\+269|\+687|\+689|\+508|\+681)\d{6,9}$/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * A cell a spreadsheet would read as a formula (starting with =, +, -, @, a tab or a carriage
 * return) gets a leading apostrophe, in every column. Two legitimate cases keep their sign, since
 * a spreadsheet reads them as values, never as formulas: a phone number in the standard's own
 * format (+33…, the `telephone` column) and a plain number (a western longitude, -0.55).
 */
export function neutralise(column: StandardColumn, value: string): string {
  if (!/^[=+\-@\t\r]/.test(value)) return value;
  if (column === 'telephone' && STANDARD_PHONE.test(value)) return value;
  if (!FREE_TEXT.has(column) && PLAIN_NUMBER.test(value)) return value;
  return `'${value}`;
}

function csvCell(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

export function csvHeader(): string {
  return `${STANDARD_COLUMNS.map(csvCell).join(',')}\r\n`;
}

export function csvLine(record: StandardRecord): string {
  return `${STANDARD_COLUMNS.map((column) => {
    const value = record[column];
    if (value === null || value === undefined) return '""';
    return csvCell(neutralise(column, typeof value === 'number' ? String(value) : value));
  }).join(',')}\r\n`;
}

/** The standard's JSON form: one object per place, lists as arrays. */
export function jsonRecord(record: StandardRecord) {
  const split = (value: string | number | null) => (typeof value === 'string' && value !== '' ? value.split('|') : []);
  const LISTS: StandardColumn[] = ['typologie', 'courriels', 'site_web', 'itinerance', 'services', 'publics_specifiquement_adresses', 'prise_en_charge_specifique', 'frais_a_charge', 'dispositif_programmes_nationaux', 'formations_labels', 'modalites_acces', 'modalites_accompagnement'];
  const out: Record<string, unknown> = {};
  for (const column of STANDARD_COLUMNS) out[column] = LISTS.includes(column) ? split(record[column]) : record[column] === '' ? null : record[column];
  return out;
}

export function geoJsonFeature(record: StandardRecord) {
  const { latitude, longitude, ...properties } = jsonRecord(record) as Record<string, unknown> & { latitude: number | null; longitude: number | null };
  return {
    type: 'Feature' as const,
    geometry: latitude !== null && longitude !== null ? { type: 'Point' as const, coordinates: [Number(longitude), Number(latitude)] } : null,
    properties,
  };
}

/** A web stream of the whole export in one format. */
export function exportStream(db: Db, format: 'csv' | 'json' | 'geojson', where?: Prisma.Sql): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const records = standardRecords(db, { where });
  let first = true;
  return new ReadableStream({
    async start(controller) {
      if (format === 'csv') controller.enqueue(encoder.encode(csvHeader()));
      if (format === 'json') controller.enqueue(encoder.encode('['));
      if (format === 'geojson') controller.enqueue(encoder.encode('{"type":"FeatureCollection","features":['));
    },
    async pull(controller) {
      const { value, done } = await records.next();
      if (done) {
        if (format === 'json') controller.enqueue(encoder.encode(']\n'));
        if (format === 'geojson') controller.enqueue(encoder.encode(']}\n'));
        controller.close();
        return;
      }
      const separator = first ? '' : ',';
      first = false;
      if (format === 'csv') controller.enqueue(encoder.encode(csvLine(value)));
      else if (format === 'json') controller.enqueue(encoder.encode(separator + JSON.stringify(jsonRecord(value))));
      else controller.enqueue(encoder.encode(separator + JSON.stringify(geoJsonFeature(value))));
    },
  });
}
