// `npm run db:backup -- <file> [--logical]` and `npm run db:restore -- <file>`: the database named
// by DATABASE_URL, or the embedded one. See lib/db/backup.ts for the two formats. `npm run
// db:feed-reset`: the change feed's reset after a pg_restore run by hand (db:restore does it).
import { backupDatabase, resetFeedAfterManualRestore, restoreDatabase } from '../lib/db/backup';
import { fail, loadEnv, openDatabase } from './database';

async function main() {
  const [command, file] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  if (command === 'feed-reset') return feedReset();
  if (!file || !['backup', 'restore'].includes(command)) fail('Usage : npm run db:backup -- <fichier> [--logical] | npm run db:restore -- <fichier>');
  const handle = await openDatabase(loadEnv());
  try {
    if (command === 'backup') {
      const result = await backupDatabase(handle.url, file, { format: process.argv.includes('--logical') ? 'logical' : undefined });
      console.log(
        result.format === 'pg_dump'
          ? `Sauvegarde pg_dump (format custom) écrite dans ${file} — ${result.tool}.`
          : `Sauvegarde logique écrite dans ${file} : ${result.rows} lignes${process.argv.includes('--logical') ? '' : ' (aucun pg_dump assez récent pour ce serveur)'}.`,
      );
    } else {
      const result = await restoreDatabase(handle.url, file);
      console.log(result.format === 'pg_dump' ? `Base restaurée depuis ${file} (pg_restore).` : `Base restaurée depuis ${file} : ${result.rows} lignes.`);
    }
  } finally {
    await handle.embedded?.stop();
  }
}

async function feedReset() {
  const handle = await openDatabase(loadEnv());
  try {
    await resetFeedAfterManualRestore(handle.url);
    console.log('Flux de changements réinitialisé : les curseurs d’avant la restauration sont refusés, les moissonneurs par webhook seront prévenus.');
  } finally {
    await handle.embedded?.stop();
  }
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
