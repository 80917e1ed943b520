import type { PrismaClient } from '@prisma/client';
import { createPrismaClient } from '../../lib/db/client';

let client: PrismaClient | undefined;

/** A Prisma client on the test database prepared by the global setup. */
export function testDb(): PrismaClient {
  if (!process.env.DATABASE_URL) throw new Error('The vitest global setup did not provide DATABASE_URL.');
  client ??= createPrismaClient(process.env.DATABASE_URL, { max: 4 });
  return client;
}

/** Empties every table (keeps the schema), for tests that need a known state. */
export async function resetDatabase(db: PrismaClient = testDb()) {
  const tables = await db.$queryRaw<Array<{ tablename: string }>>`
    SELECT tablename::text AS tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  if (tables.length === 0) return;
  await db.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`);
}
