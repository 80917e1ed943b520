// Hole 9: demo accounts on a public instance. The demonstration seed generates their passwords,
// and the start-up guard refuses a public address while one of them can still sign in.
import bcrypt from 'bcryptjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccountsGuard, disableDemoAccounts, isLocalUrl, usableDemoAccounts } from '../../lib/auth/demo-guard';
import { renewDemoPasswords, seedDemo, seedStart } from '../../prisma/seed';
import { TEST_FIXTURE_PASSWORDS } from '../../prisma/seed-data';
import { resetDatabase, testDb } from '../helpers/db';

const db = testDb();

describe('demo accounts and the start-up guard', () => {
  beforeAll(async () => {
    await resetDatabase(db);
  });
  afterAll(async () => {
    await resetDatabase(db);
  });

  it('tells loopback addresses from addresses others can reach', () => {
    for (const url of ['http://localhost:3000', 'http://127.0.0.1:3121', 'http://[::1]:3000', 'http://reperes.localhost'])
      expect(isLocalUrl(url), url).toBe(true);
    for (const url of ['https://reperes.example.fr', 'http://192.168.1.20:3000', 'http://10.0.0.5', 'http://localhost.evil.example', 'not a url'])
      expect(isLocalUrl(url), url).toBe(false);
  });

  it('seeds generated passwords by default: none of the repository’s passwords verifies', async () => {
    const result = await seedDemo(db);
    expect(result.accounts.length).toBe(4);
    const users = await db.user.findMany({ where: { demo: true } });
    expect(users.map((u) => u.email).sort()).toEqual(result.accounts.map((a) => a.email).sort());
    for (const user of users) {
      for (const known of Object.values(TEST_FIXTURE_PASSWORDS)) expect(await bcrypt.compare(known, user.passwordHash!)).toBe(false);
      expect(await bcrypt.compare(result.accounts.find((a) => a.email === user.email)!.password, user.passwordHash!)).toBe(true);
    }
    // The fictional Cyb@njou of the test fixture is not created: its place is the real network's.
    expect(await db.network.findUnique({ where: { slug: 'cybanjou' } })).toBeNull();
    expect(await db.place.count({ where: { demo: false } })).toBe(0);
  });

  it('refuses a public address while demo accounts can sign in, in French, whatever NODE_ENV', async () => {
    expect((await usableDemoAccounts(db)).length).toBe(4);
    const refusal = await demoAccountsGuard(db, { PUBLIC_URL: 'https://reperes.example.fr' });
    expect(refusal).toContain('refuse de démarrer');
    expect(refusal).toContain('admin@reperes.example');
    expect(refusal).toContain('npm run db:seed -- --no-demo-accounts');
    expect(await demoAccountsGuard(db, { NODE_ENV: 'production', NEXTAUTH_URL: 'http://192.168.1.20:3000' })).not.toBeNull();
    // On one's own machine, demo accounts are the point.
    expect(await demoAccountsGuard(db, { PUBLIC_URL: 'http://localhost:3000', NODE_ENV: 'production' })).toBeNull();
    expect(await demoAccountsGuard(db, {})).toBeNull();
  });

  it('gives new passwords on demand, and the old ones stop working', async () => {
    const before = await db.user.findUniqueOrThrow({ where: { email: 'admin@reperes.example' } });
    const renewed = await renewDemoPasswords(db);
    expect(renewed.length).toBe(4);
    const after = await db.user.findUniqueOrThrow({ where: { email: 'admin@reperes.example' } });
    expect(after.passwordHash).not.toBe(before.passwordHash);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await bcrypt.compare(renewed.find((a) => a.email === after.email)!.password, after.passwordHash!)).toBe(true);
  });

  it('serves a public address once the demo accounts are disabled; a real admin does not block it', async () => {
    await db.user.create({ data: { email: 'vraie.admin@reperes.example', role: 'ADMIN', passwordHash: await bcrypt.hash('un mot de passe long et réel', 4) } });
    expect(await disableDemoAccounts(db)).toBe(4);
    const users = await db.user.findMany({ where: { demo: true } });
    expect(users.every((u) => u.disabled && u.passwordHash === null)).toBe(true);
    expect(await demoAccountsGuard(db, { PUBLIC_URL: 'https://reperes.example.fr' })).toBeNull();
    // Seeding again does not bring them back.
    await seedDemo(db);
    expect(await usableDemoAccounts(db)).toEqual([]);
  });

  it('the test fixture alone keeps the known passwords', async () => {
    await resetDatabase(db);
    const fixture = await seedDemo(db, { testFixture: true });
    const admin = await db.user.findUniqueOrThrow({ where: { email: 'admin@reperes.example' } });
    expect(await bcrypt.compare(TEST_FIXTURE_PASSWORDS['admin@reperes.example']!, admin.passwordHash!)).toBe(true);
    expect(fixture.accounts.find((a) => a.email === admin.email)!.password).toBe(TEST_FIXTURE_PASSWORDS['admin@reperes.example']);
    // …and so the guard refuses it on a public address too.
    expect(await demoAccountsGuard(db, { PUBLIC_URL: 'https://reperes.example.fr' })).not.toBeNull();
  });

  it('leaves a database of an earlier version (fictional Cyb@njou) as it is: real places never join a fictional network', async () => {
    const places = await db.place.count();
    const started = await seedStart(db);
    expect(started.real.legacyDemo).toBe(true);
    expect(started.demo).toBeNull();
    expect(await db.place.count()).toBe(places);
    expect(await db.seedStep.count()).toBe(0);
  });
});
