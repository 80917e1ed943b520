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

/** Published places of one département, by commune then name: the plain directory of the home page. */
export async function listPublishedPlaces(departement: string, limit = 1000): Promise<PlaceSummary[]> {
  return readDb.place.findMany({
    where: {
      status: 'PUBLISHED',
      OR: [{ inseeCode: { startsWith: departement } }, { inseeCode: null, postcode: { startsWith: departement.replace(/^2[AB]$/, '20') } }],
    },
    orderBy: [{ commune: 'asc' }, { name: 'asc' }],
    take: limit,
    select: { id: true, slug: true, name: true, commune: true, postcode: true, street: true, summary: true },
  });
}

/** Every published place of a département (INSEE code, else postcode), by commune then name: the département page's directory. */
export async function departementPlaces(code: string) {
  return readDb.place.findMany({
    where: { status: 'PUBLISHED', OR: [{ inseeCode: { startsWith: code } }, { inseeCode: null, postcode: { startsWith: code } }] },
    select: { slug: true, name: true, commune: true, inseeCode: true, street: true },
    orderBy: [{ commune: 'asc' }, { name: 'asc' }],
  });
}

export async function countPublishedPlaces(): Promise<number> {
  return readDb.place.count({ where: { status: 'PUBLISHED' } });
}

export type DepartementCount = { code: string; count: number };

/**
 * Published places per département (from the INSEE code, else the postcode), for the home page's
 * list of départements: with the national data, one list of every place would weigh megabytes.
 */
export async function countPublishedByDepartement(): Promise<DepartementCount[]> {
  const rows = await readDb.$queryRaw<Array<{ code: string; count: bigint }>>`
    SELECT CASE WHEN code LIKE '97%' THEN left(code, 3) ELSE left(code, 2) END AS code, count(*) AS count
    FROM (SELECT coalesce("inseeCode", postcode) AS code FROM "Place" WHERE status = 'published') p
    GROUP BY 1 ORDER BY 1`;
  return rows.map((row) => ({ code: row.code, count: Number(row.count) }));
}

/** Every real published place's slug and last change, for the sitemap (fictional places are not indexed). */
export async function sitemapPlaces(): Promise<Array<{ slug: string; updatedAt: Date }>> {
  return readDb.place.findMany({ where: { status: 'PUBLISHED', demo: false }, select: { slug: true, updatedAt: true }, orderBy: { slug: 'asc' } });
}
