// Creating a place from the back-office: validated like the identity section, geocoded when no
// point is given, and checked against existing places with a similar name nearby first.
import type { Prisma, PrismaClient } from '@prisma/client';
import { Prisma as P } from '@prisma/client';
import { canCreatePlace, placeScopeWhere, type SessionUser } from '@/lib/auth/permissions';
import { SECTIONS } from '@/lib/editing/sections';
import { comparableName, slugify } from '@/lib/geo/fold';
import { geocode, resolveCommune } from '@/lib/geo';
import { verifierFor } from './verification';

/** `status` as Prisma names it (PUBLISHED, DRAFT, ARCHIVED), not the column's mapped value. */
export type PossibleDuplicate = {
  id: string;
  slug: string;
  name: string;
  street: string;
  commune: string;
  status: 'PUBLISHED' | 'DRAFT' | 'ARCHIVED';
  distanceMeters: number | null;
  similarity: number;
};

export type CreateResult =
  | { status: 'created'; id: string }
  | { status: 'invalid'; errors: Record<string, string> }
  | { status: 'duplicates'; matches: PossibleDuplicate[] }
  | { status: 'forbidden' };

/** What the new place form shows after an attempt: the values typed, with errors or the possible duplicates. */
export type CreatePlaceState = {
  status: 'idle' | 'invalid' | 'duplicates' | 'forbidden';
  values?: Record<string, string | string[]>;
  errors?: Record<string, string>;
  matches?: PossibleDuplicate[];
};

/** Places whose name looks like this one (trigram similarity on folded names) in the same
 * postcode or commune, or within 2 km — archived ones included, since restoring beats re-creating.
 * Published places of every network may show; drafts and archives only within the viewer's own
 * scope (another network's unpublished places are not theirs to see). */
export async function findPossibleDuplicates(
  db: Pick<PrismaClient, '$queryRaw' | 'place'>,
  viewer: SessionUser,
  input: { name: string; postcode: string; commune: string; latitude: number | null; longitude: number | null },
): Promise<PossibleDuplicate[]> {
  const near =
    input.latitude !== null && input.longitude !== null
      ? P.sql`OR (p.latitude IS NOT NULL AND earth_distance(reperes_earth(p.latitude, p.longitude), reperes_earth(${input.latitude}, ${input.longitude})) < 2000)`
      : P.empty;
  const distance =
    input.latitude !== null && input.longitude !== null
      ? P.sql`CASE WHEN p.latitude IS NULL THEN NULL ELSE round(earth_distance(reperes_earth(p.latitude, p.longitude), reperes_earth(${input.latitude}, ${input.longitude})))::int END`
      : P.sql`NULL::int`;
  const rows = await db.$queryRaw<PossibleDuplicate[]>`
    SELECT p.id::text AS id, p.slug, p.name, p.street, p.commune, upper(p.status::text) AS status,
           ${distance} AS "distanceMeters",
           similarity(reperes_fold(p.name), reperes_fold(${input.name}))::float AS similarity
    FROM "Place" p
    WHERE (p.postcode = ${input.postcode} OR reperes_fold(p.commune) = reperes_fold(${input.commune}) ${near})
      AND similarity(reperes_fold(p.name), reperes_fold(${input.name})) > 0.3
    ORDER BY similarity DESC
    LIMIT 50`;
  const candidates = rows.filter((row) => sameName(row.name, input.name, row.similarity));
  const unpublished = candidates.filter((row) => row.status !== 'PUBLISHED').map((row) => row.id);
  const inScope = unpublished.length
    ? new Set((await db.place.findMany({ where: { AND: [{ id: { in: unpublished } }, placeScopeWhere(viewer)] }, select: { id: true } })).map((p) => p.id))
    : new Set<string>();
  return candidates.filter((row) => row.status === 'PUBLISHED' || inScope.has(row.id)).slice(0, 5);
}

// Words every other place name carries: "Espace numérique des Rives" and "Espace numérique des
// Tilleuls" share them and are different places.
const GENERIC = new Set(
  'a au aux d de des du en et l la le les sur espace espaces numerique numeriques public publique epn centre social socioculturel maison mediatheque bibliotheque tiers lieu point france services fablab atelier ateliers cyber cyberbase association antenne relais mairie ville communaute communes agglomeration'.split(
    ' ',
  ),
);

function distinctiveWords(name: string) {
  return new Set(
    comparableName(name)
      .split(' ')
      .filter((w) => w.length > 1 && !GENERIC.has(w)),
  );
}

/** Two names denote the same place when their distinctive words mostly agree, or when the whole
 * names are nearly identical (typos, accents, word order). */
export function sameName(a: string, b: string, trigramSimilarity: number): boolean {
  if (trigramSimilarity >= 0.75) return true;
  const x = distinctiveWords(a);
  const y = distinctiveWords(b);
  if (x.size === 0 || y.size === 0) return trigramSimilarity >= 0.6;
  const shared = [...x].filter((w) => y.has(w)).length;
  return shared / new Set([...x, ...y]).size >= 0.5;
}

async function uniqueSlug(db: Pick<PrismaClient, 'place'>, name: string, commune: string) {
  const base = slugify(`${name} ${commune}`).slice(0, 90) || 'lieu';
  for (let n = 1; n < 50; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await db.place.findUnique({ where: { slug }, select: { id: true } }))) return slug;
  }
  return `${base}-${Date.now().toString(36)}`;
}

export async function createPlace(
  db: PrismaClient,
  user: SessionUser,
  input: { values: Record<string, unknown>; networkIds: string[]; confirmDuplicate: boolean },
): Promise<CreateResult> {
  // Coordinators must attach the new place to one of their networks; admins may leave it free.
  const networkIds = [...new Set(input.networkIds)];
  if (!canCreatePlace(user, networkIds)) return { status: 'forbidden' };
  if (networkIds.length && (await db.network.count({ where: { id: { in: networkIds } } })) !== networkIds.length) return { status: 'forbidden' };

  const parsed = SECTIONS.identite.schema.safeParse(input.values);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
    return { status: 'invalid', errors };
  }
  const fields = parsed.data;
  let { latitude, longitude } = fields;
  let inseeCode: string | null = resolveCommune(`${fields.commune} ${fields.postcode}`)?.code ?? null;
  if (latitude === null || longitude === null) {
    // The address is enough: the pin starts where the geocoder puts it and can be moved later.
    const point = await geocode(db, `${fields.street} ${fields.postcode} ${fields.commune}`);
    if (point) {
      latitude = point.latitude;
      longitude = point.longitude;
      inseeCode ??= point.inseeCode;
    }
  }
  if (!input.confirmDuplicate) {
    const matches = await findPossibleDuplicates(db, user, { name: fields.name, postcode: fields.postcode, commune: fields.commune, latitude, longitude });
    if (matches.length) return { status: 'duplicates', matches };
  }
  const data: Prisma.PlaceCreateInput = {
    slug: await uniqueSlug(db, fields.name, fields.commune),
    status: 'DRAFT',
    name: fields.name,
    street: fields.street,
    addressComplement: fields.addressComplement,
    postcode: fields.postcode,
    commune: fields.commune,
    inseeCode,
    latitude,
    longitude,
    dateMaj: new Date(new Date().toISOString().slice(0, 10) + 'T00:00:00Z'),
    ...(await verifierFor(db, user, networkIds)),
    source: 'Repères',
    networks: { create: networkIds.map((networkId) => ({ networkId })) },
  };
  const place = await db.$transaction(async (tx) => {
    const created = await tx.place.create({ data });
    await tx.placeRevision.create({
      data: {
        placeId: created.id,
        kind: 'CREATE',
        state: 'APPLIED',
        authorId: user.id,
        changes: {
          name: { before: null, after: created.name },
          street: { before: null, after: created.street },
          commune: { before: null, after: created.commune },
        },
        baseVersion: 1,
      },
    });
    return created;
  });
  return { status: 'created', id: place.id };
}
