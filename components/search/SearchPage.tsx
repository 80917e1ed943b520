// /recherche and /embed: the residents' search, rendered to HTML on the server without Next.js's
// client runtime (see lib/render) — the list, the filters and the links work without JavaScript,
// and one small script (components/islands/search.ts) adds suggestions, "Autour de moi", the
// selection and the map. The whole state is in the URL.
import { PublicDocument } from '@/components/layout/PublicDocument';
import { unavailableResponse } from '@/components/layout/UnavailablePage';
import { readDb } from '@/lib/db';
import { withDe } from '@/lib/geo/french';
import { renderDocument } from '@/lib/render/html';
import { servePage } from '@/lib/render/public-page';
import { pageCacheControl } from '@/lib/security/cache-control';
import { parseSearchParams } from '@/lib/search/filters';
import { loadSearch, SearchResults, type SearchParams } from './SearchView';
import { plainWidgets } from './widgets';

const DESCRIPTION = 'Les lieux où se faire aider pour le numérique près de chez vous : démarches en ligne, ordinateur, internet, souvent gratuitement.';

export type SearchPageKind = 'recherche' | 'embed';

/** The URL's query as the search reads it: repeated names (besoin=…&besoin=…) become lists. */
export function queryParams(url: URL): SearchParams {
  const params: SearchParams = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    params[key] = values.length > 1 ? values : values[0];
  }
  return params;
}

async function renderSearch(kind: SearchPageKind, params: SearchParams, nonce: string): Promise<string> {
  if (kind === 'embed') {
    const slug = parseSearchParams(params).filters.reseau;
    const network = slug ? await readDb.network.findUnique({ where: { slug }, select: { slug: true, name: true, color: true } }) : null;
    const data = await loadSearch(params, network ? { reseau: network.slug } : undefined);
    const heading = network ? `Les lieux du réseau ${network.name}` : undefined;
    return renderDocument(
      <PublicDocument title={heading ?? 'Lieux d’aide au numérique'} description={DESCRIPTION} robots="noindex, follow" nonce={nonce} scripts={['site.js']} chrome={false}>
        <div className="embed-root" style={network?.color ? { borderTop: `4px solid ${network.color}` } : undefined}>
          <SearchResults data={data} basePath="/embed" widgets={plainWidgets()} heading={heading} linkTarget="_top" />
          <p className="embed-credit container">
            Annuaire fourni par{' '}
            <a href="/" target="_blank" rel="noopener">
              Repères
            </a>
            , l’annuaire ouvert des lieux d’aide au numérique (données sous Licence Ouverte).
          </p>
        </div>
      </PublicDocument>,
    );
  }
  const data = await loadSearch(params);
  const origin = data.response.origin;
  const title = origin && !origin.fromPosition ? `Aide au numérique près ${withDe(origin.label, origin.typeLiaison)}` : data.filters.ou ? `Aide au numérique près de « ${data.filters.ou} »` : 'Trouver un lieu d’aide au numérique';
  return renderDocument(
    <PublicDocument title={title} description={DESCRIPTION} robots="noindex, follow" nonce={nonce} scripts={['site.js']}>
      <SearchResults data={data} basePath="/recherche" widgets={plainWidgets({ selection: true })} />
    </PublicDocument>,
  );
}

export async function searchPageResponse(request: Request, kind: SearchPageKind): Promise<Response> {
  const url = new URL(request.url);
  try {
    return await servePage(request, async (nonce) => {
      const cacheControl = pageCacheControl({ method: request.method, pathname: url.pathname, cookie: request.headers.get('cookie') });
      return { status: 200, html: await renderSearch(kind, queryParams(url), nonce), headers: cacheControl ? { 'Cache-Control': cacheControl } : undefined };
    });
  } catch (error) {
    return unavailableResponse(request, url, error);
  }
}
