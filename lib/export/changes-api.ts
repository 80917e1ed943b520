// GET /api/v1/changements?depuis=<curseur>: the change feed over HTTP, with the API's
// conventions (CORS, ETag, rate limit, French problem+json with a machine-readable code). A
// cursor that was not made here, is older than the feed keeps, or was given before a restore reset
// the feed (lib/export/feed-reset.ts), is refused with the way to resynchronise: read the export
// again, then follow from the cursor it gives.
import 'server-only';
import { createHash } from 'node:crypto';
import { db } from '@/lib/db';
import { rawPrimaryDb } from '@/lib/db/rows';
import { CORS, rateLimited } from './api';
import { CURSOR_HEADER, encodeCursor, feedState, judgeCursor, prunedPast, readChanges, resetDetail, RESYNC } from './changes';

export const CHANGES_PAGE = { default: 500, max: 1000 };

type Code = 'curseur_manquant' | 'curseur_invalide' | 'curseur_expire' | 'curseur_reinitialise' | 'limite_invalide';

function refusal(status: number, code: Code, detail: string): Response {
  return Response.json(
    { status, code, detail, resynchronisation: code === 'limite_invalide' ? undefined : RESYNC },
    { status, headers: { ...CORS, 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store' } },
  );
}

export async function listChanges(request: Request): Promise<Response> {
  const limited = await rateLimited(request);
  if (limited) return limited;
  const url = new URL(request.url);
  const params = url.searchParams;
  const rawLimit = params.get('limite');
  const limit = rawLimit === null ? CHANGES_PAGE.default : Number(rawLimit);
  if (!Number.isInteger(limit) || limit < 1 || limit > CHANGES_PAGE.max)
    return refusal(400, 'limite_invalide', `« limite » doit être un nombre entier de 1 à ${CHANGES_PAGE.max}.`);
  const cursor = params.get('depuis');
  if (!cursor) return refusal(400, 'curseur_manquant', 'Paramètre « depuis » manquant : commencez par l’export, qui donne le curseur à suivre.');
  // The feed reads the primary: the oldest running transaction is the primary's. Its state (key,
  // retired keys, pruning horizon) is read on every request: a restore may have just reset it.
  const state = await feedState(db);
  const verdict = judgeCursor(state, cursor);
  if ('refused' in verdict) {
    if (verdict.refused === 'reset') return refusal(410, 'curseur_reinitialise', resetDetail(state.resetAt));
    return refusal(400, 'curseur_invalide', 'Ce curseur n’a pas été donné par Repères (modifié, tronqué ou inventé).');
  }
  const { position } = verdict;
  if (prunedPast(state, position))
    return refusal(410, 'curseur_expire', 'Ce curseur est trop ancien : les changements qui le suivaient ne sont plus conservés.');

  const { changes, next, held } = await readChanges(rawPrimaryDb, position, limit);
  const following = encodeCursor(state.key, next);
  const nextUrl = new URL(url);
  nextUrl.searchParams.set('depuis', following);
  const suivant = nextUrl.pathname + nextUrl.search;
  const body = JSON.stringify({ changements: changes, curseur: following, suivant, a_jour: changes.length < limit && !held });
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  const headers: Record<string, string> = { ...CORS, ETag: etag, 'Cache-Control': 'no-cache', 'Content-Type': 'application/json', [CURSOR_HEADER]: following };
  if (changes.length === limit) headers.Link = `<${suivant}>; rel="next"`;
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  return new Response(body, { headers });
}
