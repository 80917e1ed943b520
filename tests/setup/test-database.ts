// The database the tests run against: a fresh one on the server named by TEST_DATABASE_URL or
// DATABASE_URL, or else on an embedded PostgreSQL of its own.
import { createFreshDatabase, type FreshDatabase } from '../../lib/db/fresh';

export type TestDatabase = FreshDatabase;

export function createTestDatabase(name: string, port: number): Promise<TestDatabase> {
  return createFreshDatabase({ name, port, serverUrl: process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL, embeddedDir: `.data/${name}-postgres` });
}
