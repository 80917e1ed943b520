// Where the app's database is: DATABASE_URL when set, otherwise the embedded PostgreSQL.
import { parseEnv, ConfigError, type Env } from '../lib/config/env';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../lib/db/embedded';

export type DatabaseHandle = { url: string; embedded: EmbeddedDatabase | null };

/** Loads .env (if any) and validates the environment, exiting with one French sentence if wrong. */
export function loadEnv(): Env {
  try {
    process.loadEnvFile?.('.env');
  } catch {
    // no .env file: the defaults and the real environment apply
  }
  try {
    return parseEnv(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`\n✖ ${error.message}\n  Corrigez la variable (voir .env.example) puis relancez.\n`);
      process.exit(1);
    }
    throw error;
  }
}

export async function openDatabase(config: Env, database = 'reperes'): Promise<DatabaseHandle> {
  if (config.DATABASE_URL) {
    await checkConnection(config.DATABASE_URL);
    return { url: config.DATABASE_URL, embedded: null };
  }
  const embedded = await startEmbeddedPostgres({ dir: config.EMBEDDED_PG_DIR, port: config.EMBEDDED_PG_PORT, database });
  return { url: embedded.url, embedded };
}

export function fail(message: string): never {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}

/** Fails with one sentence when the configured server cannot be reached. */
async function checkConnection(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    const host = new URL(url).host;
    fail(`Impossible de se connecter à la base PostgreSQL ${host} (DATABASE_URL) : ${(error as Error).message}.`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
