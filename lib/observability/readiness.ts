// Readiness: the app may receive traffic when its database answers and every migration shipped
// with this version has been applied (none pending, none failed). Liveness is /api/health.
import fs from 'node:fs';
import path from 'node:path';
import type { PrismaClient } from '@prisma/client';

export type Readiness =
  | { ready: true; migrations: { applied: number; unknown: string[] } }
  | {
      ready: false;
      reason: 'database_unreachable' | 'migrations_pending' | 'migrations_failed' | 'migrations_table_missing';
      detail: string;
      pending?: string[];
      failed?: string[];
    };

type Db = Pick<PrismaClient, '$queryRawUnsafe'>;

/** The migrations shipped with this version: the folders of prisma/migrations holding a migration.sql. */
export function shippedMigrations(dir = path.join(/* turbopackIgnore: true */ process.cwd(), 'prisma', 'migrations')): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort();
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error) => (clearTimeout(timer), reject(error)),
    );
  });
}

type MigrationRow = { migration_name: string; finished_at: Date | null; rolled_back_at: Date | null };

export async function checkReadiness(options: { db: Db; replica?: Db; migrationsDir?: string; timeoutMs?: number }): Promise<Readiness> {
  const timeout = options.timeoutMs ?? 3000;
  let rows: MigrationRow[];
  try {
    const found = await withTimeout(
      options.db.$queryRawUnsafe<Array<{ table: string | null }>>(`SELECT to_regclass('public._prisma_migrations')::text AS "table"`),
      timeout,
    );
    if (!found[0]?.table) return { ready: false, reason: 'migrations_table_missing', detail: 'Aucune migration n’a été appliquée à cette base.' };
    rows = await withTimeout(options.db.$queryRawUnsafe<MigrationRow[]>('SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations'), timeout);
    if (options.replica && options.replica !== options.db) await withTimeout(options.replica.$queryRawUnsafe('SELECT 1'), timeout);
  } catch {
    return { ready: false, reason: 'database_unreachable', detail: 'La base de données ne répond pas.' };
  }
  const applied = new Set(rows.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => r.migration_name));
  const failed = rows
    .filter((r) => !r.finished_at && !r.rolled_back_at)
    .map((r) => r.migration_name)
    .sort();
  const shipped = shippedMigrations(options.migrationsDir);
  if (failed.length) return { ready: false, reason: 'migrations_failed', detail: 'Une migration a échoué : elle doit être corrigée avant de servir.', failed };
  const pending = shipped.filter((name) => !applied.has(name));
  if (pending.length) return { ready: false, reason: 'migrations_pending', detail: 'Des migrations restent à appliquer (npm run db:migrate).', pending };
  // Migrations the database has but this version does not ship: a newer version is rolling out.
  // The schema only grows during a rollout, so this version still works.
  const known = new Set(shipped);
  return { ready: true, migrations: { applied: applied.size, unknown: [...applied].filter((name) => !known.has(name)).sort() } };
}
