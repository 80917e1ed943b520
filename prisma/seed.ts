// Inserts the demo data of prisma/seed-data.ts. Idempotent: when the "cybanjou" network already
// exists the database is considered seeded and nothing is written. No side effects on import:
// the start script calls seedDemo() itself.
import { randomUUID } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { Prisma, type PrismaClient } from '@prisma/client';
import { rebuildOpeningSlots } from '../lib/places/opening-slots';
import {
  DEMO_ACCOUNTS,
  DEMO_NETWORKS,
  DEMO_PLACES,
  DEMO_REVISION_AUTHOR,
  DEMO_SOURCE_NAME,
  DEMO_SUGGESTIONS,
  DEMO_TIME_ZONE,
  type DemoNetworkSlug,
} from './seed-data';

export interface SeedDemoResult {
  /** Demo places in the database. */
  places: number;
  /** The demo sign-in accounts, with their clear-text passwords (demo only). */
  accounts: Array<{ email: string; password: string; role: string }>;
}

const MARKER_NETWORK_SLUG: DemoNetworkSlug = 'cybanjou';
const BCRYPT_COST = 10;
const DAY_MS = 86_400_000;
/** The standard's `source` field for every demo place. */
const DEMO_SOURCE_LABEL = 'Repères (données de démonstration)';

type Db = PrismaClient | Prisma.TransactionClient;

/**
 * Seeds the demo directory (places, stops, networks, memberships, accounts, revisions,
 * suggestions) in one transaction. Does nothing when the demo network already exists.
 * A user whose email already exists is left untouched (its password is not changed) and is
 * not listed in `accounts`.
 */
export async function seedDemo(prisma: PrismaClient): Promise<SeedDemoResult> {
  if (await alreadySeeded(prisma)) return existingResult(prisma);

  // Hash before opening the transaction: bcrypt is the slow part.
  const hashes = await Promise.all(DEMO_ACCOUNTS.map((account) => bcrypt.hash(account.password, BCRYPT_COST)));
  const now = new Date();

  try {
    return await prisma.$transaction(
      async (tx) => {
        // Checked again inside the transaction, in case another process seeded meanwhile.
        if (await alreadySeeded(tx)) return existingResult(tx);
        return insertDemo(tx, hashes, now);
      },
      { timeout: 30_000 },
    );
  } catch (error) {
    // Two seeders racing: the loser hits the unique slug of the network; the data is there.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002' && (await alreadySeeded(prisma))) {
      return existingResult(prisma);
    }
    throw error;
  }
}

async function alreadySeeded(db: Db): Promise<boolean> {
  const network = await db.network.findUnique({ where: { slug: MARKER_NETWORK_SLUG }, select: { id: true } });
  return network !== null;
}

async function existingResult(db: Db): Promise<SeedDemoResult> {
  return {
    places: await db.place.count({ where: { sourceName: DEMO_SOURCE_NAME } }),
    accounts: DEMO_ACCOUNTS.map(({ email, password, role }) => ({ email, password, role })),
  };
}

async function insertDemo(tx: Prisma.TransactionClient, hashes: string[], now: Date): Promise<SeedDemoResult> {
  const today = parisToday(now);
  const calendarDay = (offsetDays: number) => new Date(Date.UTC(today.year, today.month - 1, today.day + offsetDays));

  // Networks
  const networkIds = new Map<DemoNetworkSlug, string>(DEMO_NETWORKS.map((network) => [network.slug, randomUUID()]));
  await tx.network.createMany({
    data: DEMO_NETWORKS.map((network) => ({
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
  const placeIds = new Map<string, string>(DEMO_PLACES.map((place) => [place.slug, randomUUID()]));
  const createdAt = new Map<string, Date>();
  const places: Prisma.PlaceCreateManyInput[] = DEMO_PLACES.map((place) => {
    const dateMaj = calendarDay(-place.dateMajDaysAgo);
    const created = new Date(Math.min(dateMaj.getTime() + 8 * 3_600_000, now.getTime()));
    createdAt.set(place.slug, created);
    const closedForGoodAt =
      place.closedForGoodDaysAgo === undefined ? null : new Date(now.getTime() - place.closedForGoodDaysAgo * DAY_MS);
    const archivedAt = place.status === 'ARCHIVED' ? (closedForGoodAt ?? new Date(now.getTime() - 45 * DAY_MS)) : null;
    return {
      id: placeIds.get(place.slug)!,
      slug: place.slug,
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

  const stops: Prisma.PlaceStopCreateManyInput[] = DEMO_PLACES.flatMap((place) =>
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
    data: DEMO_PLACES.flatMap((place) =>
      place.networks.map((slug) => ({
        placeId: placeIds.get(place.slug)!,
        networkId: networkIds.get(slug)!,
        createdAt: createdAt.get(place.slug)!,
      })),
    ),
  });

  await tx.placeRevision.createMany({
    data: DEMO_PLACES.map((place) => ({
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
    data: DEMO_ACCOUNTS.map((account, index) => ({
      email: account.email,
      name: account.name,
      passwordHash: hashes[index]!,
      role: account.role,
    })),
    skipDuplicates: true,
  });
  const users = await tx.user.findMany({
    where: { email: { in: DEMO_ACCOUNTS.map((account) => account.email) } },
    select: { id: true, email: true, passwordHash: true },
  });
  const userByEmail = new Map(users.map((user) => [user.email, user]));

  const userNetworks = DEMO_ACCOUNTS.flatMap((account) =>
    account.networks.map((slug) => ({ userId: userByEmail.get(account.email)!.id, networkId: networkIds.get(slug)! })),
  );
  if (userNetworks.length > 0) await tx.userNetwork.createMany({ data: userNetworks, skipDuplicates: true });

  const userPlaces = DEMO_ACCOUNTS.flatMap((account) =>
    account.places.map((slug) => {
      const placeId = placeIds.get(slug);
      if (!placeId) throw new Error(`Compte de démonstration ${account.email} : lieu inconnu « ${slug} ».`);
      return { userId: userByEmail.get(account.email)!.id, placeId };
    }),
  );
  if (userPlaces.length > 0) await tx.userPlace.createMany({ data: userPlaces, skipDuplicates: true });

  await tx.suggestion.createMany({
    data: DEMO_SUGGESTIONS.map((suggestion) => {
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

  // The weekly opening slots that let search pre-filter "open now" in SQL.
  await rebuildOpeningSlots(
    tx,
    places.map((place) => place.id as string),
  );

  return {
    places: places.length,
    // Only the accounts created now: a pre-existing account keeps its own password.
    accounts: DEMO_ACCOUNTS.filter((account, index) => userByEmail.get(account.email)?.passwordHash === hashes[index]).map(
      ({ email, password, role }) => ({ email, password, role }),
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
