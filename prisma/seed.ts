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
import { randomBytes, randomUUID } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { Prisma, type PrismaClient } from '@prisma/client';
import { rebuildOpeningSlots } from '../lib/places/opening-slots';
import { seedRealData, type RealSeedResult } from './seed-real';
import { seedDemoAteliers } from './demo-ateliers';
import {
  DEMO_ACCOUNTS,
  DEMO_NETWORKS,
  DEMO_PLACES,
  DEMO_REVISION_AUTHOR,
  DEMO_SOURCE_NAME,
  DEMO_SUGGESTIONS,
  DEMO_TIME_ZONE,
  TEST_FIXTURE_PASSWORDS,
  type DemoAccount,
  type DemoNetwork,
  type DemoPlace,
  type DemoSuggestion,
} from './seed-data';

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
const DAY_MS = 86_400_000;
/** The standard's `source` field for every demo place. */
const DEMO_SOURCE_LABEL = 'Repères (données de démonstration)';

type Db = PrismaClient | Prisma.TransactionClient;

type DataSet = {
  marker: string;
  flagged: boolean;
  networks: Array<Omit<DemoNetwork, 'slug'> & { slug: string }>;
  places: Array<Omit<DemoPlace, 'networks'> & { networks: string[] }>;
  accounts: Array<Omit<DemoAccount, 'networks'> & { networks: string[] }>;
  suggestions: DemoSuggestion[];
};

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
        ? { ...account, email: 'coordination@demonstration.example.org', name: 'Coordination du réseau de démonstration (démo)', networks: account.networks.map(slug) }
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

async function insertDemo(
  tx: Prisma.TransactionClient,
  set: DataSet,
  sign: { accounts: DataSet['accounts']; passwords: string[]; hashes: string[] },
  now: Date,
): Promise<SeedDemoResult> {
  const today = parisToday(now);
  const calendarDay = (offsetDays: number) => new Date(Date.UTC(today.year, today.month - 1, today.day + offsetDays));

  // Networks
  const networkIds = new Map<string, string>(set.networks.map((network) => [network.slug, randomUUID()]));
  await tx.network.createMany({
    data: set.networks.map((network) => ({
      id: networkIds.get(network.slug)!,
      slug: network.slug,
      name: network.name,
      description: network.description,
      website: network.website,
      contactEmail: network.contactEmail,
      contactPhone: network.contactPhone,
      territory: network.territory,
      color: network.color,
      reviewRequired: network.reviewRequired,
    })),
  });

  // Places
  const placeIds = new Map<string, string>(set.places.map((place) => [place.slug, randomUUID()]));
  // Beside real places, a fictional place never takes a real one's slug.
  const taken = set.flagged
    ? new Set((await tx.place.findMany({ where: { slug: { in: set.places.map((p) => p.slug) } }, select: { slug: true } })).map((p) => p.slug))
    : new Set<string>();
  const createdAt = new Map<string, Date>();
  const places: Prisma.PlaceCreateManyInput[] = set.places.map((place) => {
    const dateMaj = calendarDay(-place.dateMajDaysAgo);
    const created = new Date(Math.min(dateMaj.getTime() + 8 * 3_600_000, now.getTime()));
    createdAt.set(place.slug, created);
    const closedForGoodAt =
      place.closedForGoodDaysAgo === undefined ? null : new Date(now.getTime() - place.closedForGoodDaysAgo * DAY_MS);
    const archivedAt = place.status === 'ARCHIVED' ? (closedForGoodAt ?? new Date(now.getTime() - 45 * DAY_MS)) : null;
    return {
      id: placeIds.get(place.slug)!,
      slug: taken.has(place.slug) ? `${place.slug}-demonstration` : place.slug,
      demo: set.flagged,
      status: place.status,
      name: place.name,
      street: place.street,
      addressComplement: place.addressComplement ?? null,
      postcode: place.postcode,
      commune: place.commune,
      inseeCode: place.inseeCode,
      latitude: place.latitude,
      longitude: place.longitude,
      timeZone: DEMO_TIME_ZONE,
      typologies: place.typologies,
      phone: place.phone ?? null,
      emails: place.emails ?? [],
      websites: place.websites ?? [],
      openingHours: place.openingHours ?? null,
      summary: place.summary,
      presentation: place.presentation ?? null,
      source: DEMO_SOURCE_LABEL,
      itinerance: place.itinerance ?? ['Fixe'],
      parentStructure: place.parentStructure ?? null,
      dateMaj,
      confirmedBy: place.confirmedBy ?? null,
      services: place.services,
      publics: place.publics ?? [],
      specificSupport: place.specificSupport ?? [],
      fees: place.fees,
      programmes: place.programmes ?? [],
      labels: place.labels ?? [],
      otherLabels: place.otherLabels ?? [],
      accessModes: place.accessModes,
      supportModes: place.supportModes,
      appointmentUrl: place.appointmentUrl ?? null,
      sourceName: DEMO_SOURCE_NAME,
      sourceId: place.slug,
      closedFrom: place.temporaryClosure ? calendarDay(-place.temporaryClosure.fromDaysAgo) : null,
      closedUntil: place.temporaryClosure ? calendarDay(place.temporaryClosure.untilInDays) : null,
      closureMessage: place.temporaryClosure?.message ?? null,
      closedForGoodAt,
      archivedAt,
      createdAt: created,
    };
  });
  await tx.place.createMany({ data: places });

  const stops: Prisma.PlaceStopCreateManyInput[] = set.places.flatMap((place) =>
    (place.stops ?? []).map((stop, position) => ({
      placeId: placeIds.get(place.slug)!,
      position,
      label: stop.label,
      street: stop.street,
      postcode: stop.postcode,
      commune: stop.commune,
      inseeCode: stop.inseeCode,
      latitude: stop.latitude,
      longitude: stop.longitude,
      openingHours: stop.openingHours,
    })),
  );
  if (stops.length > 0) await tx.placeStop.createMany({ data: stops });

  await tx.networkMembership.createMany({
    data: set.places.flatMap((place) =>
      place.networks.map((slug) => ({
        placeId: placeIds.get(place.slug)!,
        networkId: networkIds.get(slug)!,
        createdAt: createdAt.get(place.slug)!,
      })),
    ),
  });

  await tx.placeRevision.createMany({
    data: set.places.map((place) => ({
      placeId: placeIds.get(place.slug)!,
      kind: 'CREATE' as const,
      state: 'APPLIED' as const,
      authorLabel: DEMO_REVISION_AUTHOR,
      changes: {},
      baseVersion: 1,
      createdAt: createdAt.get(place.slug)!,
    })),
  });

  // Accounts: existing emails are kept as they are.
  await tx.user.createMany({
    data: sign.accounts.map((account, index) => ({
      email: account.email,
      name: account.name,
      passwordHash: sign.hashes[index]!,
      role: account.role,
      demo: true,
    })),
    skipDuplicates: true,
  });
  const users = await tx.user.findMany({
    where: { email: { in: sign.accounts.map((account) => account.email) } },
    select: { id: true, email: true, passwordHash: true },
  });
  const userByEmail = new Map(users.map((user) => [user.email, user]));

  const userNetworks = sign.accounts.flatMap((account) =>
    account.networks.map((slug) => ({ userId: userByEmail.get(account.email)!.id, networkId: networkIds.get(slug)! })),
  );
  if (userNetworks.length > 0) await tx.userNetwork.createMany({ data: userNetworks, skipDuplicates: true });

  const userPlaces = sign.accounts.flatMap((account) =>
    account.places.map((slug) => {
      const placeId = placeIds.get(slug);
      if (!placeId) throw new Error(`Compte de démonstration ${account.email} : lieu inconnu « ${slug} ».`);
      return { userId: userByEmail.get(account.email)!.id, placeId };
    }),
  );
  if (userPlaces.length > 0) await tx.userPlace.createMany({ data: userPlaces, skipDuplicates: true });

  await tx.suggestion.createMany({
    data: set.suggestions.map((suggestion) => {
      const placeId = placeIds.get(suggestion.placeSlug);
      if (!placeId) throw new Error(`Suggestion de démonstration : lieu inconnu « ${suggestion.placeSlug} ».`);
      return {
        placeId,
        part: suggestion.part,
        message: suggestion.message,
        email: suggestion.email ?? null,
        state: 'PENDING' as const,
        createdAt: new Date(now.getTime() - suggestion.daysAgo * DAY_MS),
      };
    }),
  });

  await seedDemoAteliers(tx, new Map(set.places.map((p) => [p.name, placeIds.get(p.slug)!])), now);

  // The weekly opening slots that let search pre-filter "open now" in SQL.
  await rebuildOpeningSlots(
    tx,
    places.map((place) => place.id as string),
  );

  return {
    places: places.length,
    // Only the accounts created now: a pre-existing account keeps its own password.
    accounts: sign.accounts.flatMap((account, index) =>
      userByEmail.get(account.email)?.passwordHash === sign.hashes[index] ? [{ email: account.email, password: sign.passwords[index]!, role: account.role }] : [],
    ),
  };
}

/** Today's calendar date in Europe/Paris (date_maj is a date, not an instant). */
function parisToday(now: Date): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: DEMO_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)!.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}
