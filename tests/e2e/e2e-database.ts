// The database behind the end-to-end server (scripts/e2e-server.ts): on the server named by
// TEST_DATABASE_URL / DATABASE_URL, or the embedded PostgreSQL it started.
export function e2eDatabaseUrl(): string {
  const name = process.env.E2E_DB_NAME ?? 'reperes_e2e';
  const server = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (server) {
    const url = new URL(server);
    url.pathname = `/${name}`;
    return url.toString();
  }
  return `postgresql://postgres:reperes-local@127.0.0.1:${process.env.E2E_PG_PORT ?? 54331}/${name}`;
}
