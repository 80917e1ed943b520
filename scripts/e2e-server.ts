// The app as the end-to-end tests see it: a fresh, seeded `reperes_e2e` database (on the
// server named by TEST_DATABASE_URL / DATABASE_URL, or an embedded PostgreSQL) and the
// production build served by `next start`. Started by Playwright's webServer.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createPrismaClient } from '../lib/db/client';
import { seedDemo } from '../prisma/seed';
import { createTestDatabase } from '../tests/setup/test-database';

async function main() {
  const port = process.env.E2E_PORT ?? '3100';
  const database = await createTestDatabase(process.env.E2E_DB_NAME ?? 'reperes_e2e', Number(process.env.E2E_PG_PORT ?? 54331));
  const prisma = createPrismaClient(database.url, { max: 2 });
  await seedDemo(prisma);
  await prisma.$disconnect();

  const root = path.resolve(__dirname, '..');
  const app = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', port], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      NEXTAUTH_URL: `http://localhost:${port}`,
      NEXTAUTH_SECRET: 'e2e-secret-not-for-production-0123456789',
      E2E: '1',
    },
  });
  const stop = async () => {
    app.kill('SIGTERM');
    await database.stop().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  app.on('exit', async (code) => {
    await database.stop().catch(() => undefined);
    process.exit(code ?? 0);
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
