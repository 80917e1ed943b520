// /reseaux/<slug>: a network's page and its places (the search, scoped to the network), rendered
// to plain HTML (app/light-page.tsx); 404 for an unknown network.
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
  return lightPageResponse(request, async (url) => {
    const found = await networkBySlug(slug);
    if (!found) return notFoundPage('Réseau introuvable', 'Aucun réseau ne porte ce nom dans Repères.');
    const [counts, data] = await Promise.all([networkPlaceFigures(found.id), loadSearch(queryParams(url), { reseau: found.slug })]);
    return {
      title: `Réseau ${found.name}`,
      description: found.description ?? `Les lieux d’aide au numérique du réseau ${found.name}.`,
      body: createElement(NetworkView, { found, counts, origin: publicUrl(), data }),
    };
  });
}
