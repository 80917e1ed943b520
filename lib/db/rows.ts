import 'server-only';
// The public pages' read statements (a search, a place page) straight through node-postgres,
// without Prisma's client: they are raw SQL already (Prisma.sql fragments), and under load
// Prisma's request pipeline (tracing spans, its WebAssembly query plan, result mapping) cost about
// a tenth of a page's CPU for nothing these statements need. One pool per process, on the read
// replica when one is configured (as readDb), as large as Prisma's (DATABASE_POOL_SIZE).
//
// Results are read as Prisma reads them where the types differ: `date` and `timestamp` values as
// UTC instants (node-postgres would read them in the server's own zone); int8 and numeric come as
// strings, which the callers turn into numbers (Number(count)) as they did with Prisma's bigint.
import pg from 'pg';
import { Prisma, type PrismaClient } from '@prisma/client';
import { preparedName } from './prepared';

const DATE = 1082;
const TIMESTAMP = 1114;

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === DATE) return (value: string) => new Date(`${value}T00:00:00Z`);
    if (oid === TIMESTAMP) return (value: string) => new Date(`${value.replace(' ', 'T')}Z`);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

const globalForRows = globalThis as unknown as { reperesReadPool?: pg.Pool };

function pool(): pg.Pool {
  return (globalForRows.reperesReadPool ??= new pg.Pool({
    connectionString: process.env.DATABASE_REPLICA_URL || process.env.DATABASE_URL || 'postgresql://database-url-not-set@127.0.0.1:1/none',
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    // No parallel workers: a page's statement is short, and under load the workers a large scan
    // starts (two new processes each time) cost more CPU than they save time — 1.5 ms of the
    // server's CPU a search at 50 connections (bench/README.md, issue #17). 16 MB to sort and
    // keep a search's scope: a common word's 20,000 places spilled to disk at the default 4 MB.
    options: '-c max_parallel_workers_per_gather=0 -c work_mem=16MB',
    types,
  }));
}

/** The rows of a read statement. */
export async function readRows<T>(query: Prisma.Sql): Promise<T[]> {
  const name = preparedName(query);
  const values = query.values as unknown[];
  return (await (name ? pool().query({ name, text: query.text, values }) : pool().query(query.text, values))).rows as T[];
}

/**
 * `$queryRaw` over readRows, for the functions that take a database (`db: Pick<PrismaClient,
 * '$queryRaw'>`): the same tagged template, or one Prisma.sql fragment.
 */
export const rawReadDb = {
  $queryRaw: (first: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) =>
    readRows(Array.isArray(first) ? Prisma.sql(first as TemplateStringsArray, ...values) : (first as Prisma.Sql)),
} as unknown as Pick<PrismaClient, '$queryRaw'>;

const globalForPrimary = globalThis as unknown as { reperesPrimaryPool?: pg.Pool };

/**
 * `$queryRaw` over node-postgres on the primary, never the replica: the change feed reads the
 * primary's running transactions (lib/export/changes.ts), and pages 1,000 records at a time, where
 * Prisma's result mapping costs more than the query. A small pool of its own.
 */
export const rawPrimaryDb = {
  $queryRaw: async (first: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => {
    const query = Array.isArray(first) ? Prisma.sql(first as TemplateStringsArray, ...values) : (first as Prisma.Sql);
    const primary = (globalForPrimary.reperesPrimaryPool ??= new pg.Pool({
      connectionString: process.env.DATABASE_URL || 'postgresql://database-url-not-set@127.0.0.1:1/none',
      max: 4,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      types,
    }));
    return (await primary.query(query.text, query.values as unknown[])).rows;
  },
} as unknown as Pick<PrismaClient, '$queryRaw'>;
