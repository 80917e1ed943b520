import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';
import { createPrismaClient } from './client';

// One client per process (Next.js dev reloads modules, so keep it on globalThis).
const globalForDb = globalThis as unknown as { reperesDb?: PrismaClient; reperesReadDb?: PrismaClient };

export const db: PrismaClient = (globalForDb.reperesDb ??= createPrismaClient(requiredUrl()));

/** Read-only queries (search, pages, API) may go to a replica when one is configured. */
export const readDb: PrismaClient = (globalForDb.reperesReadDb ??= process.env.DATABASE_REPLICA_URL
  ? createPrismaClient(process.env.DATABASE_REPLICA_URL)
  : db);

// Without DATABASE_URL (e.g. during `next build`) queries fail with a connection error; importing
// the module must not, since the build imports every page.
function requiredUrl(): string {
  return process.env.DATABASE_URL ?? 'postgresql://database-url-not-set@127.0.0.1:1/none';
}

export { PrismaPg };
