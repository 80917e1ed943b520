import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';

// Kept on the client itself under a registered symbol: a client cached on globalThis outlives a
// reload of this module (development server), a WeakMap of the module would not.
const CONNECTION_STRING = Symbol.for('reperes.connectionString');

/** A Prisma client talking to PostgreSQL through node-postgres (no native engine). */
export function createPrismaClient(connectionString: string, options: { max?: number } = {}): PrismaClient {
  const adapter = new PrismaPg({
    connectionString,
    max: options.max ?? Number(process.env.DATABASE_POOL_SIZE ?? 10),
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  const client = new PrismaClient({ adapter });
  Object.defineProperty(client, CONNECTION_STRING, { value: connectionString });
  return client;
}

/**
 * The database a client made by createPrismaClient talks to. Bulk writers (the import) send their
 * large statements through node-postgres directly: Prisma's query compiler copies every parameter
 * through WebAssembly, about 55 µs of CPU per kilobyte, which made up a fifth of an import's time.
 */
export function connectionStringOf(client: PrismaClient): string | undefined {
  return (client as unknown as Record<symbol, string | undefined>)[CONNECTION_STRING];
}
