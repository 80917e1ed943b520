// Writes one fictional data set (prisma/seed.ts chooses which) inside the caller's transaction:
// networks, places with their stops, memberships and first revision, accounts with their
// networks and places, pending suggestions, then the weekly hours. Each phase is a
// function of its own; ids are chosen here so the phases can refer to each other without reading.
import { randomUUID } from 'node:crypto';
import type { Prisma } from '@prisma/client';
import { rebuildOpeningSlots } from '../lib/places/opening-slots';
import { seedDemoAteliers } from './demo-ateliers';
import { DEMO_REVISION_AUTHOR, DEMO_SOURCE_NAME, DEMO_TIME_ZONE, type DemoAccount, type DemoNetwork, type DemoPlace, type DemoSuggestion } from './seed-data';

export type DataSet = {
  marker: string;
  flagged: boolean;
  networks: Array<Omit<DemoNetwork, 'slug'> & { slug: string }>;
  places: Array<Omit<DemoPlace, 'networks'> & { networks: string[] }>;
  accounts: Array<Omit<DemoAccount, 'networks'> & { networks: string[] }>;
  suggestions: DemoSuggestion[];
};

/** The accounts to create, with their clear and hashed passwords (same order). */
export type DemoSignIns = { accounts: DataSet['accounts']; passwords: string[]; hashes: string[] };

type Tx = Prisma.TransactionClient;
type SeedPlace = DataSet['places'][number];

const DAY_MS = 86_400_000;
/** The standard's `source` field for every demo place. */
const DEMO_SOURCE_LABEL = 'Repères (données de démonstration)';

export async function insertDemo(
  tx: Tx,
  set: DataSet,
  sign: DemoSignIns,
  now: Date,
): Promise<{ places: number; accounts: Array<{ email: string; password: string; role: string }> }> {
  const networkIds = await insertNetworks(tx, set.networks);
  const { placeIds, count } = await insertPlaces(tx, set, networkIds, now);
  const userByEmail = await insertAccounts(tx, sign.accounts, sign.hashes, networkIds, placeIds);
  await insertSuggestions(tx, set.suggestions, placeIds, now);
  await seedDemoAteliers(tx, new Map(set.places.map((p) => [p.name, placeIds.get(p.slug)!])), now);
  // The weekly hours (places and stops) that let search pre-filter "open now" in SQL.
  await rebuildOpeningSlots(tx, [...placeIds.values()]);
  return {
    places: count,
    // Only the accounts created now: a pre-existing account keeps its own password.
    accounts: sign.accounts.flatMap((account, index) =>
      userByEmail.get(account.email)?.passwordHash === sign.hashes[index]
        ? [{ email: account.email, password: sign.passwords[index]!, role: account.role }]
        : [],
    ),
  };
}

/** Creates the networks; their ids by slug. */
async function insertNetworks(tx: Tx, networks: DataSet['networks']): Promise<Map<string, string>> {
  const networkIds = new Map<string, string>(networks.map((network) => [network.slug, randomUUID()]));
  await tx.network.createMany({
    data: networks.map((network) => ({
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
  return networkIds;
}

/**
 * Creates the places, their stops, memberships and CREATE revisions. Returns the place ids by
 * slug and how many places were written.
 */
async function insertPlaces(tx: Tx, set: DataSet, networkIds: Map<string, string>, now: Date) {
  const calendarDay = calendarDays(now);
  const placeIds = new Map<string, string>(set.places.map((place) => [place.slug, randomUUID()]));
  // Beside real places, a fictional place never takes a real one's slug.
  const taken = set.flagged
    ? new Set((await tx.place.findMany({ where: { slug: { in: set.places.map((p) => p.slug) } }, select: { slug: true } })).map((p) => p.slug))
    : new Set<string>();
  const createdAt = new Map<string, Date>();
  const places = set.places.map((place) => {
    const row = placeRow(place, { id: placeIds.get(place.slug)!, slugTaken: taken.has(place.slug), flagged: set.flagged, now, calendarDay });
    createdAt.set(row.id, row.createdAt);
    return row;
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

  const created = (place: SeedPlace) => createdAt.get(placeIds.get(place.slug)!)!;
  await tx.networkMembership.createMany({
    data: set.places.flatMap((place) =>
      place.networks.map((slug) => ({ placeId: placeIds.get(place.slug)!, networkId: networkIds.get(slug)!, createdAt: created(place) })),
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
      createdAt: created(place),
    })),
  });
  return { placeIds, count: places.length };
}

/** One `Place` row of the demo data: dates are counted from `now`, in the place's calendar. */
function placeRow(
  place: SeedPlace,
  at: { id: string; slugTaken: boolean; flagged: boolean; now: Date; calendarDay: (offsetDays: number) => Date },
): Prisma.PlaceCreateManyInput & { id: string; createdAt: Date } {
  const { now, calendarDay } = at;
  const dateMaj = calendarDay(-place.dateMajDaysAgo);
  const created = new Date(Math.min(dateMaj.getTime() + 8 * 3_600_000, now.getTime()));
  const closedForGoodAt = place.closedForGoodDaysAgo === undefined ? null : new Date(now.getTime() - place.closedForGoodDaysAgo * DAY_MS);
  const archivedAt = place.status === 'ARCHIVED' ? (closedForGoodAt ?? new Date(now.getTime() - 45 * DAY_MS)) : null;
  return {
    id: at.id,
    slug: at.slugTaken ? `${place.slug}-demonstration` : place.slug,
    demo: at.flagged,
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
}

/**
 * Creates the accounts (existing emails are kept as they are) and their networks and places.
 * Returns every listed account as stored, by email.
 */
async function insertAccounts(tx: Tx, accounts: DataSet['accounts'], hashes: string[], networkIds: Map<string, string>, placeIds: Map<string, string>) {
  await tx.user.createMany({
    data: accounts.map((account, index) => ({ email: account.email, name: account.name, passwordHash: hashes[index]!, role: account.role, demo: true })),
    skipDuplicates: true,
  });
  const users = await tx.user.findMany({
    where: { email: { in: accounts.map((account) => account.email) } },
    select: { id: true, email: true, passwordHash: true },
  });
  const userByEmail = new Map(users.map((user) => [user.email, user]));

  const userNetworks = accounts.flatMap((account) =>
    account.networks.map((slug) => ({ userId: userByEmail.get(account.email)!.id, networkId: networkIds.get(slug)! })),
  );
  if (userNetworks.length > 0) await tx.userNetwork.createMany({ data: userNetworks, skipDuplicates: true });

  const userPlaces = accounts.flatMap((account) =>
    account.places.map((slug) => {
      const placeId = placeIds.get(slug);
      if (!placeId) throw new Error(`Compte de démonstration ${account.email} : lieu inconnu « ${slug} ».`);
      return { userId: userByEmail.get(account.email)!.id, placeId };
    }),
  );
  if (userPlaces.length > 0) await tx.userPlace.createMany({ data: userPlaces, skipDuplicates: true });
  return userByEmail;
}

async function insertSuggestions(tx: Tx, suggestions: DemoSuggestion[], placeIds: Map<string, string>, now: Date) {
  await tx.suggestion.createMany({
    data: suggestions.map((suggestion) => {
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
}

/** Midnight UTC of the Paris calendar day `offsetDays` after today (date_maj is a date, not an instant). */
function calendarDays(now: Date): (offsetDays: number) => Date {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: DEMO_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)!.value);
  const today = { year: part('year'), month: part('month'), day: part('day') };
  return (offsetDays) => new Date(Date.UTC(today.year, today.month - 1, today.day + offsetDays));
}
