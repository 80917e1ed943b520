// The open data the repository ships (data/, see data/README.md): the only place tests, scripts,
// benchmarks and the seed read real files from. Nothing reads outside the repository.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const DATA_DIR = path.resolve(__dirname, '..', '..', 'data');

export const DATA_FILES = {
  communes: 'reference/communes.csv.gz',
  departements: 'reference/departements.json',
  regions: 'reference/regions.json',
  franceServices: 'sources/france-services-2022-12.csv',
  maineEtLoire: 'sources/maine-et-loire.json',
  angers: 'sources/angers.json',
  standardSchema: 'standard/schema.json',
  standardExample: 'standard/exemple-valide.csv',
  ateliersSchema: 'ateliers/schema.json',
  demandSchema: 'recherches-sans-lieu/schema.json',
} as const;

export type DataFile = keyof typeof DATA_FILES;

export function dataPath(file: DataFile): string {
  return path.join(DATA_DIR, DATA_FILES[file]);
}

/** The file's bytes, gunzipped when it is stored compressed. */
export function readDataFile(file: DataFile): Buffer {
  const full = dataPath(file);
  if (!fs.existsSync(full)) throw new Error(`Donnée manquante dans le dépôt : ${full} (voir data/README.md)`);
  const bytes = fs.readFileSync(full);
  return isGzip(bytes) ? zlib.gunzipSync(bytes) : bytes;
}

export function readDataText(file: DataFile): string {
  return readDataFile(file).toString('utf8');
}

export function isGzip(bytes: Buffer): boolean {
  return bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}
