import 'server-only';
import { readDb } from '@/lib/db';

export type PlaceSummary = {
  id: string;
  slug: string;
  name: string;
  commune: string;
  postcode: string;
  street: string;
  summary: string | null;
};

/** Published places, by commune then name: the plain directory of the home page. */
export async function listPublishedPlaces(limit = 500): Promise<PlaceSummary[]> {
  return readDb.place.findMany({
    where: { status: 'PUBLISHED' },
    orderBy: [{ commune: 'asc' }, { name: 'asc' }],
    take: limit,
    select: { id: true, slug: true, name: true, commune: true, postcode: true, street: true, summary: true },
  });
}

export async function countPublishedPlaces(): Promise<number> {
  return readDb.place.count({ where: { status: 'PUBLISHED' } });
}
