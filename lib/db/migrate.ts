// Applies the Prisma migrations with the Prisma CLI (its WASM schema engine, see prisma.config.ts).
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const prismaCli = path.join(root, 'node_modules', 'prisma', 'build', 'index.js');

function cliEnv(databaseUrl: string) {
  return { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
}

export function runPrisma(args: string[], databaseUrl: string) {
  const result = spawnSync(process.execPath, [prismaCli, ...args], { cwd: root, env: cliEnv(databaseUrl), encoding: 'utf8' });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  if (result.status !== 0) throw new Error(`prisma ${args.join(' ')} a échoué :\n${output}`);
  return output;
}

const DONE = /No pending migrations to apply|All migrations have been successfully applied|migrations? have been successfully applied/;

/**
 * `prisma migrate deploy`. The WASM schema engine holds its advisory-lock connection open for
 * about ten seconds after finishing, so the CLI is stopped as soon as it reports success.
 */
export function migrateDeploy(databaseUrl: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [prismaCli, 'migrate', 'deploy'], { cwd: root, env: cliEnv(databaseUrl) });
    let output = '';
    let done = false;
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (!done && DONE.test(output)) {
        done = true;
        child.kill('SIGTERM');
        resolve(output);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (code) => {
      if (done) return;
      if (code === 0) resolve(output);
      else reject(new Error(`Les migrations de la base ont échoué :\n${output.trim()}`));
    });
  });
}
