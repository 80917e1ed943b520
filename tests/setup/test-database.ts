// The database the tests run against: a fresh `reperes_test` database on the server named by
// TEST_DATABASE_URL or DATABASE_URL, or else on an embedded PostgreSQL of its own.
import { recreateDatabase, startEmbeddedPostgres } from '../../lib/db/embedded';
import { migrateDeploy } from '../../lib/db/migrate';

export type TestDatabase = { url: string; stop: () => Promise<void> };

export async function createTestDatabase(name: string, port: number): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (serverUrl) {
    const admin = new URL(serverUrl);
    admin.pathname = '/postgres';
    await recreateDatabase(admin.toString(), name);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    await migrateDeploy(url.toString());
    return { url: url.toString(), stop: async () => undefined };
  }
  const embedded = await startEmbeddedPostgres({ dir: `.data/${name}-postgres`, port, database: 'postgres' });
  await recreateDatabase(embedded.adminUrl, name);
  const url = embedded.url.replace(/\/postgres$/, `/${name}`);
  await migrateDeploy(url);
  return { url, stop: embedded.stop };
}
