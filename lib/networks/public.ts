// What the public network pages (/reseaux, /reseaux/[slug]) read: networks and the figures of their
// published places, on the read replica when there is one.
import 'server-only';
import { readDb } from '@/lib/db';

/** Every network by name, with its number of published places. */
export async function networksWithPublishedCounts() {
  const networks = await readDb.network.findMany({
    orderBy: { name: 'asc' },
    include: { _count: { select: { members: { where: { place: { status: 'PUBLISHED' } } } } } },
  });
  return networks.map((network) => ({ id: network.id, slug: network.slug, name: network.name, publishedPlaces: network._count.members }));
}

export async function networkBySlug(slug: string) {
  return readDb.network.findUnique({ where: { slug } });
}

/** The network's published places: how many, how many free of charge, how many open on Saturdays. */
export async function networkPlaceFigures(networkId: string): Promise<{ places: number; free: number; saturday: number }> {
  const [counts] = await readDb.$queryRaw<Array<{ places: bigint; free: bigint; saturday: bigint }>>`
    SELECT count(*) AS places,
      count(*) FILTER (WHERE 'Gratuit' = ANY(p.fees)) AS free,
      -- open on Saturday: minutes 5 × 1440 to 6 × 1440 of its week (lib/hours/week.ts)
      count(*) FILTER (WHERE p."openWeek" && '{[7200,8640)}'::int4multirange) AS saturday
    FROM "Place" p JOIN "NetworkMembership" m ON m."placeId" = p.id
    WHERE m."networkId" = ${networkId}::uuid AND p.status = 'published'`;
  return { places: Number(counts.places), free: Number(counts.free), saturday: Number(counts.saturday) };
}

/** The networks the sitemap lists: those with a published real place (the demonstration network stays out). */
export async function sitemapNetworks(): Promise<Array<{ slug: string; updatedAt: Date }>> {
  return readDb.network.findMany({
    where: { members: { some: { place: { status: 'PUBLISHED', demo: false } } } },
    select: { slug: true, updatedAt: true },
    orderBy: { slug: 'asc' },
  });
}
