// HTTP for the ateliers' public routes: rendering a page of components/ateliers into a response
// with the request's CSP nonce, cache headers, and the French error page when it fails. `build`
// gets the page's language (lib/i18n, from the proxy's header); a spec with its `path` (unprefixed,
// with the query) has the language switch and hreflang alternates.
import type { ReactElement } from 'react';
import { PublicDocument } from '@/components/layout/PublicDocument';
import { unavailablePageResponse } from '@/app/unavailable-response';
import { requestLocale, translator, type Translator } from '@/lib/i18n';
import { htmlResponse, renderDocument } from '@/lib/render/html';
import { isSignedIn, PUBLIC_PAGE_CACHE } from '@/lib/security/cache-control';

export type PageSpec = {
  title: string;
  description: string;
  robots?: string;
  canonical?: string;
  status?: number;
  cache?: boolean;
  path?: string;
  body: ReactElement;
};

/** Public pages may be kept a minute by a shared cache; never for a signed-in person, never a POST's answer. */
export function cacheHeader(request: Request, cache = true): string {
  if (!cache || request.method !== 'GET' || isSignedIn(request.headers.get('cookie'))) return 'private, no-store';
  return PUBLIC_PAGE_CACHE;
}

export async function page(request: Request, build: (t: Translator) => Promise<PageSpec | Response>): Promise<Response> {
  const nonce = request.headers.get('x-nonce') ?? '';
  const t = translator(requestLocale(request.headers));
  try {
    const spec = await build(t);
    if (spec instanceof Response) return spec;
    const html = renderDocument(
      <PublicDocument
        title={spec.title}
        description={spec.description}
        robots={spec.robots}
        canonical={spec.canonical}
        nonce={nonce}
        scripts={['site.js']}
        t={t}
        path={spec.path}
      >
        {spec.body}
      </PublicDocument>,
    );
    return htmlResponse(request.method === 'HEAD' ? '' : html, { status: spec.status ?? 200, headers: { 'Cache-Control': cacheHeader(request, spec.cache) } });
  } catch (error) {
    return unavailablePageResponse(request, new URL(request.url), error);
  }
}
