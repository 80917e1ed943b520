import 'server-only';
// GET /api/v1/ateliers: the coming sessions of published places' ateliers, filtered like
// /ateliers (lib/export/ateliers.ts), by pages with an opaque cursor « apres » (start, id), in
// JSON or CSV; CORS, ETag (the page's hash: seats left and cancellations change it) and the
// places API's per-address rate limit.
import { CACHE, CORS, problem, rateLimited } from './api';
import { atelierCsvHeader, atelierCsvLine, decodeCursor, encodeCursor, etagOf, sessionConditions, sessionRecords } from './ateliers';

export async function listSessions(request: Request, now = new Date()): Promise<Response> {
  const limited = await rateLimited(request);
  if (limited) return limited;
  const url = new URL(request.url);
  const params = url.searchParams;
  const format = params.get('format') ?? 'json';
  if (!['json', 'csv'].includes(format)) return problem(400, 'Format inconnu : utilisez json ou csv.');
  const limitText = params.get('limite');
  const limit = limitText === null ? 100 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) return problem(400, '« limite » doit être un entier de 1 à 500.');
  const cursorText = params.get('apres');
  const after = cursorText ? decodeCursor(cursorText) : null;
  if (cursorText && !after) return problem(400, 'Curseur « apres » invalide.');
  const query = await sessionConditions(url, now);
  if ('error' in query) return problem(400, query.error);

  const records = await sessionRecords(query.where, { after, limit: limit + 1 });
  const page = records.slice(0, limit);
  let next: string | null = null;
  const headers: Record<string, string> = { ...CORS, 'Cache-Control': CACHE };
  if (records.length > limit) {
    const last = page[page.length - 1];
    const nextUrl = new URL(url);
    nextUrl.searchParams.set('apres', encodeCursor({ startsAt: new Date(String(last.debut)), id: String(last.id_seance) }));
    next = nextUrl.pathname + nextUrl.search;
    headers.Link = `<${next}>; rel="next"`;
  }
  const body =
    format === 'csv'
      ? atelierCsvHeader() + page.map(atelierCsvLine).join('')
      : JSON.stringify({ seances: page, suivant: next, avertissements: query.problems });
  headers.ETag = etagOf(body);
  headers['Content-Type'] = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json';
  if (request.headers.get('if-none-match') === headers.ETag) return new Response(null, { status: 304, headers });
  return new Response(body, { headers });
}
