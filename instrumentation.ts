// Every server error (page render, route handler, server action) is logged once as a JSON line
// with the request id the proxy gave the request, the route and the error digest shown to the
// person on the error page — never the query string, the body or the client's address.
import type { Instrumentation } from 'next';

// The Node.js server records each request's TCP peer for the per-address rate limits: route
// handlers get no socket from Next.js (lib/security/client-address.ts). It answers fresh cached
// pages itself, before Next.js, and renders the search and place pages there (lib/render/fast-hit.ts,
// app/early-routes.ts): installed first, so that the peer's recorder, installed around it, has
// written the peer when it counts a search.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // Production only: `next dev` keeps no page cache, and reloads the route handlers it renders.
  if (process.env.NODE_ENV === 'production') {
    const { installFastHits } = await import('./lib/render/fast-hit');
    const { earlyRoute } = await import('./app/early-routes');
    installFastHits(undefined, earlyRoute);
  }
  const { recordPeerAddresses } = await import('./lib/security/client-address');
  recordPeerAddresses();
}

export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME === 'edge') return;
  const { logger, pathOnly } = await import('./lib/observability/logger');
  const header = request.headers['x-request-id'];
  const digest = typeof error === 'object' && error !== null && 'digest' in error ? String((error as { digest: unknown }).digest) : undefined;
  logger.error(
    {
      requestId: Array.isArray(header) ? header[0] : header,
      method: request.method,
      path: pathOnly(request.path),
      route: context.routePath,
      routeType: context.routeType,
      digest,
      err: error,
    },
    'request failed',
  );
};
