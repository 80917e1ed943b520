// `npm run import:communes [-- <file|url>] [--replace]`: loads the reference list of communes (INSEE
// code, name, département, postcodes, centre point, population) used by the coverage pages and
// the offline geocoder. With no file, the reference the repository ships
// (data/reference/communes.csv.gz); a file or URL in the same format (gzipped or not) also works.
// --replace also removes the communes absent from the file (use it only with a complete file).
import fs from 'node:fs';
import path from 'node:path';
import { createPrismaClient } from '../lib/db/client';
import { migrateDeploy } from '../lib/db/migrate';
import { CommuneFileError, importCommunes, parseCommunesCsv, removeCommunesNotIn } from '../lib/coverage/communes';
import { dataPath, readDataFile } from '../lib/data/files';
import { fail, loadEnv, openDatabase } from './database';

async function main() {
  const input = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
  const bytes = await readInput(input);
  let communes;
  try {
    communes = parseCommunesCsv(bytes);
  } catch (error) {
    fail(error instanceof CommuneFileError ? error.message : String(error));
  }

  const config = loadEnv();
  const handle = await openDatabase(config);
  await migrateDeploy(handle.url);
  const db = createPrismaClient(handle.url, { max: 2 });
  const started = Date.now();
  const written = await importCommunes(db, communes);
  const removed = process.argv.includes('--replace')
    ? await removeCommunesNotIn(
        db,
        communes.map((c) => c.inseeCode),
      )
    : 0;
  await db.$disconnect();
  await handle.embedded?.stop();
  const departements = new Set(communes.map((c) => c.departement)).size;
  const placed = communes.filter((c) => c.latitude !== null).length;
  console.log(
    `${written} communes chargées (${departements} départements, ${placed} avec un point central) en ${((Date.now() - started) / 1000).toFixed(1)} s${removed ? `, ${removed} retirées` : ''}.`,
  );
}

/** The shipped reference when no file is given, otherwise the file or URL. */
async function readInput(input: string | undefined): Promise<Buffer> {
  if (!input) {
    console.log(`Référentiel des communes livré avec Repères : ${path.relative(process.cwd(), dataPath('communes'))}`);
    return readDataFile('communes');
  }
  if (/^https?:\/\//.test(input)) {
    const response = await fetch(input, { signal: AbortSignal.timeout(120_000) });
    if (!response.ok) fail(`Téléchargement impossible (${response.status}) : ${input}`);
    return Buffer.from(await response.arrayBuffer());
  }
  if (!fs.existsSync(input)) fail(`Fichier introuvable : ${input}`);
  return fs.readFileSync(input);
}

main().catch((error) => fail((error as Error).message));
