// `npm run ateliers:daily`: run once a day (cron, a systemd timer, the host's scheduler). Expands
// running series to the 6-month horizon (new sessions appear as time goes by), sends the
// reminders of the day before, and empties the personal data of registrations whose session ended more than 30 days ago. Idempotent.
import { createPrismaClient } from '../lib/db/client';
import { migrateDeploy } from '../lib/db/migrate';
import { extendHorizons } from '../lib/ateliers/sessions';
import { purgeRegistrations } from '../lib/ateliers/retention';
import { sendReminders } from '../lib/ateliers/reminders';
import { fail, loadEnv, openDatabase } from './database';

async function main() {
  const config = loadEnv();
  const handle = await openDatabase(config);
  await migrateDeploy(handle.url);
  const db = createPrismaClient(handle.url, { max: 2 });
  const added = await extendHorizons(db);
  const reminded = await sendReminders(db);
  const purged = await purgeRegistrations(db);
  await db.$disconnect();
  await handle.embedded?.stop();
  console.log(`Ateliers : ${added} séance(s) ajoutée(s) à l’horizon, ${reminded} rappel(s) envoyé(s), ${purged} inscription(s) anonymisée(s).`);
}

main().catch((error) => fail((error as Error).message));
