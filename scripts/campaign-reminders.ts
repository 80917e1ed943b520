// `npm run campaigns:remind`: sends the one reminder of every running campaign to the contacts who
// have not answered once its delay has passed (run it daily, e.g. from cron). Idempotent.
import { createPrismaClient } from '../lib/db/client';
import { migrateDeploy } from '../lib/db/migrate';
import { sendReminders } from '../lib/campaigns';
import { fail, loadEnv, openDatabase } from './database';

async function main() {
  const config = loadEnv();
  const handle = await openDatabase(config);
  await migrateDeploy(handle.url);
  const db = createPrismaClient(handle.url, { max: 2 });
  const sent = await sendReminders(db, { baseUrl: config.PUBLIC_URL ?? process.env.NEXTAUTH_URL ?? 'http://localhost:3000' });
  await db.$disconnect();
  await handle.embedded?.stop();
  console.log(`${sent} relance${sent > 1 ? 's' : ''} envoyée${sent > 1 ? 's' : ''}.`);
}

main().catch((error) => fail((error as Error).message));
