// Export for data·inclusion (the national repository of social-inclusion offers): one structure
// and one "Médiation numérique" service per place, mapped by the reference library
// @gouvfr-anct/lieux-de-mediation-numerique (services → numerique--* thématiques, frais, profils,
// modes d'orientation, labels nationaux), streamed in batches like the standard's exports.
import type { Prisma, PrismaClient } from '@prisma/client';
import { fromSchemaLieuDeMediationNumerique, toSchemaServiceDataInclusion, toSchemaStructureDataInclusion } from '@gouvfr-anct/lieux-de-mediation-numerique';
import { STANDARD_COLUMNS, standardRecords, type StandardRecord } from './standard';

export type DataInclusionKind = 'structures' | 'services';
type Db = Pick<PrismaClient, '$queryRaw'>;

const PRODUCER = 'Repères';

/** The standard's record as the library reads it: empty cells left out, the unknown pivot too. */
function schemaRecord(record: StandardRecord) {
  const out: Record<string, string | number> = {};
  for (const column of STANDARD_COLUMNS) {
    const value = record[column];
    if (value === null || value === undefined || value === '') continue;
    if (column === 'pivot' && /^0+$/.test(String(value))) continue;
    out[column] = value;
  }
  out.pivot ??= '00000000000000'; // the library requires one; removed from the output below
  return out;
}

/** One place in data·inclusion's terms, or null when the reference library refuses it. */
export function toDataInclusion(record: StandardRecord): { structure: Record<string, unknown>; service: Record<string, unknown> } | null {
  let lieu;
  try {
    lieu = fromSchemaLieuDeMediationNumerique(schemaRecord(record) as never);
  } catch {
    return null;
  }
  const source = (lieu as { source?: string }).source ?? PRODUCER;
  const structure: Record<string, unknown> = { ...toSchemaStructureDataInclusion(lieu), source };
  if (/^0+$/.test(String(structure.siret ?? ''))) delete structure.siret;
  const service: Record<string, unknown> = {
    ...toSchemaServiceDataInclusion({ ...lieu, source } as typeof lieu),
    // Where the service is given: the place's address and position.
    commune: structure.commune,
    code_postal: structure.code_postal,
    adresse: structure.adresse,
    ...(structure.code_insee ? { code_insee: structure.code_insee } : {}),
    ...(structure.complement_adresse ? { complement_adresse: structure.complement_adresse } : {}),
    ...(structure.latitude !== undefined ? { latitude: structure.latitude, longitude: structure.longitude } : {}),
    ...(structure.telephone ? { telephone: structure.telephone } : {}),
    ...(structure.courriel ? { courriel: structure.courriel } : {}),
    date_maj: structure.date_maj,
  };
  // The position is only the commune's centre: said, so that nobody takes it for the door.
  if (record.position_approximative === true) structure.position_approximative = service.position_approximative = true;
  return { structure, service };
}

/** A JSON array of data·inclusion structures or services, streamed. */
export function dataInclusionStream(db: Db, kind: DataInclusionKind, where?: Prisma.Sql): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const records = standardRecords(db, { where, batchSize: 2000 });
  let first = true;
  return new ReadableStream({
    start(controller) {
      controller.enqueue(encoder.encode('['));
    },
    async pull(controller) {
      let chunk = '';
      for (let i = 0; i < 200; i++) {
        const { value, done } = await records.next();
        if (done) {
          controller.enqueue(encoder.encode(`${chunk}]\n`));
          controller.close();
          return;
        }
        const mapped = toDataInclusion(value);
        if (!mapped) continue;
        chunk += (first ? '' : ',') + JSON.stringify(kind === 'structures' ? mapped.structure : mapped.service);
        first = false;
      }
      controller.enqueue(encoder.encode(chunk));
    },
  });
}
