// For the proxy: a place closed for good more than a year ago answers 410 Gone (its page still
// shows a short note and a search around its commune), and an old slug answers 301 to the new
// one. Next.js pages can set neither status themselves (permanentRedirect() gives 308), so the
// proxy does it before the page renders; the page keeps its own 308 as a fallback.
import 'server-only';
import type { NextRequest } from 'next/server';
import { placeRoute } from './page';

const PLACE_PATH = /^\/lieux\/([^/]+)\/?$/;

/** What the proxy should answer for a place page request, or null to let the page answer. */
export async function placeRequestRoute(request: NextRequest): Promise<{ gone: true } | { redirect: string } | null> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  const match = PLACE_PATH.exec(request.nextUrl.pathname);
  if (!match) return null;
  let slug: string;
  try {
    slug = decodeURIComponent(match[1]);
  } catch {
    return null;
  }
  try {
    return await placeRoute(slug, requestNow(request));
  } catch {
    // Database unreachable: let the page answer (it shows its own error).
    return null;
  }
}

// End-to-end tests freeze "now" (E2E=1 only, never in production), like the page does.
function requestNow(request: NextRequest): Date {
  if (process.env.E2E !== '1') return new Date();
  const frozen = request.nextUrl.searchParams.get('maintenant') ?? request.cookies.get('x-reperes-now')?.value;
  return frozen && !Number.isNaN(Date.parse(frozen)) ? new Date(frozen) : new Date();
}
