// `npm run db:migrate`, `npm run db:seed`, `npm run db:migration -- <name>` (a new migration, offline).
// db:seed writes what the first `npm start` writes (real open data, then the demonstration set);
// `-- --no-demo-accounts` creates no demo account and disables those there; `-- --new-demo-passwords`
// gives the enabled demo accounts new generated passwords, printed once.
import fs from 'node:fs';
import path from 'node:path';
import { createPrismaClient } from '../lib/db/client';
import { migrateDeploy, runPrisma } from '../lib/db/migrate';
import { disableDemoAccounts } from '../lib/auth/demo-guard';
import { renewDemoPasswords, seedStart } from '../prisma/seed';
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
      const noAccounts = process.argv.includes('--no-demo-accounts');
      const result = await seedStart(prisma, { demoAccounts: !noAccounts, log: (line) => console.log(line) });
      const disabled = noAccounts ? await disableDemoAccounts(prisma) : 0;
      const renewed = process.argv.includes('--new-demo-passwords') && !noAccounts ? await renewDemoPasswords(prisma) : [];
      const places = await prisma.place.groupBy({ by: ['demo'], where: { status: 'PUBLISHED' }, _count: true });
      await prisma.$disconnect();
      const count = (demo: boolean) => places.find((p) => p.demo === demo)?._count ?? 0;
      console.log(`Lieux publiés : ${count(false)} réels (données ouvertes), ${count(true)} fictifs (réseau de démonstration).`);
      if (result.real.legacyDemo) console.log('Base d’une version précédente (données fictives seulement) : données réelles non chargées.');
      if (disabled) console.log(`${disabled} compte(s) de démonstration désactivé(s) : ils ne peuvent plus se connecter.`);
      const shown = [...(result.demo?.accounts ?? []), ...renewed];
      if (shown.length) {
        console.log('Comptes de démonstration — notez ces mots de passe, ils ne seront plus affichés :');
        for (const account of shown) console.log(`  ${account.role.padEnd(12)} ${account.email} / ${account.password}`);
      }
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
      fs.writeFileSync(
        path.join(dir, 'migration.sql'),
        sql
          .split('\n')
          .filter((l) => !l.startsWith('Loaded Prisma') && !l.startsWith('Prisma config'))
          .join('\n') + '\n',
      );
      console.log(`Migration écrite dans ${dir}/migration.sql — relisez-la (index hors schéma, apostrophes) avant de la valider.`);
    } else {
      fail('Commande inconnue. Utilisez : migrate, seed ou migration <nom>.');
    }
  } finally {
    await handle.embedded?.stop();
  }
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
