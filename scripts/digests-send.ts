// `npm run digests:send`: sends the coordinators' weekly digests due today (run it daily, e.g. from
// cron: each person receives theirs on the weekday they chose). Idempotent: run twice, it sends once.
import path from 'node:path';
import { createPrismaClient } from '../lib/db/client';
import { migrateDeploy } from '../lib/db/migrate';
import { sendDigests } from '../lib/digests';
import { fail, loadEnv, openDatabase } from './database';
import { localSecret } from './lib/auth-secret';

async function main() {
  const config = loadEnv();
  const handle = await openDatabase(config);
  await migrateDeploy(handle.url);
  const db = createPrismaClient(handle.url, { max: 2 });
  const run = await sendDigests(db, {
    baseUrl: config.PUBLIC_URL ?? process.env.NEXTAUTH_URL ?? 'http://localhost:3000',
    secret: config.NEXTAUTH_SECRET ?? localSecret(path.resolve(__dirname, '..')),
  });
  await db.$disconnect();
  await handle.embedded?.stop();
  console.log(
    `Semaine ${run.week} : ${run.sent} résumé${run.sent > 1 ? 's' : ''} envoyé${run.sent > 1 ? 's' : ''} ` +
      `(déjà envoyés : ${run.alreadySent} ; autre jour choisi : ${run.otherDay} ; désabonnés : ${run.optedOut} ; sans réseau : ${run.noNetwork} ; rien de neuf : ${run.nothingNew}).`,
  );
}

main().catch((error) => fail((error as Error).message));
