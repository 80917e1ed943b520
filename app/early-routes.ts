// The public pages the Node.js server renders before Next.js routes the request (lib/render/fast-hit.ts,
// installed by instrumentation.ts): the search and the place page, the pages most asked for, with
// their own route handlers — the same code, statuses and headers, without Next.js's routing, the
// proxy's web streams and the route's wrappers (about 3 ms of CPU a request). Only for a GET that the
// page cache could answer (not signed in, no test clock); a place's address only when written
// plainly (a slug that needs no decoding), the rest goes through Next.js as before.
import type { EarlyRoute } from '@/lib/render/fast-hit';
import { GET as placePage } from './lieux/[slug]/route';
import { searchPageAnswer } from './recherche/search-response';

const PLAIN_PLACE = /^\/lieux\/([a-z0-9-]+)$/;

export const earlyRoute: EarlyRoute = (path) => {
  if (path === '/recherche') return (request) => searchPageAnswer(request, 'recherche');
  const slug = PLAIN_PLACE.exec(path)?.[1];
  if (slug) return (request) => placePage(request, { params: Promise.resolve({ slug }) });
  return null;
};
