// `npm run import:communes -- <file|url> [--replace]`: loads the reference list of communes (INSEE
// code, name, département, postcodes, centre point, population) used by the coverage pages and
// the offline geocoder. Accepts the format of ../shared/data/reference/communes.csv.
// --replace also removes the communes absent from the file (use it only with a complete file).
import fs from 'node:fs';
import { createPrismaClient } from '../lib/db/client';
import { migrateDeploy } from '../lib/db/migrate';
import { CommuneFileError, importCommunes, parseCommunesCsv, removeCommunesNotIn } from '../lib/coverage/communes';
import { fail, loadEnv, openDatabase } from './database';

async function main() {
  const input = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
  if (!input) fail('Usage : npm run import:communes -- <fichier|url> [--replace]');
  const bytes = /^https?:\/\//.test(input)
    ? await fetch(input, { signal: AbortSignal.timeout(120_000) }).then(async (response) => {
        if (!response.ok) fail(`Téléchargement impossible (${response.status}) : ${input}`);
        return Buffer.from(await response.arrayBuffer());
      })
    : fs.existsSync(input)
      ? fs.readFileSync(input)
      : fail(`Fichier introuvable : ${input}`);
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
  const removed = process.argv.includes('--replace') ? await removeCommunesNotIn(db, communes.map((c) => c.inseeCode)) : 0;
  await db.$disconnect();
  await handle.embedded?.stop();
  const departements = new Set(communes.map((c) => c.departement)).size;
  const placed = communes.filter((c) => c.latitude !== null).length;
  console.log(`${written} communes chargées (${departements} départements, ${placed} avec un point central) en ${((Date.now() - started) / 1000).toFixed(1)} s${removed ? `, ${removed} retirées` : ''}.`);
}

main().catch((error) => fail((error as Error).message));
