// `npm run import:communes`: with no argument it loads the reference the repository ships
// (data/reference/communes.csv.gz), so a fresh clone gets coverage figures with no download;
// a file or a URL in the same format still works, and a missing file is said plainly.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetDatabase, testDb } from '../helpers/db';
import { realCommunes } from '../helpers/real-data';

const db = testDb();
const root = path.join(__dirname, '..', '..');

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/import-communes.ts', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const HEADER = 'insee_com,insee_reg,insee_dep,commune,commune_article,code_postal,commune_type,insee_parente,lat,lng,population_2021';

describe('npm run import:communes', () => {
  beforeAll(async () => {
    await resetDatabase(db);
  });
  afterAll(async () => {
    await resetDatabase(db);
  });

  it('loads the shipped reference when given no file', async () => {
    const expected = realCommunes();
    const run = await cli();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('data/reference/communes.csv.gz');
    expect(run.stdout).toContain(`${expected.length} communes chargées`);
    expect(await db.commune.count()).toBe(expected.length);
    const angers = await db.commune.findUniqueOrThrow({ where: { inseeCode: '49007' } });
    expect(angers).toMatchObject({ name: 'Angers', departement: '49' });
    expect(angers.population).toBeGreaterThan(150_000);
  }, 120_000);

  it('loads a file given as argument, and with --replace keeps only its communes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reperes-communes-'));
    const file = path.join(dir, 'communes.csv');
    fs.writeFileSync(
      file,
      `${HEADER}\n49007,52,49,Angers,Angers,49000,COM,,47.4784,-0.5632,155000\n49099,52,49,Commune test,Commune test,49100,COM,,47.4,-0.5,12\n`,
    );
    const run = await cli(file, '--replace');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/2 communes chargées .*, \d+ retirées\./);
    expect(await db.commune.count()).toBe(2);
    expect((await db.commune.findUniqueOrThrow({ where: { inseeCode: '49007' } })).population).toBe(155000);
    fs.rmSync(dir, { recursive: true });
  }, 60_000);

  it('loads a file given by URL', async () => {
    const server = http.createServer((_, response) => {
      response.writeHead(200, { 'content-type': 'text/csv' });
      response.end(`${HEADER}\n44109,52,44,Nantes,Nantes,44000,COM,,47.2184,-1.5536,320000\n`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const run = await cli(`http://127.0.0.1:${(server.address() as AddressInfo).port}/communes.csv`);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('1 communes chargées');
      expect((await db.commune.findUniqueOrThrow({ where: { inseeCode: '44109' } })).name).toBe('Nantes');
    } finally {
      server.close();
    }
  }, 60_000);

  it('says so, in French, when the file does not exist, and writes nothing', async () => {
    const before = await db.commune.count();
    const run = await cli(path.join(os.tmpdir(), 'absent-communes.csv'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Fichier introuvable');
    expect(await db.commune.count()).toBe(before);
  }, 60_000);
});
