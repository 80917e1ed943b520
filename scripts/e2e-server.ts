// The app as the end-to-end tests see it: a fresh, seeded `reperes_e2e` database (on the
// server named by TEST_DATABASE_URL / DATABASE_URL, or an embedded PostgreSQL) and the
// production build served by `next start`. Started by Playwright's webServer (and by the
// outage spec, which starts a second one of its own).
//
// Test-only controls, never in production: with E2E_EMBEDDED=1 the database is always an embedded
// PostgreSQL of its own; with E2E_CONTROL=1 (which requires E2E=1 semantics: this script only)
// a control endpoint on 127.0.0.1:E2E_CONTROL_PORT stops and starts that PostgreSQL, so a test can
// take the database away from the running app and give it back.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createPrismaClient } from '../lib/db/client';
import { takeOverShutdownSignals } from '../lib/db/embedded';
import { createFreshDatabase } from '../lib/db/fresh';
import { seedDemo } from '../prisma/seed';
import { mailSubject, mailText, startSmtpSink } from '../tests/helpers/smtp-sink';
import { createTestDatabase } from '../tests/setup/test-database';
import { e2eMailLog } from '../tests/e2e/mail-log';

async function main() {
  takeOverShutdownSignals();
  const port = process.env.E2E_PORT ?? '3100';
  const name = process.env.E2E_DB_NAME ?? 'reperes_e2e';
  const pgPort = Number(process.env.E2E_PG_PORT ?? 54331);
  const database =
    process.env.E2E_EMBEDDED === '1'
      ? await createFreshDatabase({ name, port: pgPort, embeddedDir: `.data/${name}-postgres` })
      : await createTestDatabase(name, pgPort);
  const prisma = createPrismaClient(database.url, { max: 2 });
  await seedDemo(prisma, { testFixture: true });
  await prisma.$disconnect();

  const root = path.resolve(__dirname, '..');
  // Mail goes through a real SMTP server whose messages the specs read (tests/e2e/session.ts):
  // the outbox copy masks the links' tokens, as it does in production.
  const mailLog = e2eMailLog(port);
  fs.mkdirSync(path.dirname(mailLog), { recursive: true });
  fs.writeFileSync(mailLog, '');
  const sink = await startSmtpSink({
    onMessage: ({ to, raw }) => fs.appendFileSync(mailLog, `${JSON.stringify({ to, subject: mailSubject(raw), text: mailText(raw) })}\n`),
  });
  const app = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', port], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      NEXTAUTH_URL: `http://localhost:${port}`,
      NEXTAUTH_SECRET: 'e2e-secret-not-for-production-0123456789',
      E2E: '1',
      SMTP_URL: sink.url,
      // Every spec signs in from this one address: the per-address limit is for the real world.
      SIGNIN_LIMIT_PER_IP: process.env.SIGNIN_LIMIT_PER_IP ?? '1000',
      // The specs play several clients by setting X-Forwarded-For, as one load balancer in front
      // would: trust one hop (tests/e2e/client-address.spec.ts checks the default, 0, apart).
      TRUSTED_PROXY_HOPS: process.env.TRUSTED_PROXY_HOPS ?? '1',
      // No private address for webhooks, as in production: the harvester spec checks the refusal (it never delivers).
      HARVESTER_ALLOW_PRIVATE_ADDRESSES: '',
    },
  });

  const control = process.env.E2E_CONTROL === '1' && database.embedded ? databaseControl(database.embedded) : undefined;

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    control?.close();
    await sink.close().catch(() => undefined);
    if (app.exitCode === null) {
      const exited = new Promise((resolve) => app.once('exit', resolve));
      app.kill('SIGTERM');
      // Never leave an orphan server holding the port: cut after 10 s.
      const force = setTimeout(() => app.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(force);
    }
    await database.stop().catch(() => undefined);
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  // Whatever happens to this script, the app must not outlive it.
  process.on('uncaughtException', (error) => {
    console.error(error);
    void stop(1);
  });
  app.on('exit', (code) => void stop(code ?? 0));
}

/**
 * E2E_CONTROL=1: a loopback endpoint the outage specs use to stop and start the embedded database
 * under the running app (POST /database/stop, POST /database/start).
 */
function databaseControl(embedded: { start(): Promise<void>; stop(): Promise<void> }): http.Server {
  let running = true;
  const control = http.createServer((request, response) => {
    const wanted = request.url === '/database/stop' ? false : request.url === '/database/start' ? true : null;
    if (request.method !== 'POST' || wanted === null) {
      response.writeHead(404).end();
      return;
    }
    // Already in the asked state: nothing to do.
    const action = wanted === running ? Promise.resolve() : wanted ? embedded.start() : embedded.stop();
    action.then(
      () => {
        running = wanted;
        response.writeHead(204).end();
      },
      (error: unknown) => response.writeHead(500).end(String((error as Error | undefined)?.message ?? error)),
    );
  });
  control.listen(Number(process.env.E2E_CONTROL_PORT ?? 0), '127.0.0.1');
  return control;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
