// /communes/<code-nom>: help around a commune (the search, centred on it), rendered to plain HTML
// (app/light-page.tsx); 404 for an unknown commune.
import { createElement } from 'react';
import { lightPageResponse, notFoundPage } from '@/app/light-page';
import { CommuneView } from '@/components/places/AreaPages';
import { publicUrl } from '@/lib/config/env';
import { communeBySlug } from '@/lib/geo/communes';
import { loadSearch, queryParams } from '@/lib/search/page';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ slug: string }> };

export async function GET(request: Request, { params }: Context) {
  const { slug } = await params;
  return lightPageResponse(request, async (url) => {
    const commune = communeBySlug(slug);
    if (!commune) return notFoundPage('Commune inconnue', 'Aucune commune ne correspond à cette adresse.');
    const data = await loadSearch(queryParams(url), { ou: `${commune.name} ${commune.postcodes[0] ?? ''}`.trim() });
    return {
      title: `Aide au numérique à ${commune.name} (${commune.postcodes[0] ?? commune.departement})`,
      description: `Où se faire aider pour le numérique à ${commune.name} et autour : démarches en ligne, ordinateur, internet, souvent gratuitement.`,
      canonical: `${publicUrl()}/communes/${commune.slug}`,
      body: createElement(CommuneView, { commune, data }),
    };
  });
}
