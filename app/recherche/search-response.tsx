// The HTTP side of /recherche and /embed: the page cache and its Cache-Control (lib/render,
// lib/security), the data (lib/search/page), the view (components/search/SearchPage), and the
// French error page when the page cannot be built. The rate limit is applied before, by the proxy.
import { unavailablePageResponse } from '@/app/unavailable-response';
import { searchTally } from '@/lib/demand';
import { EmbedSearchPage, SearchPage } from '@/components/search/SearchPage';
import { requestLocale, translator, type Locale } from '@/lib/i18n';
import { renderDocument } from '@/lib/render/html';
import { answerResponse, pageAnswer, type PageAnswer } from '@/lib/render/public-page';
import { pageCacheControl } from '@/lib/security/cache-control';
import { loadEmbedSearch, loadSearch, queryParams } from '@/lib/search/page';

export type SearchPageKind = 'recherche' | 'embed';

/** The page, and for /recherche the function counting each answer as unmet demand's aggregate (lib/demand; never the embed: a network's scope). */
async function render(
  kind: SearchPageKind,
  url: URL,
  nonce: string,
  locale: Locale,
): Promise<{ html: string; tally?: (headers: Pick<Headers, 'get'>) => Promise<void> }> {
  const params = queryParams(url);
  if (kind === 'embed') {
    const { data, network } = await loadEmbedSearch(params);
    return { html: renderDocument(<EmbedSearchPage data={data} network={network} nonce={nonce} t={translator(locale)} />) };
  }
  const data = await loadSearch(params);
  const html = renderDocument(<SearchPage data={data} nonce={nonce} t={translator(locale)} path={`/recherche${url.search}`} />);
  return { html, tally: searchTally(data.filters, data.response) ?? undefined };
}

export async function searchPageResponse(request: Request, kind: SearchPageKind): Promise<Response> {
  const answer = await searchPageAnswer(request, kind);
  return answer instanceof Response ? answer : answerResponse(answer);
}

/** The page as lib/render/fast-hit.ts sends it before Next.js (a Response only for the error page). */
export async function searchPageAnswer(request: Request, kind: SearchPageKind): Promise<PageAnswer | Response> {
  const url = new URL(request.url);
  // The language the proxy read from the path's prefix (/ar/recherche, /ar/embed?reseau=…), part of the page cache's key.
  const locale = requestLocale(request.headers);
  try {
    return await pageAnswer(request, async (nonce) => {
      const cacheControl = pageCacheControl({ method: request.method, pathname: url.pathname, cookie: request.headers.get('cookie') });
      const { html, tally } = await render(kind, url, nonce, locale);
      return { status: 200, html, tally, headers: cacheControl ? { 'Cache-Control': cacheControl } : undefined };
    });
  } catch (error) {
    return unavailablePageResponse(request, url, error);
  }
}
