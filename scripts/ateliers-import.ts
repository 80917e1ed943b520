// `npm run ateliers:import -- --lieu <slug> [--theme <Service>] [--essai] <fichier.ics|https://…>`: imports a
// place's existing iCalendar feed into its ateliers (lib/ateliers/ical-import.ts), with an
// administrator's rights. Re-run it to follow the feed: nothing is duplicated. Fetching an address
// happens only here, on the operator's command: the back-office takes files, never addresses
// (no server-side request to an address a user typed; docs/security.md).
import fs from 'node:fs';
import { createPrismaClient } from '../lib/db/client';
import { migrateDeploy } from '../lib/db/migrate';
import { importFeed, reportLines } from '../lib/ateliers/ical-import';
import { ICS_MAX_BYTES } from '../lib/ateliers/ical-read';
import { fail, loadEnv, openDatabase } from './database';

const USAGE = 'Usage : npm run ateliers:import -- --lieu <slug-du-lieu> [--theme <Service>] [--essai] <fichier.ics|https://…>';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : undefined;
}

/** The feed's bytes from a file or an http(s) address, at most ICS_MAX_BYTES (+1 to tell it was more). */
async function readInput(input: string): Promise<Uint8Array> {
  if (!/^https?:\/\//i.test(input)) {
    if (!fs.existsSync(input)) fail(`Fichier introuvable : ${input}`);
    return fs.readFileSync(input);
  }
  const response = await fetch(input, { signal: AbortSignal.timeout(30_000), redirect: 'follow' }).catch((e: Error) =>
    fail(`Le calendrier n’a pas pu être téléchargé (${e.message}).`),
  );
  if (!response.ok || !response.body) fail(`Le calendrier n’a pas pu être téléchargé : réponse ${response.status}.`);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    chunks.push(chunk);
    total += chunk.byteLength;
    if (total > ICS_MAX_BYTES) break;
  }
  return Buffer.concat(chunks);
}

async function main() {
  const slug = option('lieu');
  const theme = option('theme') ?? null;
  const input = process.argv.slice(2).find((arg, i, all) => !arg.startsWith('--') && !['--lieu', '--theme'].includes(all[i - 1]));
  if (!slug || !input) fail(USAGE);
  const bytes = await readInput(input);
  const config = loadEnv();
  const handle = await openDatabase(config);
  await migrateDeploy(handle.url);
  const db = createPrismaClient(handle.url, { max: 2 });
  try {
    const place = await db.place.findUnique({ where: { slug }, select: { id: true, name: true } });
    if (!place) fail(`Aucun lieu n’a l’identifiant « ${slug} » (le slug de son adresse /lieux/…).`);
    const operator = { id: '', email: 'ligne-de-commande', name: null, role: 'ADMIN' as const, networkIds: [], placeIds: [] };
    const result = await importFeed(db, operator, place.id, bytes, { defaultTheme: theme, dryRun: process.argv.includes('--essai') });
    if (!result.ok) fail(result.error);
    console.log(`${place.name} :`);
    for (const line of reportLines(result)) console.log(`  ${line}`);
    if (result.refused.length) process.exitCode = 2;
  } finally {
    await db.$disconnect();
    await handle.embedded?.stop();
  }
}

main().catch((error) => fail((error as Error).message));
