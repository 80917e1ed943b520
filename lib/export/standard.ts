// Export in the national standard of lieux de médiation numérique (v1.0.2): the exact column
// order and formats of the standard's CSV, its JSON form, GeoJSON. The database stores the
// standard's own strings, so most columns are a plain read.
import type { PrismaClient } from '@prisma/client';
import { Prisma } from '@prisma/client';

export const STANDARD_COLUMNS = [
  'id',
  'pivot',
  'nom',
  'commune',
  'code_postal',
  'code_insee',
  'adresse',
  'complement_adresse',
  'latitude',
  'longitude',
  'typologie',
  'telephone',
  'courriels',
  'site_web',
  'horaires',
  'presentation_resume',
  'presentation_detail',
  'source',
  'itinerance',
  'structure_parente',
  'date_maj',
  'services',
  'publics_specifiquement_adresses',
  'prise_en_charge_specifique',
  'frais_a_charge',
  'dispositif_programmes_nationaux',
  'formations_labels',
  'autres_formations_labels',
  'modalites_acces',
  'modalites_accompagnement',
  'fiche_acces_libre',
  'prise_rdv',
] as const;

export type StandardColumn = (typeof STANDARD_COLUMNS)[number];
/**
 * A place in the standard's columns; read from the database it also says whether its position is
 * only its commune's centre (not a column of the standard: in the JSON and GeoJSON forms, never in
 * the CSV, which stays the standard's).
 */
export type StandardRecord = Record<StandardColumn, string | number | null> & {
  position_approximative?: boolean;
  verification_par?: string | null;
  verification_reseau?: string | null;
};

/** Free-text columns: a number there is text, neutralised like any other cell (see neutralise). */
const FREE_TEXT: ReadonlySet<StandardColumn> = new Set([
  'nom',
  'commune',
  'adresse',
  'complement_adresse',
  'presentation_resume',
  'presentation_detail',
  'source',
  'structure_parente',
  'autres_formations_labels',
  'horaires',
]);

/** The pivot is required by the standard; the national files use fourteen zeros when unknown. */
const UNKNOWN_PIVOT = '00000000000000';

const list = (column: string) => `coalesce(array_to_string(p."${column}"::text[], '|'), '')`;

/** Each column of the standard as an SQL expression on the place alias `p`. */
const EXPRESSIONS: Record<StandardColumn, string> = {
  id: 'p.id::text',
  pivot: `coalesce(nullif(regexp_replace(coalesce(p.pivot, ''), '[^A-Za-z0-9]', '', 'g'), ''), '${UNKNOWN_PIVOT}')`,
  nom: 'p.name',
  commune: 'p.commune',
  code_postal: 'p.postcode',
  code_insee: 'p."inseeCode"',
  adresse: 'p.street',
  complement_adresse: 'p."addressComplement"',
  latitude: 'p.latitude',
  longitude: 'p.longitude',
  typologie: list('typologies'),
  telephone: 'p.phone',
  courriels: list('emails'),
  site_web: list('websites'),
  horaires: 'p."openingHours"',
  presentation_resume: 'p.summary',
  presentation_detail: 'p.presentation',
  source: 'p.source',
  itinerance: list('itinerance'),
  structure_parente: 'p."parentStructure"',
  date_maj: `to_char(p."dateMaj", 'YYYY-MM-DD')`,
  services: list('services'),
  publics_specifiquement_adresses: list('publics'),
  prise_en_charge_specifique: list('specificSupport'),
  frais_a_charge: list('fees'),
  dispositif_programmes_nationaux: list('programmes'),
  formations_labels: list('labels'),
  autres_formations_labels: list('otherLabels'),
  modalites_acces: list('accessModes'),
  modalites_accompagnement: list('supportModes'),
  fiche_acces_libre: 'p."accesLibreUrl"',
  prise_rdv: 'p."appointmentUrl"',
};

// Who verified date_maj (issue #22), the rule of the place page (components/place/TrustSection.tsx): the recorded kind
// and network, else the place's first network by name; never a person (confirmedBy counts only with kind 'reseau').
// One subquery at most, and only for places without a recorded kind; `verification()` below finishes the rule.
const VERIFICATION = `p."confirmedByKind" AS verification_par, CASE WHEN p."confirmedByKind" IN ('lieu', 'equipe') THEN NULL WHEN p."confirmedByKind" = 'reseau' AND p."confirmedBy" IS NOT NULL THEN p."confirmedBy" ELSE (SELECT n.name FROM "NetworkMembership" m JOIN "Network" n ON n.id = m."networkId" WHERE m."placeId" = p.id ORDER BY n.name COLLATE "C" LIMIT 1) END AS verification_reseau`;

const SELECT = Prisma.raw(
  `${STANDARD_COLUMNS.map((c) => `${EXPRESSIONS[c]} AS ${c}`).join(', ')}, p."locationApproximate" AS position_approximative, ${VERIFICATION}`,
);
/** The record's columns on the place alias `p` (the change feed reads them beside its own). */
export const STANDARD_SELECT = SELECT;

// The same line as csvLine() below, written by PostgreSQL (a test compares them byte for byte),
// with the same neutralisation of spreadsheet formulas.
const CSV_LINE = Prisma.raw(
  `concat_ws(',', ${STANDARD_COLUMNS.map((c) => {
    const value = `coalesce((${EXPRESSIONS[c]})::text, '')`;
    const keep = [
      c === 'telephone' ? `${value} ~ '^(\\+33|\\+590|\\+594|\\+262|\\+596|\\+269|\\+687|\\+689|\\+508|\\+681)[0-9]{6,9}$'` : null,
      FREE_TEXT.has(c) ? null : `${value} ~ '^[+-]?[0-9]+(\\.[0-9]+)?$'`,
    ].filter(Boolean);
    const safe = `CASE WHEN ${value} ~ E'^[=+\\\\-@\\t\\r]'${keep.length ? ` AND NOT (${keep.join(' OR ')})` : ''} THEN '''' || ${value} ELSE ${value} END`;
    return `'"' || replace(${safe}, '"', '""') || '"'`;
  }).join(', ')}) || E'\\r\\n'`,
);

type Db = Pick<PrismaClient, '$queryRaw'>;

/**
 * Published places in the standard, in batches by id (keyset pagination): memory stays constant
 * whatever the number of places. `where` adds conditions on the place alias `p`. Fictional places
 * of the demonstration data set (`demo`) are never exported: every file, the API and its single
 * place read them through here, so harvesters never receive them.
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
      WHERE p.status = 'published' AND NOT p.demo AND p.id > ${after}::uuid ${options.where ? Prisma.sql`AND ${options.where}` : Prisma.empty}
      ORDER BY p.id LIMIT ${take}`;
    for (const row of rows) yield row;
    if (rows.length < take) return;
    after = String(rows[rows.length - 1].id);
    remaining -= rows.length;
  }
}

/**
 * The CSV lines of the published places, a batch of lines (one string) at a time, in id order:
 * PostgreSQL writes each line, so the export costs one query per 5,000 places and constant memory.
 */
export async function* csvChunks(db: Db, options: { where?: Prisma.Sql; batchSize?: number } = {}) {
  const batchSize = options.batchSize ?? 5000;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db.$queryRaw<Array<{ id: string; line: string }>>`
      SELECT p.id::text AS id, ${CSV_LINE} AS line FROM "Place" p
      WHERE p.status = 'published' AND NOT p.demo AND p.id > ${after}::uuid ${options.where ? Prisma.sql`AND ${options.where}` : Prisma.empty}
      ORDER BY p.id LIMIT ${batchSize}`;
    if (rows.length) yield rows.map((r) => r.line).join('');
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1].id;
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

/** The standard's multi-valued columns: "a|b" in its CSV, arrays in its JSON. */
export const LIST_COLUMNS: ReadonlySet<StandardColumn> = new Set<StandardColumn>([
  'typologie',
  'courriels',
  'site_web',
  'itinerance',
  'services',
  'publics_specifiquement_adresses',
  'prise_en_charge_specifique',
  'frais_a_charge',
  'dispositif_programmes_nationaux',
  'formations_labels',
  'modalites_acces',
  'modalites_accompagnement',
]);

/** Who verified date_maj: 'reseau' (with its name), 'lieu' (the place itself), 'equipe' (Repères), or null when unknown. */
export function verification(record: Pick<StandardRecord, 'date_maj' | 'verification_par' | 'verification_reseau'>) {
  const kind = record.verification_par ?? null;
  const reseau = record.verification_reseau ?? null;
  const par = kind === 'lieu' || kind === 'equipe' ? kind : reseau ? 'reseau' : null;
  return { date: record.date_maj, par, reseau: par === 'reseau' ? reseau : null };
}

/** The standard's JSON form: one object per place, lists as arrays. */
export function jsonRecord(record: StandardRecord) {
  const split = (value: string | number | null) => (typeof value === 'string' && value !== '' ? value.split('|') : []);
  const out: Record<string, unknown> = {};
  for (const column of STANDARD_COLUMNS) out[column] = LIST_COLUMNS.has(column) ? split(record[column]) : record[column] === '' ? null : record[column];
  // Not in the standard: the position is the commune's centre, the source gave none.
  out.position_approximative = record.position_approximative === true;
  // Not in the standard: who verified date_maj, a network or the place itself, never a person (issue #22).
  out.verification = verification(record);
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
  if (format === 'csv') {
    const chunks = csvChunks(db, { where });
    return new ReadableStream({
      start(controller) {
        controller.enqueue(encoder.encode(csvHeader()));
      },
      async pull(controller) {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      },
    });
  }
  const records = standardRecords(db, { where, batchSize: 2000 });
  let first = true;
  return new ReadableStream({
    async start(controller) {
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
      if (format === 'json') controller.enqueue(encoder.encode(separator + JSON.stringify(jsonRecord(value))));
      else controller.enqueue(encoder.encode(separator + JSON.stringify(geoJsonFeature(value))));
    },
  });
}
