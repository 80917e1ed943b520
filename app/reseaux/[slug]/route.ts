// /reseaux/<slug>: a network's page and its places (the search, scoped to the network), rendered
// to plain HTML (app/light-page.tsx) in every language; 404 for an unknown network.
import { createElement } from 'react';
import { lightPageResponse, notFoundPage } from '@/app/light-page';
import { NetworkView } from '@/components/networks/NetworkViews';
import { publicUrl } from '@/lib/config/env';
import { networkBySlug, networkPlaceFigures } from '@/lib/networks/public';
import { loadSearch, queryParams } from '@/lib/search/page';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ slug: string }> };

export async function GET(request: Request, { params }: Context) {
  const { slug } = await params;
  return lightPageResponse(request, async (url, t) => {
    const found = await networkBySlug(slug);
    if (!found) return notFoundPage(t('network.notFoundTitle'), t('network.notFoundText'), t);
    const [counts, data] = await Promise.all([networkPlaceFigures(found.id), loadSearch(queryParams(url), { reseau: found.slug })]);
    return {
      title: t('network.title', { name: found.name }),
      // The network's own description is French: the page's description in its language.
      description: t.locale === 'fr' && found.description ? found.description : t('network.description', { name: found.name }),
      path: `/reseaux/${found.slug}${url.search}`,
      body: createElement(NetworkView, { found, counts, origin: publicUrl(), data, t }),
    };
  });
}
