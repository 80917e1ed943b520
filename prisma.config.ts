// Configuration of the Prisma CLI (generate, migrate). Prisma's native schema engine cannot be
// downloaded on offline machines, so the CLI runs its JavaScript (WASM) schema engine through
// @prisma/adapter-pg. Three upstream defects of adapter-pg 6.19 are worked around here, for the
// CLI process only (prisma/orm#27403):
//  1. catalog columns of type "char" (oid 18) and name (oid 19) cannot be deserialised;
//  2. the shadow database is built from a connection string that overrides its name, and is
//     dropped while its pool is still open;
//  3. executeScript splits SQL on every ";", which breaks function bodies in migrations.
import path from 'node:path';
import pg from 'pg';
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';

const CATALOG_TEXT_LIKE_OIDS = new Set([18, 19]);
const TEXT_OID = 25;
type ResultWithFields = { addFields: (fields: Array<{ dataTypeID: number }>) => void };
const resultProto =
  (pg as unknown as { Result?: { prototype: ResultWithFields } }).Result?.prototype ?? (require('pg/lib/result') as { prototype: ResultWithFields }).prototype;
const originalAddFields = resultProto.addFields;
resultProto.addFields = function (fields) {
  for (const field of fields) if (CATALOG_TEXT_LIKE_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
  return originalAddFields.call(this, fields);
};

function connectionFields(url: string) {
  const parsed = new URL(url);
  return {
    host: decodeURIComponent(parsed.hostname) || 'localhost',
    port: parsed.port ? Number(parsed.port) : 5432,
    user: decodeURIComponent(parsed.username) || undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    database: decodeURIComponent(parsed.pathname.slice(1)) || 'postgres',
  };
}

type Adapter = Awaited<ReturnType<PrismaPg['connect']>> & {
  executeScript(script: string): Promise<void>;
  underlyingDriver(): pg.Pool;
  onError(error: unknown): never;
};

function wholeScripts(adapter: Adapter): Adapter {
  adapter.executeScript = async (script: string) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      console.error(`Migration SQL failed: ${(error as Error).message}`);
      adapter.onError(error);
    }
  };
  return adapter;
}

function adapterFactory(url: string) {
  const fields = connectionFields(url);
  const factory = new PrismaPg(fields);
  const connect = factory.connect.bind(factory);
  factory.connect = async () => wholeScripts((await connect()) as Adapter);
  factory.connectToShadowDb = async () => {
    const admin = (await connect()) as Adapter;
    const database = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
    await admin.underlyingDriver().query(`CREATE DATABASE "${database}"`);
    const shadow = wholeScripts((await new PrismaPg({ ...fields, database }).connect()) as Adapter);
    const disposeShadow = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await disposeShadow();
      await admin.underlyingDriver().query(`DROP DATABASE IF EXISTS "${database}"`);
      await admin.dispose();
    };
    return shadow;
  };
  return factory;
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL must be set to run Prisma migrations.');
    return adapterFactory(url);
  },
});
