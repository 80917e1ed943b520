// The open data the repository ships (data/, see data/README.md): the only place tests, scripts,
// benchmarks and the seed read real files from. Nothing reads outside the repository.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

// In the app's server bundle __dirname is not this source folder (Turbopack says /ROOT/lib/data): the
// app then runs from the repository's root (npm start, the end-to-end server), which holds data/.
const SOURCE_ROOT = path.resolve(__dirname, '..', '..');
export const DATA_DIR = path.join(fs.existsSync(path.join(SOURCE_ROOT, 'data')) ? SOURCE_ROOT : /* turbopackIgnore: true */ process.cwd(), 'data');

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
  // The PDF fiche's font for Cyrillic and Arabic script (lib/orientation/pdf.ts; licence beside them).
  fontSans: 'fonts/DejaVuSans.ttf',
  fontSansBold: 'fonts/DejaVuSans-Bold.ttf',
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
