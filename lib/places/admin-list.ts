// The back-office list of places (/admin/lieux): the places of the user's scope, filtered by name
// or commune, status, network, freshness and completeness band, sorted, one page at a time. All of
// it in SQL, the completeness score included (`completeness-sql.ts`), so the count and the pages
// cover every place whatever their number.
import 'server-only';
import { Prisma, type PlaceStatus, type PrismaClient } from '@prisma/client';
import { placeScopeSql, placeScopeWhere, type SessionUser } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { completenessScoreSql } from './completeness-sql';

export const ADMIN_PLACES_PAGE_SIZE = 25;
/** Beyond this, a page number is read as the last one allowed (a URL cannot ask for an absurd OFFSET). */
const MAX_PAGE = 100_000;

export const PLACE_STATUSES = ['PUBLISHED', 'DRAFT', 'ARCHIVED'] as const;
export const PLACE_SORTS = ['', 'nom', 'fraicheur', 'modifies'] as const;
export const STALE_MONTHS = [6, 12] as const;
/** Completeness bands: [lowest score included, highest excluded]. */
export const COMPLETENESS_BANDS = { faible: [0, 50], moyenne: [50, 80], bonne: [80, 101] } as const;

export type PlaceSort = (typeof PLACE_SORTS)[number];
export type CompletenessBand = keyof typeof COMPLETENESS_BANDS;

export type AdminPlaceQuery = {
  q: string;
  status?: PlaceStatus;
  networkId?: string;
  staleMonths?: (typeof STALE_MONTHS)[number];
  band?: CompletenessBand;
  sort: PlaceSort;
  page: number;
};

/** Reads the list's URL parameters; anything unknown is ignored, as the page always did. */
export function parseAdminPlaceQuery(
  params: { q?: string; statut?: string; tri?: string; page?: string; maj?: string; completude?: string },
  networkId?: string,
): AdminPlaceQuery {
  const status = PLACE_STATUSES.find((s) => s === params.statut);
  const stale = STALE_MONTHS.find((m) => String(m) === params.maj);
  const band = params.completude && Object.hasOwn(COMPLETENESS_BANDS, params.completude) ? (params.completude as CompletenessBand) : undefined;
  return {
    q: (params.q ?? '').slice(0, 100),
    status,
    networkId,
    staleMonths: stale,
    band,
    sort: PLACE_SORTS.find((s) => s === params.tri) ?? '',
    page: Math.max(1, Math.min(MAX_PAGE, Math.floor(Number(params.page)) || 1)),
  };
}

export type AdminPlaceRow = { id: string; name: string; commune: string; status: PlaceStatus; dateMaj: Date; score: number };
export type AdminPlacePage = { places: AdminPlaceRow[]; total: number; page: number; pageCount: number };

const ORDER: Record<PlaceSort, Prisma.Sql> = {
  '': Prisma.sql`commune ASC, name ASC, id ASC`,
  nom: Prisma.sql`name ASC, id ASC`,
  fraicheur: Prisma.sql`"dateMaj" ASC, name ASC, id ASC`,
  modifies: Prisma.sql`"updatedAt" DESC, id ASC`,
};

const DB_STATUS: Record<PlaceStatus, string> = { PUBLISHED: 'published', DRAFT: 'draft', ARCHIVED: 'archived' };
const STATUS_OF: Record<string, PlaceStatus> = { published: 'PUBLISHED', draft: 'DRAFT', archived: 'ARCHIVED' };

/** The date (UTC) `months` months before `now`: places confirmed before it are "not confirmed for `months` months". */
export function monthsBefore(now: Date, months: number): string {
  const date = new Date(now);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date.toISOString().slice(0, 10);
}

/** A `contains` match, case-insensitive, with `%`, `_` and `\` taken literally. */
function likePattern(text: string) {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}

export async function listAdminPlaces(user: SessionUser, query: AdminPlaceQuery, now = new Date(), client: PrismaClient = db): Promise<AdminPlacePage> {
  const conditions: Prisma.Sql[] = [placeScopeSql(user, 'p')];
  if (query.networkId) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "NetworkMembership" m WHERE m."placeId" = p.id AND m."networkId" = ${query.networkId}::uuid)`);
  }
  if (query.status) conditions.push(Prisma.sql`p.status = ${DB_STATUS[query.status]}::"PlaceStatus"`);
  if (query.staleMonths) conditions.push(Prisma.sql`p."dateMaj" < ${monthsBefore(now, query.staleMonths)}::date`);
  if (query.q) conditions.push(Prisma.sql`(p.name ILIKE ${likePattern(query.q)} OR p.commune ILIKE ${likePattern(query.q)})`);
  const band = query.band ? COMPLETENESS_BANDS[query.band] : undefined;
  const inBand = band ? Prisma.sql`score >= ${band[0]} AND score < ${band[1]}` : Prisma.sql`TRUE`;
  const scored = Prisma.sql`
    SELECT p.id, p.name, p.commune, p.status::text AS status, p."dateMaj", p."updatedAt", ${completenessScoreSql} AS score
    FROM "Place" p WHERE ${Prisma.join(conditions, ' AND ')}`;
  const offset = (query.page - 1) * ADMIN_PLACES_PAGE_SIZE;
  const [counted, rows] = await Promise.all([
    client.$queryRaw<Array<{ total: bigint }>>`SELECT count(*) AS total FROM (${scored}) s WHERE ${inBand}`,
    client.$queryRaw<Array<{ id: string; name: string; commune: string; status: string; dateMaj: Date; score: number }>>`
      SELECT id, name, commune, status, "dateMaj", score FROM (${scored}) s WHERE ${inBand}
      ORDER BY ${ORDER[query.sort]} LIMIT ${ADMIN_PLACES_PAGE_SIZE} OFFSET ${offset}`,
  ]);
  const total = Number(counted[0]?.total ?? 0);
  return {
    places: rows.map((row) => ({ ...row, status: STATUS_OF[row.status], score: Number(row.score) })),
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / ADMIN_PLACES_PAGE_SIZE)),
  };
}

/** The page numbers to link around `page`: the first, the last, and two on each side, with gaps as null. */
export function pageLinks(page: number, pageCount: number): Array<number | null> {
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pageCount])].filter((n) => n >= 1 && n <= pageCount).sort((a, b) => a - b);
  const links: Array<number | null> = [];
  for (const n of shown) {
    if (links.length && n - (links[links.length - 1] as number) > 1) links.push(null);
    links.push(n);
  }
  return links;
}

/** The places of the user's scope that can be given to an editor (not archived), by commune then name: the invitation form's list. */
export async function placesToAssign(user: SessionUser, limit = 2000, client: PrismaClient = db) {
  return client.place.findMany({
    where: { ...placeScopeWhere(user), status: { not: 'ARCHIVED' } },
    orderBy: [{ commune: 'asc' }, { name: 'asc' }],
    select: { id: true, name: true, commune: true },
    take: limit,
  });
}
