// The HTTP side of the public pages rendered to plain HTML without Next.js's client runtime
// (issue #20, "light on every page"): a page's view in PublicDocument, served through the page
// cache with the request's CSP nonce (lib/render/public-page.ts), its Cache-Control
// (lib/security/cache-control.ts, also for the proxy's cached answers: SELF_APPLIED), and the
// French error page when it cannot be built. /recherche, /embed and /lieux/<slug> have their own
// (their statuses and forms); the other public pages use this one. `build` gets the page's
// language (lib/i18n: the proxy's header); a page that gives its `path` has the language switch.
import type { ReactElement } from 'react';
import { unavailablePageResponse } from '@/app/unavailable-response';
import { NotFoundContent } from '@/components/layout/NotFoundContent';
import { PublicDocument } from '@/components/layout/PublicDocument';
import { requestLocale, translator, type Translator } from '@/lib/i18n';
import type { AssetName } from '@/lib/render/assets';
import { renderDocument } from '@/lib/render/html';
import { servePage } from '@/lib/render/public-page';
import { pageCacheControl } from '@/lib/security/cache-control';

export type LightPage = {
  title: string;
  description: string;
  robots?: string;
  canonical?: string;
  /** 200 unless said: a 404 is answered with its page, never kept by a shared cache. */
  status?: number;
  /** The page's script: site.js (suggestions, selection, map) unless said. */
  scripts?: AssetName[];
  body: ReactElement;
  /** The page's language when it differs from the request's (lib/i18n; the request's when absent)… */
  t?: Translator;
  /** …and its unprefixed path and query, when the page is translated: the language switch and the hreflang alternates. */
  path?: string;
};

/** A 404 page in the site's words (in the language of `t`), with a way back. */
export function notFoundPage(title: string, message: string, t: Translator = translator()): LightPage {
  return {
    title,
    description: message,
    robots: 'noindex',
    status: 404,
    body: <NotFoundContent title={title} message={message} t={t} />,
  };
}

/** Answers the page `build` makes for this request (GET or HEAD: the server sends no body to a HEAD). */
export async function lightPageResponse(request: Request, build: (url: URL, t: Translator) => Promise<LightPage>): Promise<Response> {
  const url = new URL(request.url);
  const t = translator(requestLocale(request.headers));
  try {
    return await servePage(request, async (nonce) => {
      const page = await build(url, t);
      const status = page.status ?? 200;
      const cacheControl = status === 200 ? pageCacheControl({ method: 'GET', pathname: url.pathname, cookie: request.headers.get('cookie') }) : 'no-store';
      const html = renderDocument(
        <PublicDocument
          title={page.title}
          description={page.description}
          robots={page.robots}
          canonical={page.canonical}
          nonce={nonce}
          scripts={page.scripts ?? ['site.js']}
          t={page.t ?? t}
          path={page.path}
        >
          {page.body}
        </PublicDocument>,
      );
      return { status, html, headers: cacheControl ? { 'Cache-Control': cacheControl } : undefined };
    });
  } catch (error) {
    return unavailablePageResponse(request, url, error);
  }
}
