// Inserts the demonstration data of prisma/seed-data.ts. Idempotent: when the data set's marker
// network already exists the database is considered seeded and nothing is written. No side
// effects on import: the start script calls seedDemo() itself.
//
// Two data sets from the same fictional places:
// - by default (`npm start`, `npm run db:seed`): the "Réseau de démonstration (fictif)" network,
//   places and accounts flagged `demo` (labelled on the pages, left out of the exports and the
//   API), and account passwords generated now, returned once in clear and stored only as bcrypt
//   hashes. It sits beside the real open data (prisma/seed-real.ts) without touching it.
// - `{ testFixture: true }`: the test suites' fixed data set (e2e server, integration tests,
//   benchmarks), as it always was: a fictional "cybanjou" network, places not flagged (the suites
//   export and query them as ordinary places) and the known passwords of TEST_FIXTURE_PASSWORDS.
import { randomBytes } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { Prisma, type PrismaClient } from '@prisma/client';
import { insertDemo, type DataSet } from './seed-insert';
import { seedRealData, type RealSeedResult } from './seed-real';
import { DEMO_ACCOUNTS, DEMO_NETWORKS, DEMO_PLACES, DEMO_SOURCE_NAME, DEMO_SUGGESTIONS, TEST_FIXTURE_PASSWORDS } from './seed-data';

export interface SeedDemoOptions {
  /** The test suites' fixed data set with its known passwords. Never used by `npm start`. */
  testFixture?: boolean;
  /** Create the sign-in accounts (default true). */
  accounts?: boolean;
}

export interface SeedDemoResult {
  /** Demo places in the database. */
  places: number;
  /**
   * The accounts created by this call, with their clear-text passwords: generated ones are shown
   * once (they are stored only as hashes); empty when the data set was already there.
   */
  accounts: Array<{ email: string; password: string; role: string }>;
}

/** The demonstration network of `npm start` (the real Cyb@njou network holds real places). */
export const DEMONSTRATION_NETWORK = {
  slug: 'demonstration',
  name: 'Réseau de démonstration (fictif)',
} as const;

const BCRYPT_COST = 10;

type Db = PrismaClient | Prisma.TransactionClient;

/** The fictional data set to write: the test fixture as is, or its demonstration variant. */
export function demoDataSet(testFixture: boolean): DataSet {
  if (testFixture) {
    return { marker: 'cybanjou', flagged: false, networks: DEMO_NETWORKS, places: DEMO_PLACES, accounts: DEMO_ACCOUNTS, suggestions: DEMO_SUGGESTIONS };
  }
  // The fixture's fictional Cyb@njou becomes the demonstration network: the real one exists.
  const slug = (s: string) => (s === 'cybanjou' ? DEMONSTRATION_NETWORK.slug : s);
  const fixture = DEMO_NETWORKS.find((n) => n.slug === 'cybanjou')!;
  const fictionalCyb = fixture.name;
  return {
    marker: DEMONSTRATION_NETWORK.slug,
    flagged: true,
    networks: DEMO_NETWORKS.map((network) =>
      network.slug === 'cybanjou'
        ? {
            ...network,
            slug: DEMONSTRATION_NETWORK.slug,
            name: DEMONSTRATION_NETWORK.name,
            description:
              'Un réseau inventé pour essayer Repères : ses lieux, ses contacts et ses comptes sont fictifs ' +
              '(adresses réelles de Maine-et-Loire, noms, téléphones et courriels inventés).\n\n' +
              'Il ne figure ni dans les exports ni dans l’API. Les lieux réels sont ceux des autres réseaux et des sources ouvertes.',
            website: 'https://demonstration.example.org',
            contactEmail: 'coordination@demonstration.example.org',
          }
        : network,
    ),
    places: DEMO_PLACES.map((place) => ({
      ...place,
      networks: place.networks.map(slug),
      confirmedBy: place.confirmedBy === fictionalCyb ? DEMONSTRATION_NETWORK.name : place.confirmedBy,
    })),
    accounts: DEMO_ACCOUNTS.map((account) =>
      account.email === 'coordination@cybanjou.example.org'
        ? {
            ...account,
            email: 'coordination@demonstration.example.org',
            name: 'Coordination du réseau de démonstration (démo)',
            networks: account.networks.map(slug),
          }
        : { ...account, networks: account.networks.map(slug) },
    ),
    suggestions: DEMO_SUGGESTIONS,
  };
}

/** A password nobody can guess and a person can type: 16 characters of base64url. */
export function generatedPassword(): string {
  return randomBytes(12).toString('base64url');
}

/**
 * Seeds the demo directory (places, stops, networks, memberships, accounts, revisions,
 * suggestions) in one transaction. Does nothing when the data set's network already exists.
 * A user whose email already exists is left untouched (its password is not changed) and is
 * not listed in `accounts`.
 */
export async function seedDemo(prisma: PrismaClient, options: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  const set = demoDataSet(options.testFixture === true);
  if (await alreadySeeded(prisma, set)) return existingResult(prisma);

  const accounts = options.accounts === false ? [] : set.accounts;
  const passwords = accounts.map((account) => (options.testFixture ? TEST_FIXTURE_PASSWORDS[account.email]! : generatedPassword()));
  // Hash before opening the transaction: bcrypt is the slow part.
  const hashes = await Promise.all(passwords.map((password) => bcrypt.hash(password, BCRYPT_COST)));
  const now = new Date();

  try {
    return await prisma.$transaction(
      async (tx) => {
        // Checked again inside the transaction, in case another process seeded meanwhile.
        if (await alreadySeeded(tx, set)) return existingResult(tx);
        return insertDemo(tx, set, { accounts, passwords, hashes }, now);
      },
      { timeout: 30_000 },
    );
  } catch (error) {
    // Two seeders racing: the loser hits the unique slug of the network; the data is there.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002' && (await alreadySeeded(prisma, set))) {
      return existingResult(prisma);
    }
    throw error;
  }
}

async function alreadySeeded(db: Db, set: DataSet): Promise<boolean> {
  const network = await db.network.findUnique({ where: { slug: set.marker }, select: { id: true } });
  return network !== null;
}

async function existingResult(db: Db): Promise<SeedDemoResult> {
  // The passwords are not known any more (only their hashes are kept).
  return { places: await db.place.count({ where: { sourceName: DEMO_SOURCE_NAME } }), accounts: [] };
}

/**
 * What `npm start` (embedded database) and `npm run db:seed` write: the real open data first, so
 * the importers' matcher never meets a fictional place, then the demonstration set beside it.
 * With `demoAccounts: false` no demo account is created (those already there are left as they
 * are: disabling them is disableDemoAccounts', an explicit choice).
 */
export async function seedStart(
  prisma: PrismaClient,
  options: { demoAccounts?: boolean; log?: (line: string) => void } = {},
): Promise<{ real: RealSeedResult; demo: SeedDemoResult | null }> {
  const real = await seedRealData(prisma, { log: options.log });
  // A database of an earlier version (fictional Cyb@njou): left as it is, see seedRealData.
  if (real.legacyDemo) return { real, demo: null };
  const demo = await seedDemo(prisma, { accounts: options.demoAccounts !== false });
  return { real, demo };
}

/** New generated passwords for the demo accounts still enabled (a lost console, say); returned once. */
export async function renewDemoPasswords(db: PrismaClient): Promise<SeedDemoResult['accounts']> {
  const users = await db.user.findMany({ where: { demo: true, disabled: false }, select: { id: true, email: true, role: true }, orderBy: { email: 'asc' } });
  const out: SeedDemoResult['accounts'] = [];
  for (const user of users) {
    const password = generatedPassword();
    await db.user.update({ where: { id: user.id }, data: { passwordHash: await bcrypt.hash(password, BCRYPT_COST), sessionVersion: { increment: 1 } } });
    out.push({ email: user.email, password, role: user.role });
  }
  return out;
}
