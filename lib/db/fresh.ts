// A fresh, migrated database for tests and benchmarks: recreated on the server named by
// `serverUrl`, or on an embedded PostgreSQL of its own when there is none.
import { recreateDatabase, startEmbeddedPostgres, type EmbeddedDatabase } from './embedded';
import { migrateDeploy } from './migrate';

export type FreshDatabase = { url: string; stop: () => Promise<void>; embedded?: EmbeddedDatabase };

export async function createFreshDatabase(options: { name: string; serverUrl?: string; embeddedDir: string; port: number }): Promise<FreshDatabase> {
  if (options.serverUrl) {
    const admin = new URL(options.serverUrl);
    admin.pathname = '/postgres';
    await recreateDatabase(admin.toString(), options.name);
    const url = new URL(options.serverUrl);
    url.pathname = `/${options.name}`;
    await migrateDeploy(url.toString());
    return { url: url.toString(), stop: async () => undefined };
  }
  const embedded = await startEmbeddedPostgres({ dir: options.embeddedDir, port: options.port, database: 'postgres' });
  await recreateDatabase(embedded.adminUrl, options.name);
  const url = embedded.url.replace(/\/postgres$/, `/${options.name}`);
  await migrateDeploy(url);
  return { url, stop: embedded.stop, embedded };
}
