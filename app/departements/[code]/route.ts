// /departements/<code>: a département's places by commune, rendered to plain HTML
// (app/light-page.tsx); 404 for an unknown code.
import { createElement } from 'react';
import { lightPageResponse, notFoundPage } from '@/app/light-page';
import { DepartementView } from '@/components/places/AreaPages';
import type { DirectoryGroup } from '@/components/search/Directory';
import { publicUrl } from '@/lib/config/env';
import { departementByCode } from '@/lib/coverage/params';
import { communeByCode } from '@/lib/geo';
import { slugify } from '@/lib/geo/fold';
import { departementPlaces } from '@/lib/places/list';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ code: string }> };

export async function GET(request: Request, { params }: Context) {
  const { code } = await params;
  return lightPageResponse(request, async () => {
    const dep = departementByCode(code.toUpperCase());
    if (!dep) return notFoundPage('Département inconnu', 'Aucun département ne porte ce code.');
    const places = await departementPlaces(dep.code);
    const byCommune = new Map<string, DirectoryGroup>();
    for (const place of places) {
      const commune = place.inseeCode ? communeByCode(place.inseeCode) : undefined;
      const key = commune?.code ?? place.commune;
      const entry = byCommune.get(key) ?? {
        label: commune?.name ?? place.commune,
        href: commune ? `/communes/${commune.code}-${slugify(commune.name)}` : null,
        places: [],
      };
      entry.places.push(place);
      byCommune.set(key, entry);
    }
    return {
      title: `Aide au numérique en ${dep.nom} (${dep.code})`,
      description: `Les lieux de médiation numérique du département ${dep.nom} : France Services, espaces publics numériques, médiathèques, centres sociaux, par commune.`,
      canonical: `${publicUrl()}/departements/${dep.code}`,
      body: createElement(DepartementView, { dep, count: places.length, groups: [...byCommune.values()] }),
    };
  });
}
