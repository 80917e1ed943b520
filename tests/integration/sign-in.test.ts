// Signing in with a password: lockout, guesses counted before bcrypt, decoy, per-address limit
// (split from accounts.test.ts).
import bcrypt from 'bcryptjs';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetMemoryLimits } from '../../lib/security/rate-limit';
import { seedDemo } from '../../prisma/seed';
import { resetDatabase, testDb } from '../helpers/db';

const db = testDb();

describe('signing in with a password', () => {
  type Authorize = (credentials: Record<string, string>, request: { headers: Record<string, string> }) => Promise<{ id: string } | null>;
  let authorize: Authorize;

  beforeAll(async () => {
    await resetDatabase(db);
    await seedDemo(db, { testFixture: true });
    const { authOptions } = await import('../../lib/auth/options');
    // next-auth keeps the provider's own settings (its id, its authorize) under `options`.
    const providers = authOptions.providers as unknown as Array<{ options: { id: string; authorize: Authorize } }>;
    authorize = providers.find((p) => p.options.id === 'password')!.options.authorize;
  });
  beforeEach(() => resetMemoryLimits());

  const attempt = (password: string, ip = '203.0.113.7', email = 'editeur@tilleuls.example.org') =>
    authorize({ email, password }, { headers: { 'x-reperes-peer': ip } });

  it('lets a person sign in as often as they like, but locks an account after 10 wrong passwords', async () => {
    for (let i = 0; i < 12; i++) expect(await attempt('demo-editeur-2026')).not.toBeNull();
    for (let i = 0; i < 10; i++) expect(await attempt('mauvais-mot-de-passe', `198.51.100.${i}`)).toBeNull();
    // Even the right password, from a fresh address, is refused now.
    expect(await attempt('demo-editeur-2026', '192.0.2.1')).toBeNull();
    // Another account is not affected.
    expect(await attempt('demo-coord-2026', '192.0.2.1', 'coordination@cybanjou.example.org')).not.toBeNull();
  });

  it('counts a guess before comparing: of 100 simultaneous wrong guesses, at most 10 reach bcrypt, then the account is locked', async () => {
    const compare = vi.spyOn(bcrypt, 'compare');
    try {
      // From 100 different addresses, so that only the per-account limit stands in the way.
      const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => attempt(`devine-${i}-xyz`, `198.51.${Math.floor(i / 50)}.${i}`)));
      expect(answers.every((a) => a === null)).toBe(true);
      const compared = compare.mock.calls.length;
      expect(compared).toBeGreaterThan(0);
      expect(compared).toBeLessThanOrEqual(10);
      expect(await attempt('demo-editeur-2026', '192.0.2.50')).toBeNull();
      expect(compare.mock.calls.length).toBe(compared);
    } finally {
      compare.mockRestore();
    }
  });

  it('compares against a decoy of the same bcrypt cost as real passwords when there is no account', async () => {
    const { decoyHash } = await import('../../lib/auth/options');
    const { PASSWORD_HASH_COST } = await import('../../lib/auth/accounts');
    expect(bcrypt.getRounds(await decoyHash())).toBe(PASSWORD_HASH_COST);
    const compare = vi.spyOn(bcrypt, 'compare');
    try {
      expect(await attempt('un-mot-de-passe', '192.0.2.60', 'personne.inconnue@exemple.fr')).toBeNull();
      expect(compare).toHaveBeenCalledTimes(1);
      expect(bcrypt.getRounds(String(compare.mock.calls[0][1]))).toBe(PASSWORD_HASH_COST);
    } finally {
      compare.mockRestore();
    }
  });

  it('limits attempts per address, whatever the accounts', async () => {
    for (let i = 0; i < 30; i++) await attempt('x', '203.0.113.99', `personne${i}@exemple.fr`);
    expect(await attempt('demo-editeur-2026', '203.0.113.99')).toBeNull();
    expect(await attempt('demo-editeur-2026', '203.0.113.100')).not.toBeNull();
  });
});
