// The public network pages (/reseaux, /reseaux/[slug]): the networks with their published places
// counted, one network by slug, and its share of free places and of places open on Saturday.
import 'server-only';
import { readDb } from '@/lib/db';

export function networksWithPublishedCounts() {
  return readDb.network.findMany({
    orderBy: { name: 'asc' },
    include: { _count: { select: { members: { where: { place: { status: 'PUBLISHED' } } } } } },
  });
}

export function networkBySlug(slug: string) {
  return readDb.network.findUnique({ where: { slug } });
}

/** Published places of the network, how many are free, how many open on Saturday. */
export async function networkPlaceCounts(networkId: string): Promise<{ places: number; free: number; saturday: number }> {
  const [counts] = await readDb.$queryRaw<Array<{ places: bigint; free: bigint; saturday: bigint }>>`
    SELECT count(*) AS places,
      count(*) FILTER (WHERE 'Gratuit' = ANY(p.fees)) AS free,
      count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "PlaceOpeningSlot" o WHERE o."placeId" = p.id AND o.weekday = 6)) AS saturday
    FROM "Place" p JOIN "NetworkMembership" m ON m."placeId" = p.id
    WHERE m."networkId" = ${networkId}::uuid AND p.status = 'published'`;
  return { places: Number(counts.places), free: Number(counts.free), saturday: Number(counts.saturday) };
}
