// The public read API: the same filters as the search (lists, network, name, radius), cursor
// pagination by id, JSON / CSV / GeoJSON, CORS, ETag and a per-IP rate limit.
import 'server-only';
import { createHash } from 'node:crypto';
import { Prisma } from '@prisma/client';
import { db, readDb } from '@/lib/db';
import { conditions } from '@/lib/search';
import { parseSearchParams } from '@/lib/search/filters';
import { clientIp, hit } from '@/lib/security/rate-limit';
import { changedSinceSql, CURSOR_HEADER, presentCursor } from './changes';
import { csvHeader, csvLine, exportStream, geoJsonFeature, jsonRecord, standardRecords } from './standard';

export const API_RATE = { limit: 120, windowSeconds: 60 };
export const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, OPTIONS',
  'Access-Control-Allow-Headers': 'If-None-Match',
  'Access-Control-Expose-Headers': 'ETag, Link, X-Curseur-Changements',
};
export const CACHE = 'public, max-age=300, stale-while-revalidate=3600';

export function corsPreflight() {
  return new Response(null, { status: 204, headers: { ...CORS, 'Access-Control-Max-Age': '86400' } });
}

export function problem(status: number, detail: string, extra: Record<string, string> = {}) {
  return Response.json({ status, detail }, { status, headers: { ...CORS, 'Content-Type': 'application/problem+json', ...extra } });
}

/** Extra SQL conditions from the URL: the search's list filters, plus a radius around lat/lng. */
export function filterSql(params: URLSearchParams): { where: Prisma.Sql; problems: string[] } {
  const { filters, problems } = parseSearchParams(params);
  // Fictional demonstration places never leave through the API or the files (see standardRecords).
  const parts = [...conditions(filters), Prisma.sql`NOT p.demo`];
  if (filters.lat !== null && filters.lng !== null) {
    const point = Prisma.sql`reperes_earth(${filters.lat}::float8, ${filters.lng}::float8)`;
    parts.push(
      Prisma.sql`p.latitude IS NOT NULL AND earth_box(${point}, ${filters.rayon * 1000}::float8) @> reperes_earth(p.latitude, p.longitude) AND earth_distance(${point}, reperes_earth(p.latitude, p.longitude)) <= ${filters.rayon * 1000}::float8`,
    );
  }
  if (filters.ouvert || filters.creneau.length) problems.push('Les filtres d’ouverture ne sont pas pris en charge par l’API : ils ont été ignorés.');
  return { where: Prisma.join(parts, ' AND '), problems };
}

export async function rateLimited(request: Request): Promise<Response | null> {
  const limit = await hit(`api:${clientIp(request.headers)}`, API_RATE);
  if (limit.ok) return null;
  return problem(429, 'Trop de requêtes : réessayez dans un instant.', { 'Retry-After': String(limit.retryAfterSeconds) });
}

async function latestChange(where: Prisma.Sql) {
  const [row] = await readDb.$queryRaw<
    Array<{ count: bigint; latest: Date | null }>
  >`SELECT count(*) AS count, max(p."updatedAt") AS latest FROM "Place" p WHERE ${where}`;
  return row;
}

export async function listPlaces(request: Request): Promise<Response> {
  const limited = await rateLimited(request);
  if (limited) return limited;
  const url = new URL(request.url);
  const params = url.searchParams;
  const format = params.get('format') ?? 'json';
  if (!['json', 'csv', 'geojson'].includes(format)) return problem(400, 'Format inconnu : utilisez json, csv ou geojson.');
  const filtered = filterSql(params);
  const { problems } = filtered;
  let { where } = filtered;
  const since = params.get('modifie_depuis');
  if (since !== null) {
    const date = sinceDate(since);
    if (!date) return problem(400, '« modifie_depuis » doit être une date (AAAA-MM-JJ) ou un instant ISO 8601 (2026-12-06T09:00:00Z).');
    where = Prisma.sql`${where} AND ${changedSinceSql(date)}`;
  }
  const limit = Math.min(1000, Math.max(1, Number(params.get('limite') ?? 100) || 100));
  const cursor = params.get('apres');
  if (cursor && !/^[0-9a-f-]{36}$/i.test(cursor)) return problem(400, 'Curseur « apres » invalide.');

  // The feed's position before the read: following /api/v1/changements from it misses nothing of what comes after.
  const feedCursor = await presentCursor(db);
  const state = await latestChange(where);
  const etag = `"${createHash('sha1')
    .update(`${url.search}|${state.count}|${state.latest?.toISOString() ?? ''}`)
    .digest('base64url')}"`;
  const headers: Record<string, string> = { ...CORS, ETag: etag, 'Cache-Control': CACHE };
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  headers[CURSOR_HEADER] = feedCursor;

  // The whole selection as a file when asked for CSV or GeoJSON without a page size.
  if (format !== 'json' && !params.has('limite') && !cursor) {
    const type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/geo+json';
    return new Response(exportStream(readDb, format as 'csv' | 'geojson', where), { headers: { ...headers, 'Content-Type': type } });
  }

  const records = [];
  for await (const record of standardRecords(readDb, { where, after: cursor, limit: limit + 1, batchSize: limit + 1 })) records.push(record);
  const hasMore = records.length > limit;
  const page = records.slice(0, limit);
  let next: string | null = null;
  if (hasMore) {
    const nextUrl = new URL(url);
    nextUrl.searchParams.set('apres', String(page[page.length - 1].id));
    next = nextUrl.pathname + nextUrl.search;
    headers.Link = `<${next}>; rel="next"`;
  }
  if (format === 'csv') return new Response(csvHeader() + page.map(csvLine).join(''), { headers: { ...headers, 'Content-Type': 'text/csv; charset=utf-8' } });
  if (format === 'geojson') {
    return Response.json(
      { type: 'FeatureCollection', features: page.map(geoJsonFeature), suivant: next },
      { headers: { ...headers, 'Content-Type': 'application/geo+json' } },
    );
  }
  return Response.json({ total: Number(state.count), lieux: page.map(jsonRecord), suivant: next, avertissements: problems }, { headers });
}

/** A date (midnight UTC) or an ISO 8601 instant; null for anything else. */
export function sinceDate(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/.test(text)) return null;
  const date = new Date(text.length === 10 ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 2000) return null;
  return text.length === 10 && date.toISOString().slice(0, 10) !== text ? null : date;
}

export async function onePlace(request: Request, id: string): Promise<Response> {
  const limited = await rateLimited(request);
  if (limited) return limited;
  if (!/^[0-9a-f-]{36}$/i.test(id)) return problem(404, 'Lieu introuvable.');
  const [record] = await (async () => {
    const out = [];
    for await (const r of standardRecords(readDb, { where: Prisma.sql`p.id = ${id}::uuid`, limit: 1 })) out.push(r);
    return out;
  })();
  if (!record) return problem(404, 'Lieu introuvable.');
  const body = JSON.stringify(jsonRecord(record));
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  const headers = { ...CORS, ETag: etag, 'Cache-Control': CACHE, 'Content-Type': 'application/json' };
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  return new Response(body, { headers });
}
