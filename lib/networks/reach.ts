// The communes of a network's territory furthest from a place of the network (issue #23): each
// commune's centre to the nearest published place of the network (or one of its itinerant stops),
// with the k-d tree of lib/coverage/nearest.ts. The network's own view: its demo places count.
import 'server-only';
import type { PrismaClient } from '@prisma/client';
import { Prisma } from '@prisma/client';
import { NearestIndex } from '@/lib/coverage/nearest';

type Db = Pick<PrismaClient, '$queryRaw'>;

export type FarCommune = { inseeCode: string; name: string; population: number; km: number; nearest: { id: string; name: string } };

/** The `limit` communes of the territory furthest from the network's places (null when the communes are not loaded or the network has no located place). */
export async function furthestCommunes(db: Db, networkId: string, territory: string[], limit = 10): Promise<FarCommune[] | null> {
  if (!territory.length) return null;
  const [communes, points] = await Promise.all([
    db.$queryRaw<Array<{ inseeCode: string; name: string; population: number | null; latitude: number; longitude: number }>>`
      SELECT "inseeCode", name, population, latitude, longitude FROM "Commune"
      WHERE departement IN (${Prisma.join(territory)}) AND latitude IS NOT NULL AND longitude IS NOT NULL`,
    db.$queryRaw<Array<{ id: string; name: string; latitude: number; longitude: number }>>`
      SELECT p.id, p.name, p.latitude, p.longitude FROM "Place" p JOIN "NetworkMembership" m ON m."placeId" = p.id AND m."networkId" = ${networkId}::uuid
      WHERE p.status = 'published' AND p.latitude IS NOT NULL AND p.longitude IS NOT NULL
      UNION ALL
      SELECT p.id, p.name, s.latitude, s.longitude FROM "PlaceStop" s JOIN "Place" p ON p.id = s."placeId"
      JOIN "NetworkMembership" m ON m."placeId" = p.id AND m."networkId" = ${networkId}::uuid
      WHERE p.status = 'published'`,
  ]);
  if (!communes.length || !points.length) return null;
  const index = new NearestIndex(points);
  return communes
    .map((c) => {
      const hit = index.nearest(c.latitude, c.longitude)!;
      const place = points[hit.index];
      return { inseeCode: c.inseeCode, name: c.name, population: c.population ?? 0, km: hit.km, nearest: { id: place.id, name: place.name } };
    })
    .sort((a, b) => b.km - a.km || b.population - a.population)
    .slice(0, limit);
}
