import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '../../lib/db/client';
import { recreateDatabase } from '../../lib/db/embedded';
import { checkReadiness, shippedMigrations } from '../../lib/observability/readiness';
import { testDb } from '../helpers/db';

const db = testDb();
const shipped = shippedMigrations();
const clients: Array<{ $disconnect(): Promise<void> }> = [];

function otherDatabase(name: string) {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  const admin = new URL(process.env.DATABASE_URL!);
  admin.pathname = '/postgres';
  return { url: url.toString(), admin: admin.toString() };
}

describe('readiness (/api/ready)', () => {
  afterAll(async () => {
    await db.$executeRawUnsafe(`DELETE FROM _prisma_migrations WHERE migration_name = '29991231000000_broken'`);
    await Promise.all(clients.map((c) => c.$disconnect()));
  });

  it('is ready on the migrated test database, with every shipped migration applied', async () => {
    expect(shipped.length).toBeGreaterThanOrEqual(3);
    const state = await checkReadiness({ db });
    expect(state).toEqual({ ready: true, migrations: { applied: shipped.length, unknown: [] } });
  });

  it('names the pending migrations when the code ships one the database lacks', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reperes-migrations-'));
    for (const name of [...shipped, '29991231000000_future']) {
      fs.mkdirSync(path.join(dir, name));
      fs.writeFileSync(path.join(dir, name, 'migration.sql'), '-- test');
    }
    const state = await checkReadiness({ db, migrationsDir: dir });
    expect(state).toMatchObject({ ready: false, reason: 'migrations_pending', pending: ['29991231000000_future'] });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stays ready when the database is ahead of the code (rolling deploy), and lists the unknown ones', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reperes-migrations-'));
    for (const name of shipped.slice(0, -1)) {
      fs.mkdirSync(path.join(dir, name));
      fs.writeFileSync(path.join(dir, name, 'migration.sql'), '-- test');
    }
    const state = await checkReadiness({ db, migrationsDir: dir });
    expect(state).toMatchObject({ ready: true, migrations: { unknown: [shipped[shipped.length - 1]] } });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses while a migration has failed', async () => {
    await db.$executeRawUnsafe(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count) VALUES (gen_random_uuid()::text, 'x', '29991231000000_broken', now(), 0)`,
    );
    const state = await checkReadiness({ db });
    expect(state).toMatchObject({ ready: false, reason: 'migrations_failed', failed: ['29991231000000_broken'] });
    await db.$executeRawUnsafe(`DELETE FROM _prisma_migrations WHERE migration_name = '29991231000000_broken'`);
    expect((await checkReadiness({ db })).ready).toBe(true);
  });

  it('refuses on a database never migrated', async () => {
    const empty = otherDatabase(`${process.env.TEST_DB_NAME ?? 'reperes_test'}_empty`);
    await recreateDatabase(empty.admin, new URL(empty.url).pathname.slice(1));
    const client = createPrismaClient(empty.url, { max: 1 });
    clients.push(client);
    expect(await checkReadiness({ db: client })).toMatchObject({ ready: false, reason: 'migrations_table_missing' });
  });

  it('refuses, quickly, when the database does not answer (primary or replica)', async () => {
    const down = createPrismaClient('postgresql://postgres@127.0.0.1:1/none', { max: 1 });
    clients.push(down);
    const started = Date.now();
    expect(await checkReadiness({ db: down, timeoutMs: 2000 })).toMatchObject({ ready: false, reason: 'database_unreachable' });
    expect(await checkReadiness({ db, replica: down, timeoutMs: 2000 })).toMatchObject({ ready: false, reason: 'database_unreachable' });
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
