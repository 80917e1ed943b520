// The HTTP side of the French error page of the public pages rendered by lib/render (/recherche,
// /embed, /lieux/<slug>, the ateliers): when a page cannot be built (most often: the database is
// unreachable), the failure is logged with the request id (never the query) and the page answers
// 503, never kept by a cache. The view is components/layout/UnavailablePage.tsx; route handlers
// that answer JSON use lib/observability/unavailable.ts instead.
import { UnavailablePage } from '@/components/layout/UnavailablePage';
import { forRequest } from '@/lib/observability/logger';
import { htmlResponse, renderDocument } from '@/lib/render/html';

/** Logs the failure and answers the error page, 503, `no-store`, with a retry hint. */
export function unavailablePageResponse(request: Request, url: URL, error: unknown): Response {
  const requestId = request.headers.get('x-request-id');
  forRequest(requestId).error({ err: error, method: request.method, path: url.pathname }, 'page render failed');
  const page = <UnavailablePage url={url} nonce={request.headers.get('x-nonce') ?? ''} requestId={requestId} />;
  return htmlResponse(renderDocument(page), { status: 503, headers: { 'Cache-Control': 'no-store', 'Retry-After': '10' } });
}
