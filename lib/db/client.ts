import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';

const connectionStrings = new WeakMap<PrismaClient, string>();

/** A Prisma client talking to PostgreSQL through node-postgres (no native engine). */
export function createPrismaClient(connectionString: string, options: { max?: number } = {}): PrismaClient {
  const adapter = new PrismaPg({
    connectionString,
    max: options.max ?? Number(process.env.DATABASE_POOL_SIZE ?? 10),
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  const client = new PrismaClient({ adapter });
  connectionStrings.set(client, connectionString);
  return client;
}

/**
 * The database a client made by createPrismaClient talks to. Bulk writers (the import) send their
 * large statements through node-postgres directly: Prisma's query compiler copies every parameter
 * through WebAssembly, about 55 µs of CPU per kilobyte, which made up a fifth of an import's time.
 */
export function connectionStringOf(client: PrismaClient): string | undefined {
  return connectionStrings.get(client);
}
