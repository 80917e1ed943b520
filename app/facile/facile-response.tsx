// The HTTP side of the easy-to-read pages (/facile, /facile/recherche, /facile/lieux/<slug>):
// through the page cache (their keys are their own paths, lib/render/public-page.ts pageKey) with
// the public pages' Cache-Control, and the French error page when a page cannot be built. The
// pages load no script. The search reads only a town, one need, the radius and the page
// (lib/facile/present facileParams), through the standard page's loader (lib/search/page), ten
// places a page; a place answers the same statuses as /lieux/<slug> (lib/places/page): 301 from
// an old slug, 404 for a draft or an unknown slug, 410 for a place closed for good over a year ago.
import { unavailablePageResponse } from '@/app/unavailable-response';
import { FacileNoPlacePage, FacilePlacePage } from '@/components/facile/FacilePlace';
import { FacileHomePage, FacileSearchPage } from '@/components/facile/FacileSearch';
import { publicUrl } from '@/lib/config/env';
import { facileParams, facilePlace, facileSearch, facileSearchHref, noTownSearch } from '@/lib/facile/present';
import { placePageNow } from '@/lib/places/now';
import { resolvePlacePage } from '@/lib/places/page';
import { renderDocument } from '@/lib/render/html';
import { servePage, type RenderedPage } from '@/lib/render/public-page';
import { pageCacheControl } from '@/lib/security/cache-control';
import { loadSearch } from '@/lib/search/page';

const FACILE_PAGE_SIZE = 10;

async function facileResponse(request: Request, render: (url: URL, nonce: string) => Promise<RenderedPage>): Promise<Response> {
  const url = new URL(request.url);
  try {
    return await servePage(request, async (nonce) => {
      const page = await render(url, nonce);
      const cacheControl =
        page.status === 200 ? pageCacheControl({ method: request.method, pathname: url.pathname, cookie: request.headers.get('cookie') }) : 'no-store';
      return { ...page, headers: { ...(cacheControl ? { 'Cache-Control': cacheControl } : {}), ...page.headers } };
    });
  } catch (error) {
    return unavailablePageResponse(request, url, error);
  }
}

/** /facile */
export function facileHomeResponse(request: Request): Promise<Response> {
  return facileResponse(request, async (url, nonce) => ({
    status: 200,
    html: renderDocument(<FacileHomePage town={facileParams(url).ou ?? ''} nonce={nonce} />),
  }));
}

/** /facile/recherche */
export function facileSearchResponse(request: Request): Promise<Response> {
  return facileResponse(request, async (url, nonce) => {
    const params = facileParams(url);
    // End-to-end tests freeze "now" (only when the server runs with E2E=1, lib/search/now).
    const maintenant = url.searchParams.get('maintenant') ?? undefined;
    const search = params.ou ? facileSearch(await loadSearch({ ...params, maintenant }, undefined, { pageSize: FACILE_PAGE_SIZE })) : noTownSearch();
    const full = facileSearchHref({ ou: params.ou, besoin: params.besoin, rayon: params.rayon }, {}, '/recherche');
    const page = <FacileSearchPage search={search} nonce={nonce} full={full} href={(changes) => facileSearchHref(params, changes)} />;
    return { status: 200, html: renderDocument(page) };
  });
}

function decodeSlug(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return '';
  }
}

/** /facile/lieux/<slug> */
export function facilePlaceResponse(request: Request, rawSlug: string): Promise<Response> {
  const slug = decodeSlug(rawSlug);
  return facileResponse(request, async (url, nonce) => {
    const now = placePageNow(request);
    const page = await resolvePlacePage(slug, now);
    switch (page.kind) {
      case 'redirect':
        return { status: 301, html: '', headers: { Location: `/facile/lieux/${encodeURIComponent(page.slug)}${url.search}` } };
      case 'published': {
        const view = <FacilePlacePage place={facilePlace(page.place, now)} nonce={nonce} canonical={`${publicUrl()}/facile/lieux/${page.place.slug}`} />;
        return { status: 200, html: renderDocument(view) };
      }
      case 'closed':
        return { status: 200, html: renderDocument(<FacileNoPlacePage kind="closed" name={page.place.name} nearby={page.nearby} nonce={nonce} />) };
      case 'gone':
        return { status: 410, html: renderDocument(<FacileNoPlacePage kind="closed" name={page.name} nearby={[]} nonce={nonce} />) };
      case 'not-found':
        return { status: 404, html: renderDocument(<FacileNoPlacePage kind="not-found" name={null} nearby={[]} nonce={nonce} />) };
    }
  });
}
