// `npm run db:migrate`, `npm run db:seed`, `npm run db:migration -- <name>` (a new migration, offline).
import fs from 'node:fs';
import path from 'node:path';
import { createPrismaClient } from '../lib/db/client';
import { migrateDeploy, runPrisma } from '../lib/db/migrate';
import { seedDemo } from '../prisma/seed';
import { fail, loadEnv, openDatabase } from './database';

async function main() {
  const [command, name] = process.argv.slice(2);
  const config = loadEnv();
  const handle = await openDatabase(config);
  try {
    if (command === 'migrate') {
      console.log(await migrateDeploy(handle.url));
    } else if (command === 'seed') {
      await migrateDeploy(handle.url);
      const prisma = createPrismaClient(handle.url, { max: 2 });
      const result = await seedDemo(prisma);
      await prisma.$disconnect();
      console.log(`Données de démonstration : ${result.places} lieux.`);
    } else if (command === 'migration') {
      if (!name || !/^[a-z0-9_]+$/.test(name)) fail('Donnez un nom en minuscules : npm run db:migration -- ajout_champ');
      await migrateDeploy(handle.url);
      // Diffs the migrations (replayed on a shadow database) against the schema.
      const sql = runPrisma(
        ['migrate', 'diff', '--from-migrations', 'prisma/migrations', '--to-schema-datamodel', 'prisma/schema.prisma', '--script'],
        handle.url,
      );
      const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
      const dir = path.join('prisma', 'migrations', `${stamp}_${name}`);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'migration.sql'), sql.split('\n').filter((l) => !l.startsWith('Loaded Prisma') && !l.startsWith('Prisma config')).join('\n') + '\n');
      console.log(`Migration écrite dans ${dir}/migration.sql — relisez-la (index hors schéma, apostrophes) avant de la valider.`);
    } else {
      fail('Commande inconnue. Utilisez : migrate, seed ou migration <nom>.');
    }
  } finally {
    await handle.embedded?.stop();
  }
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
