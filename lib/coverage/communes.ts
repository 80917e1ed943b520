// The reference list of communes (INSEE code, name, département, postcodes, centre point,
// population) behind the coverage figures, read from the INSEE / La Poste based CSV of
// data/reference/communes.csv.gz: one row per (commune, postcode), `COM` rows for current
// communes and `COMD` rows for former communes merged into another (skipped: the new commune's
// row carries the whole population).
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { isGzip } from '../data/files';
import type { PrismaClient } from '@prisma/client';

export type CommuneRecord = {
  inseeCode: string;
  name: string;
  departement: string;
  region: string | null;
  postcodes: string[];
  latitude: number | null;
  longitude: number | null;
  population: number | null;
};

const REQUIRED = ['insee_com', 'insee_dep', 'commune', 'code_postal', 'commune_type', 'lat', 'lng', 'population_2021'] as const;

export class CommuneFileError extends Error {}

const number = (value: string | undefined) => {
  if (value === undefined || value.trim() === '') return null;
  const n = Number(value.trim().replace(',', '.'));
  return Number.isFinite(n) ? n : null;
};

/** Parses the file; throws a CommuneFileError (French sentence) when it is not in the expected format. */
export function parseCommunesCsv(content: string | Buffer): CommuneRecord[] {
  // The shipped reference is gzipped (data/reference/communes.csv.gz); a plain CSV works too.
  if (Buffer.isBuffer(content) && isGzip(content)) content = gunzipSync(content);
  let rows: Array<Record<string, string>>;
  try {
    rows = parse(content, { columns: true, skip_empty_lines: true, bom: true, relax_column_count: true, trim: true });
  } catch (error) {
    throw new CommuneFileError(`Le fichier des communes n’est pas un CSV lisible : ${(error as Error).message}`);
  }
  const header = rows.length ? Object.keys(rows[0]) : [];
  const missing = REQUIRED.filter((column) => !header.includes(column));
  if (missing.length) throw new CommuneFileError(`Colonnes manquantes dans le fichier des communes : ${missing.join(', ')}.`);

  const byCode = new Map<string, CommuneRecord>();
  for (const row of rows) {
    if (row.commune_type !== 'COM') continue;
    const code = row.insee_com;
    if (!/^(\d{5}|2[AB]\d{3})$/.test(code)) continue;
    const known = byCode.get(code);
    const postcode = /^\d{5}$/.test(row.code_postal) ? row.code_postal : null;
    if (known) {
      if (postcode && !known.postcodes.includes(postcode)) known.postcodes.push(postcode);
      continue;
    }
    const latitude = number(row.lat);
    const longitude = number(row.lng);
    const valid = latitude !== null && longitude !== null && Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180;
    const population = number(row.population_2021);
    byCode.set(code, {
      inseeCode: code,
      name: row.commune,
      departement: row.insee_dep,
      region: row.insee_reg || null,
      postcodes: postcode ? [postcode] : [],
      latitude: valid ? latitude : null,
      longitude: valid ? longitude : null,
      population: population === null ? null : Math.round(population),
    });
  }
  if (byCode.size === 0) throw new CommuneFileError('Le fichier ne contient aucune commune (lignes de type COM).');
  return [...byCode.values()];
}

/** Inserts or updates the communes, in batches; returns how many were written. */
export async function importCommunes(db: Pick<PrismaClient, '$executeRaw'>, communes: CommuneRecord[], batchSize = 2000): Promise<number> {
  let written = 0;
  for (let i = 0; i < communes.length; i += batchSize) {
    const batch = communes.slice(i, i + batchSize);
    written += await db.$executeRaw`
      INSERT INTO "Commune" ("inseeCode", name, departement, region, postcodes, latitude, longitude, population)
      SELECT c.code, c.name, c.dep, c.reg, string_to_array(c.postcodes, ' '), c.lat, c.lng, c.pop
      FROM unnest(
        ${batch.map((c) => c.inseeCode)}::text[], ${batch.map((c) => c.name)}::text[], ${batch.map((c) => c.departement)}::text[],
        ${batch.map((c) => c.region)}::text[], ${batch.map((c) => c.postcodes.join(' '))}::text[],
        ${batch.map((c) => c.latitude)}::float8[], ${batch.map((c) => c.longitude)}::float8[], ${batch.map((c) => c.population)}::int[]
      ) AS c(code, name, dep, reg, postcodes, lat, lng, pop)
      ON CONFLICT ("inseeCode") DO UPDATE SET name = excluded.name, departement = excluded.departement, region = excluded.region,
        postcodes = excluded.postcodes, latitude = excluded.latitude, longitude = excluded.longitude, population = excluded.population`;
  }
  return written;
}

/** Communes of the reference no longer in a complete file (merged since): removed with `--replace`. */
export async function removeCommunesNotIn(db: Pick<PrismaClient, '$executeRaw'>, codes: string[]): Promise<number> {
  return db.$executeRaw`DELETE FROM "Commune" WHERE NOT ("inseeCode" = ANY(${codes}::text[]))`;
}
