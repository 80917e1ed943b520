import { createTestDatabase, type TestDatabase } from './test-database';

let database: TestDatabase | undefined;

export async function setup() {
  database = await createTestDatabase(process.env.TEST_DB_NAME ?? 'reperes_test', Number(process.env.TEST_PG_PORT ?? 54330));
  // Test workers are forked after this and inherit the environment.
  process.env.DATABASE_URL = database.url;
  process.env.TEST_DATABASE_READY = '1';
  const where = new URL(database.url);
  console.log(`Tests d’intégration sur PostgreSQL ${where.host}${where.pathname}`);
}

export async function teardown() {
  await database?.stop();
}
