// The connection an import writes its batches through: node-postgres directly, one transaction per
// batch (BEGIN … COMMIT, ROLLBACK on any error: a batch is written whole or not at all). Prisma's
// client copies every parameter through its WebAssembly query compiler — about 55 µs of CPU per
// kilobyte, measured — and a batch of 500 rows sends a few megabytes of JSON.
import type { PrismaClient } from '@prisma/client';
import pg from 'pg';
import { connectionStringOf } from '../db/client';

/** The raw-query part of Prisma's client, over one connection: what a batch's statements run on. */
export type Sql = {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
};

export type BulkConnection = {
  transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
  /** Statements each on its own (autocommit), on the same connections: the run's reads and writes after its batches. */
  sql: Sql;
  end(): Promise<void>;
};

/** At most `connections` transactions at a time, on the database of `db` (a client of lib/db/client.ts). */
export function openBulkConnection(db: PrismaClient, connections: number): BulkConnection {
  const connectionString = connectionStringOf(db);
  if (!connectionString) throw new Error('Import : client de base de données inconnu (créez-le avec createPrismaClient).');
  const pool = new pg.Pool({ connectionString, max: connections, connectionTimeoutMillis: 30_000, idleTimeoutMillis: 10_000 });
  // An idle connection that breaks is dropped by the pool; the next query reports the error.
  pool.on('error', () => undefined);
  return {
    async transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      const sql: Sql = {
        $queryRawUnsafe: async <R>(query: string, ...values: unknown[]) => (await client.query(query, values)).rows as R,
        $executeRawUnsafe: async (query: string, ...values: unknown[]) => (await client.query(query, values)).rowCount ?? 0,
      };
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await work(sql);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => (broken = true));
        throw error;
      } finally {
        client.release(broken);
      }
    },
    sql: {
      $queryRawUnsafe: async <R>(query: string, ...values: unknown[]) => (await pool.query(query, values)).rows as R,
      $executeRawUnsafe: async (query: string, ...values: unknown[]) => (await pool.query(query, values)).rowCount ?? 0,
    },
    end: () => pool.end(),
  };
}
