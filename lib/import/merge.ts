// Merging two places flagged as duplicates (by an import): an admin picks, field by field, which
// place's value to keep. The winner keeps its identity and takes the chosen values, the loser's
// networks, editors, open reports and history; the loser is archived and its address (slug)
// answers 301 to the winner's page. Re-importing the loser's source leaves it merged.
import type { Place, Prisma, PrismaClient } from '@prisma/client';
import { canMergePlaces, type SessionUser } from '../auth/permissions';
import { replaceOpeningSlots } from '../places/opening-slots';
import { STANDARD_LISTS, type StandardListName } from '../standard/enums';

/** The fields an admin chooses between, with their labels. Coordinates go together. */
export const MERGE_FIELDS = [
  ['name', 'Nom'],
  ['street', 'Adresse'],
  ['addressComplement', 'Complément d’adresse'],
  ['postcode', 'Code postal'],
  ['commune', 'Commune'],
  ['inseeCode', 'Code INSEE'],
  ['coordinates', 'Position (latitude, longitude)'],
  ['phone', 'Téléphone'],
  ['emails', 'Courriels'],
  ['websites', 'Sites web'],
  ['openingHours', 'Horaires'],
  ['summary', 'Présentation courte'],
  ['presentation', 'Présentation détaillée'],
  ['practicalInfo', 'Informations pratiques'],
  ['typologies', 'Types de structure'],
  ['services', 'Services'],
  ['publics', 'Publics'],
  ['specificSupport', 'Prise en charge spécifique'],
  ['fees', 'Frais'],
  ['programmes', 'Dispositifs nationaux'],
  ['labels', 'Labels'],
  ['otherLabels', 'Autres labels'],
  ['accessModes', 'Modalités d’accès'],
  ['supportModes', 'Modalités d’accompagnement'],
  ['itinerance', 'Itinérance'],
  ['accesLibreUrl', 'Fiche Accès libre'],
  ['appointmentUrl', 'Prise de rendez-vous'],
  ['pivot', 'SIRET'],
  ['parentStructure', 'Structure parente'],
  ['dateMaj', 'Date de mise à jour'],
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number][0];
export type Choice = 'winner' | 'loser';

const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** A field's value on a place (coordinates as "lat, lng"), for display and comparison. */
export function fieldValue(place: Place, field: MergeField): unknown {
  if (field === 'coordinates') return place.latitude === null || place.longitude === null ? null : `${place.latitude}, ${place.longitude}`;
  const value = place[field];
  return value instanceof Date ? value.toISOString().slice(0, 10) : value;
}

const LISTS: Partial<Record<MergeField, StandardListName>> = {
  typologies: 'Typologie',
  services: 'Service',
  publics: 'PublicSpecifiquementAdresse',
  specificSupport: 'PriseEnChargeSpecifique',
  fees: 'FraisACharge',
  programmes: 'DispositifProgrammeNational',
  labels: 'FormationLabel',
  accessModes: 'ModaliteAcces',
  supportModes: 'ModaliteAccompagnement',
  itinerance: 'Itinerance',
};

/** A field's value as the comparison page shows it: the standard's words for the closed lists. */
export function displayValue(place: Place, field: MergeField): string {
  const value = fieldValue(place, field);
  const list = LISTS[field];
  if (Array.isArray(value)) return value.map((v) => (list ? ((STANDARD_LISTS[list] as Record<string, string>)[v] ?? v) : v)).join(', ') || '(vide)';
  return value === null || value === undefined || value === '' ? '(vide)' : String(value);
}

/** The default choice for each field: the winner's value, unless only the loser has one (or a later date). */
export function defaultChoices(winner: Place, loser: Place): Record<MergeField, Choice> {
  const choices = {} as Record<MergeField, Choice>;
  for (const [field] of MERGE_FIELDS) {
    const mine = fieldValue(winner, field);
    const theirs = fieldValue(loser, field);
    choices[field] = field === 'dateMaj' ? (loser.dateMaj > winner.dateMaj ? 'loser' : 'winner') : isEmpty(mine) && !isEmpty(theirs) ? 'loser' : 'winner';
  }
  return choices;
}

export type MergeResult = { status: 'merged'; winnerId: string; loserSlug: string } | { status: 'forbidden' | 'gone' | 'invalid' };

type Tx = Prisma.TransactionClient;
type PlaceWithStops = Awaited<ReturnType<typeof loadPair>>[0];
type MergeInput = { duplicateId: string; winnerId: string; choices: Partial<Record<MergeField, Choice>> };

function loadPair(tx: Tx, winnerId: string, loserId: string) {
  return Promise.all([
    tx.place.findUniqueOrThrow({ where: { id: winnerId }, include: { stops: { select: { id: true } } } }),
    tx.place.findUniqueOrThrow({ where: { id: loserId }, include: { stops: { select: { id: true } } } }),
  ]);
}

/** The winner's update (the loser's values where chosen) and the revision's changes. */
function chosenValues(winner: PlaceWithStops, loser: PlaceWithStops, choices: MergeInput['choices']) {
  const data: Prisma.PlaceUpdateInput = {};
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const [field] of MERGE_FIELDS) {
    if ((choices[field] ?? 'winner') !== 'loser') continue;
    const before = fieldValue(winner, field);
    const after = fieldValue(loser, field);
    if (JSON.stringify(before) === JSON.stringify(after)) continue;
    changes[field] = { before, after };
    if (field === 'coordinates') Object.assign(data, { latitude: loser.latitude, longitude: loser.longitude });
    else (data as Record<string, unknown>)[field] = loser[field];
  }
  changes.mergedFrom = { before: null, after: { id: loser.id, name: loser.name, slug: loser.slug } };
  return { data, changes };
}

/** The loser's history, networks, editors, open reports and flags go to the winner. */
async function transferFromLoser(tx: Tx, user: SessionUser, duplicateId: string, winner: PlaceWithStops, loser: PlaceWithStops) {
  await tx.placeRevision.updateMany({ where: { placeId: loser.id }, data: { placeId: winner.id } });
  await tx.$executeRaw`INSERT INTO "NetworkMembership" ("placeId", "networkId") SELECT ${winner.id}::uuid, "networkId" FROM "NetworkMembership" WHERE "placeId" = ${loser.id}::uuid ON CONFLICT DO NOTHING`;
  await tx.$executeRaw`INSERT INTO "UserPlace" ("userId", "placeId") SELECT "userId", ${winner.id}::uuid FROM "UserPlace" WHERE "placeId" = ${loser.id}::uuid ON CONFLICT DO NOTHING`;
  await tx.suggestion.updateMany({ where: { placeId: loser.id, state: 'PENDING' }, data: { placeId: winner.id } });
  if (winner.stops.length === 0 && loser.stops.length > 0) await tx.placeStop.updateMany({ where: { placeId: loser.id }, data: { placeId: winner.id } });
  await tx.$executeRaw`
      UPDATE "PlaceDuplicate" d SET "placeId" = CASE WHEN d."placeId" = ${loser.id}::uuid THEN ${winner.id}::uuid ELSE d."placeId" END,
                                   "otherId" = CASE WHEN d."otherId" = ${loser.id}::uuid THEN ${winner.id}::uuid ELSE d."otherId" END
      WHERE d.id <> ${duplicateId}::uuid AND d.state = 'open' AND (d."placeId" = ${loser.id}::uuid OR d."otherId" = ${loser.id}::uuid)
        AND NOT EXISTS (SELECT 1 FROM "PlaceDuplicate" e WHERE e."placeId" = CASE WHEN d."placeId" = ${loser.id}::uuid THEN ${winner.id}::uuid ELSE d."placeId" END
                                                           AND e."otherId" = CASE WHEN d."otherId" = ${loser.id}::uuid THEN ${winner.id}::uuid ELSE d."otherId" END)`;
  await tx.placeDuplicate.updateMany({
    where: { id: { not: duplicateId }, state: 'OPEN', OR: [{ placeId: loser.id }, { otherId: loser.id }] },
    data: { state: 'DISMISSED', resolvedAt: new Date(), resolvedById: user.id },
  });
  await tx.placeDuplicate.deleteMany({ where: { state: 'OPEN', placeId: winner.id, otherId: winner.id } });
}

/** The winner takes the chosen values; the loser is archived, its address redirects to the winner. */
async function applyMerge(tx: Tx, user: SessionUser, winner: PlaceWithStops, loser: PlaceWithStops, { data, changes }: ReturnType<typeof chosenValues>) {
  const author = { authorId: user.id, kind: 'MERGE' as const };
  await tx.place.update({ where: { id: winner.id }, data: { ...data, version: { increment: 1 } } });
  await tx.placeRevision.create({
    data: {
      ...author,
      placeId: winner.id,
      changes: changes as Prisma.InputJsonValue,
      baseVersion: winner.version,
      reason: `Fusion avec « ${loser.name} » (${loser.slug})`,
    },
  });
  const retiredSlug = `${loser.slug}-fusionne-${loser.id.slice(0, 8)}`;
  await tx.placeSlugRedirect.updateMany({ where: { placeId: loser.id }, data: { placeId: winner.id } });
  await tx.place.update({
    where: { id: loser.id },
    data: { slug: retiredSlug, status: 'ARCHIVED', archivedAt: new Date(), mergedIntoId: winner.id, version: { increment: 1 } },
  });
  await tx.placeSlugRedirect.upsert({ where: { slug: loser.slug }, create: { slug: loser.slug, placeId: winner.id }, update: { placeId: winner.id } });
  await tx.placeRevision.create({
    data: {
      ...author,
      placeId: loser.id,
      changes: {
        status: { before: loser.status, after: 'ARCHIVED' },
        mergedInto: { before: null, after: { id: winner.id, name: winner.name, slug: winner.slug } },
      },
      baseVersion: loser.version,
      reason: `Fusionné dans « ${winner.name} » (${winner.slug})`,
    },
  });
}

async function mergeInTransaction(tx: Tx, user: SessionUser, input: MergeInput): Promise<MergeResult> {
  // Lock the flag first: two admins merging the same pair, only one wins.
  const [flag] = await tx.$queryRaw<Array<{ placeId: string; otherId: string; state: string }>>`
      SELECT "placeId"::text AS "placeId", "otherId"::text AS "otherId", state::text AS state FROM "PlaceDuplicate" WHERE id = ${input.duplicateId}::uuid FOR UPDATE`;
  if (!flag || flag.state !== 'open') return { status: 'gone' } as const;
  if (input.winnerId !== flag.placeId && input.winnerId !== flag.otherId) return { status: 'invalid' } as const;
  const loserId = input.winnerId === flag.placeId ? flag.otherId : flag.placeId;
  await tx.$queryRaw`SELECT id FROM "Place" WHERE id IN (${input.winnerId}::uuid, ${loserId}::uuid) ORDER BY id FOR UPDATE`;
  const [winner, loser] = await loadPair(tx, input.winnerId, loserId);
  if (loser.status === 'ARCHIVED' && loser.archivedAt && winner.status === 'ARCHIVED') return { status: 'gone' } as const;

  const chosen = chosenValues(winner, loser, input.choices);
  await transferFromLoser(tx, user, input.duplicateId, winner, loser);
  await applyMerge(tx, user, winner, loser, chosen);
  await tx.placeDuplicate.update({
    where: { id: input.duplicateId },
    data: { state: 'MERGED', winnerId: winner.id, resolvedById: user.id, resolvedAt: new Date() },
  });
  if (chosen.data.openingHours !== undefined || winner.stops.length === 0) await replaceOpeningSlots(tx, winner.id);
  return { status: 'merged', winnerId: winner.id, loserSlug: loser.slug } as const;
}

export async function mergeDuplicate(db: PrismaClient, user: SessionUser, input: MergeInput): Promise<MergeResult> {
  if (!canMergePlaces(user)) return { status: 'forbidden' };
  return db.$transaction(async (tx) => mergeInTransaction(tx, user, input));
}

/** "These are not the same place": the flag is closed and not raised again for this pair. */
export async function dismissDuplicate(db: PrismaClient, user: SessionUser, duplicateId: string): Promise<'done' | 'forbidden' | 'gone'> {
  if (!canMergePlaces(user)) return 'forbidden';
  const updated = await db.placeDuplicate.updateMany({
    where: { id: duplicateId, state: 'OPEN' },
    data: { state: 'DISMISSED', resolvedById: user.id, resolvedAt: new Date() },
  });
  return updated.count ? 'done' : 'gone';
}

/** Ids of places merged into another (losers): a re-import of their source leaves them archived. */
export async function mergedLosers(tx: { $queryRawUnsafe<T>(query: string, ...values: unknown[]): Promise<T> }, placeIds: string[]): Promise<Set<string>> {
  if (placeIds.length === 0) return new Set();
  const rows = await tx.$queryRawUnsafe<Array<{ id: string }>>(
    `SELECT CASE WHEN d."winnerId" = d."placeId" THEN d."otherId" ELSE d."placeId" END::text AS id
     FROM "PlaceDuplicate" d
     WHERE d.state = 'merged' AND (d."placeId" = ANY(ARRAY(SELECT jsonb_array_elements_text($1::jsonb)::uuid)) OR d."otherId" = ANY(ARRAY(SELECT jsonb_array_elements_text($1::jsonb)::uuid)))`,
    JSON.stringify(placeIds),
  );
  return new Set(rows.map((r) => r.id));
}
