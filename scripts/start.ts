// `npm start`: one command from a fresh clone to a working app.
// Without DATABASE_URL it runs an embedded PostgreSQL (data in .data/postgres), applies the
// migrations, seeds once the real open data of data/ and the demonstration set beside it (demo
// accounts with passwords generated and printed once), builds the app if needed and serves it.
// Whatever the database, it refuses to serve a public address while demo accounts can sign in.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { APP_SEMI_SPACE_MB } from '../lib/config/env';
import { createPrismaClient } from '../lib/db/client';
import { takeOverShutdownSignals } from '../lib/db/embedded';
import { migrateDeploy } from '../lib/db/migrate';
import { demoAccountsGuard, disableDemoAccounts, isLocalUrl, usableDemoAccounts } from '../lib/auth/demo-guard';
import { seedStart } from '../prisma/seed';
import { fail, loadEnv, openDatabase } from './database';
import { localSecret } from './lib/auth-secret';

const root = path.resolve(__dirname, '..');
const dev = process.argv.includes('--dev');

/** Builds the app when its production build is missing or stale; false when the build failed. */
function buildIfNeeded(nextBin: string, env: NodeJS.ProcessEnv): boolean {
  if (!needsBuild()) return true;
  console.log('Construction de l’application (première fois, environ une minute)…');
  const build = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, env, stdio: 'inherit' });
  if (build.status === 0) return true;
  console.error('\n✖ La construction de l’application a échoué (voir ci-dessus).\n');
  return false;
}

async function main() {
  // Graceful shutdown is ours, in order: the app stops taking requests and finishes those in
  // flight (Next.js does on SIGTERM), then the embedded PostgreSQL stops, then this process exits.
  takeOverShutdownSignals();
  const config = loadEnv();
  const handle = await openDatabase(config).catch((error: Error) => fail(error.message));
  let app: ChildProcess | null = null;
  let stopping = false;

  const shutdown = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    if (app && app.exitCode === null) {
      const running = app;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGTERM');
      // Requests still running after 20 s are cut.
      const force = setTimeout(() => running.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(force);
    }
    await handle.embedded?.stop().catch(() => undefined);
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    await migrateDeploy(handle.url);
  } catch (error) {
    console.error(`\n✖ ${(error as Error).message}\n`);
    return shutdown(1);
  }

  const prepared = await prepareData(handle, config);
  if (prepared.failure) {
    console.error(`\n✖ ${prepared.failure}\n`);
    return shutdown(1);
  }

  const env = {
    ...process.env,
    DATABASE_URL: handle.url,
    PORT: String(config.PORT),
    NEXTAUTH_URL: config.PUBLIC_URL ?? `http://localhost:${config.PORT}`,
    NEXTAUTH_SECRET: config.NEXTAUTH_SECRET ?? localSecret(root),
  };
  const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

  if (!dev && !buildIfNeeded(nextBin, env)) return shutdown(1);

  // In production, a bounded heap (APP_HEAP_MB): V8 would otherwise size it from the machine;
  // and a young generation sized for short-lived request garbage (APP_SEMI_SPACE_MB).
  const heap = dev ? [] : [`--max-old-space-size=${config.APP_HEAP_MB}`, `--max-semi-space-size=${APP_SEMI_SPACE_MB}`];
  app = spawn(process.execPath, [nextBin, dev ? 'dev' : 'start', '-p', String(config.PORT)], {
    cwd: root,
    env: { ...env, NODE_OPTIONS: [process.env.NODE_OPTIONS, ...heap].filter(Boolean).join(' ') },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  // The app stopping on its own (a crash) stops everything, with its failure code.
  app.on('exit', (code) => void shutdown(code ?? 1));

  const url = env.NEXTAUTH_URL;
  console.log(`\nRepères est lancé : ${url}`);
  console.log(handle.embedded ? `Base : PostgreSQL embarqué (${config.EMBEDDED_PG_DIR}, port ${config.EMBEDDED_PG_PORT})` : 'Base : DATABASE_URL');
  if (prepared.accounts.length) {
    // Shown this once: only their bcrypt hashes are kept.
    console.log('Comptes de démonstration (espace d’administration : /admin) — notez ces mots de passe, ils ne seront plus affichés :');
    for (const account of prepared.accounts) console.log(`  ${account.role.padEnd(12)} ${account.email} / ${account.password}`);
    console.log('  (nouveaux mots de passe : npm run db:seed -- --new-demo-passwords ; désactiver ces comptes : npm run db:seed -- --no-demo-accounts)');
  }
  console.log('Ctrl-C pour arrêter.\n');
}

/**
 * The data this start needs: the real open data and the demonstration set on the embedded
 * database (or with --seed), the demo-account setting applied, then the guard. The demo accounts
 * created now (their passwords, shown once), or the sentence that stops the start.
 */
async function prepareData(
  handle: Awaited<ReturnType<typeof openDatabase>>,
  config: ReturnType<typeof loadEnv>,
): Promise<{ accounts: Array<{ email: string; password: string; role: string }>; failure: string | null }> {
  const publicUrl = config.PUBLIC_URL ?? null;
  // REPERES_DEMO_ACCOUNTS=off: no demo account, and those already there are disabled.
  const demoAccountsOff = /^(off|0|false|non|no)$/i.test(process.env.REPERES_DEMO_ACCOUNTS ?? '');
  let accounts: Array<{ email: string; password: string; role: string }> = [];
  const prisma = createPrismaClient(handle.url, { max: 3 });
  try {
    if (handle.embedded || process.argv.includes('--seed')) {
      const started = Date.now();
      // Never create accounts that the guard below would refuse at once.
      const seeded = await seedStart(prisma, {
        demoAccounts: !demoAccountsOff && (!publicUrl || isLocalUrl(publicUrl)),
        log: (line) => console.log(line),
      });
      if (seeded.real.legacyDemo) {
        console.warn(
          '\n⚠ Cette base a été créée par une version précédente (données fictives seulement) : les données réelles n’y sont pas chargées.\n' +
            `  Pour repartir des données ouvertes réelles : arrêtez Repères, supprimez ${config.EMBEDDED_PG_DIR} et relancez npm start.\n`,
        );
      }
      const wrote = seeded.real.steps.some((step) => !step.skipped) || (seeded.demo?.accounts.length ?? 0) > 0;
      if (wrote) console.log(`Données chargées en ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      accounts = seeded.demo?.accounts ?? [];
    }
    if (demoAccountsOff) {
      const disabled = await disableDemoAccounts(prisma);
      if (disabled) console.log(`${disabled} compte(s) de démonstration désactivé(s) (REPERES_DEMO_ACCOUNTS=off).`);
    }
    // Later starts: the passwords were shown once; say how to get new ones.
    if (!accounts.length && (!publicUrl || isLocalUrl(publicUrl)) && (await usableDemoAccounts(prisma)).length) {
      console.log('Comptes de démonstration : mots de passe affichés au premier démarrage (nouveaux mots de passe : npm run db:seed -- --new-demo-passwords).');
    }
    const refusal = await demoAccountsGuard(prisma, { PUBLIC_URL: publicUrl ?? undefined, NEXTAUTH_URL: process.env.NEXTAUTH_URL });
    return { accounts, failure: refusal };
  } catch (error) {
    return { accounts, failure: `Chargement des données impossible : ${(error as Error).message}` };
  } finally {
    await prisma.$disconnect();
  }
}

/** Builds when there is no build yet or when a source file is newer than it. */
function needsBuild(): boolean {
  const buildId = path.join(root, process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID');
  if (!fs.existsSync(buildId)) return true;
  const builtAt = fs.statSync(buildId).mtimeMs;
  const newer = (dir: string): boolean =>
    fs.existsSync(dir) &&
    fs.readdirSync(dir, { withFileTypes: true }).some((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return newer(full);
      return !entry.name.endsWith('.test.ts') && fs.statSync(full).mtimeMs > builtAt;
    });
  return (
    ['app', 'components', 'lib', 'public'].some((dir) => newer(path.join(root, dir))) ||
    ['next.config.js', 'package.json'].some((file) => fs.statSync(path.join(root, file)).mtimeMs > builtAt)
  );
}

/** A per-checkout secret for local sessions, kept beside the embedded data. */
main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
