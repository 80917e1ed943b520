// The data of a public place page.
import 'server-only';
import { Prisma } from '@prisma/client';
import { readDb } from '@/lib/db';
import { SERVICE_LABELS } from '@/lib/standard/enums';

export async function placeBySlug(slug: string) {
  return readDb.place.findUnique({
    where: { slug },
    include: {
      stops: { orderBy: { position: 'asc' } },
      networks: { include: { network: { select: { slug: true, name: true } } } },
    },
  });
}

export type PublicPlace = NonNullable<Awaited<ReturnType<typeof placeBySlug>>>;

/** Where an old slug now points, for a 301. */
export async function redirectedSlug(slug: string): Promise<string | null> {
  const redirect = await readDb.placeSlugRedirect.findUnique({ where: { slug }, include: { place: { select: { slug: true, status: true } } } });
  return redirect && redirect.place.status === 'PUBLISHED' ? redirect.place.slug : null;
}

/** The three nearest published places offering at least one of the same services. */
export async function nearbyPlaces(place: { id: string; latitude: number | null; longitude: number | null; services: string[] }, limit = 3) {
  if (place.latitude === null || place.longitude === null) return [];
  const services = place.services.map((key) => SERVICE_LABELS[key as keyof typeof SERVICE_LABELS]).filter(Boolean);
  const point = Prisma.sql`reperes_earth(${place.latitude}::float8, ${place.longitude}::float8)`;
  return readDb.$queryRaw<Array<{ slug: string; name: string; commune: string; distance: number }>>`
    SELECT p.slug, p.name, p.commune, earth_distance(reperes_earth(p.latitude, p.longitude), ${point}) AS distance
    FROM "Place" p
    WHERE p.status = 'published' AND p.id <> ${place.id}::uuid AND p.latitude IS NOT NULL AND p.longitude IS NOT NULL
      AND earth_box(${point}, 50000::float8) @> reperes_earth(p.latitude, p.longitude)
      ${services.length ? Prisma.sql`AND p.services && ${services}::text[]::"Service"[]` : Prisma.empty}
    ORDER BY distance
    LIMIT ${limit}`;
}
