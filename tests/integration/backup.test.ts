import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase, backupFormatOf, findPgTool, restoreDatabase, serverMajor } from '../../lib/db/backup';
import { createPrismaClient } from '../../lib/db/client';
import { createFreshDatabase } from '../../lib/db/fresh';
import { seedDemo } from '../../prisma/seed';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reperes-backup-'));
let url: string;

async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** Row count of every application table, and a checksum of every column of every place. */
async function fingerprint() {
  const tables = await query<{ name: string }>(`SELECT tablename::text AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
  const counts: Record<string, number> = {};
  for (const { name } of tables) counts[name] = Number((await query<{ n: string }>(`SELECT count(*) AS n FROM "${name}"`))[0].n);
  const [{ sum }] = await query<{ sum: string }>(`SELECT md5(string_agg(p::text, '|' ORDER BY p.id)) AS sum FROM "Place" p`);
  const [{ slots }] = await query<{ slots: string }>(`SELECT md5(string_agg(s::text, '|' ORDER BY s.id)) AS slots FROM "PlaceOpeningSlot" s`);
  return { counts, sum, slots };
}

async function wipe() {
  const tables = await query<{ name: string }>(
    `SELECT tablename::text AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  );
  await query(`TRUNCATE ${tables.map((t) => `"${t.name}"`).join(', ')} RESTART IDENTITY CASCADE`);
  expect(Number((await query<{ n: string }>(`SELECT count(*) AS n FROM "Place"`))[0].n)).toBe(0);
}

describe('backup and restore', () => {
  beforeAll(async () => {
    // A database of its own on the test server.
    const fresh = await createFreshDatabase({
      name: `${process.env.TEST_DB_NAME ?? 'reperes_test'}_backup`,
      serverUrl: process.env.DATABASE_URL,
      embeddedDir: '',
      port: 0,
    });
    url = fresh.url;
    const prisma = createPrismaClient(url, { max: 2 });
    await seedDemo(prisma, { testFixture: true });
    await prisma.$disconnect();
  }, 120_000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('pg_dump: backs up, survives a wiped schema, restores the same rows', async (context) => {
    const major = await serverMajor(url);
    if (!findPgTool('pg_dump', major) || !findPgTool('pg_restore', major)) {
      console.warn(`No pg_dump/pg_restore ${major}+ on this machine: the pg_dump format is exercised on the PostgreSQL 15 pass of CI.`);
      context.skip();
    }
    const before = await fingerprint();
    expect(before.counts.Place).toBeGreaterThanOrEqual(50);
    const file = path.join(dir, 'reperes.dump');
    const result = await backupDatabase(url, file, { format: 'pg_dump' });
    expect(result.format).toBe('pg_dump');
    expect(backupFormatOf(file)).toBe('pg_dump');

    // Wiped for good: no schema at all, not even the extensions.
    await query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    expect(await query(`SELECT 1 FROM pg_tables WHERE schemaname = 'public'`)).toEqual([]);
    await restoreDatabase(url, file);
    expect(await fingerprint()).toEqual(before);
    // The search indexes and extensions came back too: the radius search still works.
    const [{ n }] = await query<{ n: string }>(
      `SELECT count(*) AS n FROM "Place" p WHERE earth_distance(reperes_earth(47.47, -0.55), reperes_earth(p.latitude, p.longitude)) < 20000`,
    );
    expect(Number(n)).toBeGreaterThan(0);
    // Restoring over a live database replaces it (--clean).
    await query(`UPDATE "Place" SET name = 'modifié après la sauvegarde'`);
    await restoreDatabase(url, file);
    expect(await fingerprint()).toEqual(before);
  });

  it('logical backup (no recent enough pg_dump): backs up, wipes, restores the same rows', async () => {
    const before = await fingerprint();
    const file = path.join(dir, 'reperes.jsonl.gz');
    const result = await backupDatabase(url, file, { format: 'logical' });
    expect(result.rows).toBeGreaterThan(before.counts.Place);
    expect(backupFormatOf(file)).toBe('logical');
    await wipe();
    const restored = await restoreDatabase(url, file);
    expect(restored.rows).toBe(result.rows);
    expect(await fingerprint()).toEqual(before);
    // Serial ids continue after the restored rows.
    const [{ max }] = await query<{ max: number }>(`SELECT max(id) AS max FROM "PlaceOpeningSlot"`);
    const [{ next }] = await query<{ next: number }>(`SELECT nextval(pg_get_serial_sequence('"PlaceOpeningSlot"', 'id'))::int AS next`);
    expect(next).toBeGreaterThan(max);
  });

  it('refuses a file that is not a backup, and a logical backup onto an older or a newer schema, changing nothing', async () => {
    const bogus = path.join(dir, 'bogus.txt');
    fs.writeFileSync(bogus, 'hello');
    await expect(restoreDatabase(url, bogus)).rejects.toThrow(/Format de sauvegarde inconnu/);

    const before = await fingerprint();
    const file = path.join(dir, 'ahead.jsonl.gz');
    await backupDatabase(url, file, { format: 'logical' });
    const latest = (await query<{ name: string }>(`SELECT migration_name AS name FROM _prisma_migrations ORDER BY 1 DESC LIMIT 1`))[0].name;
    const saved = await query<Record<string, unknown>>(`SELECT * FROM _prisma_migrations WHERE migration_name = '${latest}'`);
    await query(`DELETE FROM _prisma_migrations WHERE migration_name = '${latest}'`);
    try {
      await expect(restoreDatabase(url, file)).rejects.toThrow(/migrations manquantes/);
      expect(await fingerprint()).toEqual({ ...before, counts: { ...before.counts, _prisma_migrations: before.counts._prisma_migrations - 1 } });
    } finally {
      const row = saved[0];
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const columns = Object.keys(row);
      await client.query(
        `INSERT INTO _prisma_migrations (${columns.join(',')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(',')})`,
        columns.map((c) => row[c]),
      );
      await client.end();
    }

    // A backup older than the database (a migration applied since): refused too, nothing changed.
    await query(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, finished_at, applied_steps_count) VALUES ('future', 'x', '29991231000000_later', now(), 1)`,
    );
    try {
      await expect(restoreDatabase(url, file)).rejects.toThrow(/version plus ancienne de Repères.*29991231000000_later/);
      expect(await fingerprint()).toEqual({ ...before, counts: { ...before.counts, _prisma_migrations: before.counts._prisma_migrations + 1 } });
    } finally {
      await query(`DELETE FROM _prisma_migrations WHERE migration_name = '29991231000000_later'`);
    }
  });
});
