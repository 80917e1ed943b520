// `npm run harvesters:deliver`: pushes the change feed to the registered harvesters (webhooks,
// lib/harvesters/deliver.ts) until none is due, then prunes the feed's rows older than
// FEED_RETENTION_DAYS (90 days). Run it every minute from a schedule (cron, a systemd
// timer); two runs at once share the work without posting a batch twice.
import { createPrismaClient } from '../lib/db/client';
import { migrateDeploy } from '../lib/db/migrate';
import { FEED_RETENTION_DAYS, pruneChanges } from '../lib/export/changes';
import { deliverDue } from '../lib/harvesters/deliver';
import { fail, loadEnv, openDatabase } from './database';

async function main() {
  const config = loadEnv();
  const handle = await openDatabase(config);
  await migrateDeploy(handle.url);
  const db = createPrismaClient(handle.url, { max: 5 });
  const outcomes = await deliverDue(db, { baseUrl: config.PUBLIC_URL ?? process.env.NEXTAUTH_URL ?? 'http://localhost:3000' });
  const pruned = await pruneChanges(db, FEED_RETENTION_DAYS);
  await db.$disconnect();
  await handle.embedded?.stop();
  const count = (result: string) => outcomes.filter((o) => o.result === result).length;
  console.log(
    `Moissonneurs : ${count('delivered')} envoi(s) réussi(s), ${count('reset-notified')} avis de restauration, ${count('failed')} échec(s) à réessayer, ${count('gave-up')} abandon(s). ${pruned} changement(s) ancien(s) effacé(s).`,
  );
}

main().catch((error) => fail((error as Error).message));
