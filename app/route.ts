// The home page (/), rendered to plain HTML (app/light-page.tsx): no client runtime.
import { HomeView } from '@/components/home/HomeView';
import { env } from '@/lib/config/env';
import { departementByCode } from '@/lib/geo/departements';
import { countPublishedByDepartement, countPublishedPlaces, listPublishedPlaces } from '@/lib/places/list';
import { createElement } from 'react';
import { lightPageResponse } from './light-page';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return lightPageResponse(request, async () => {
    const home = departementByCode(env().HOME_DEPARTEMENT);
    const [places, total, departements] = await Promise.all([
      listPublishedPlaces(env().HOME_DEPARTEMENT),
      countPublishedPlaces(),
      countPublishedByDepartement(),
    ]);
    const byCommune = new Map<string, typeof places>();
    for (const place of places) byCommune.set(place.commune, [...(byCommune.get(place.commune) ?? []), place]);
    return {
      title: 'Trouver de l’aide au numérique près de chez soi',
      description:
        'Repères recense les lieux où l’on peut se faire aider pour le numérique : démarches en ligne, ordinateur, internet, France Services, espaces publics numériques, fablabs.',
      body: createElement(HomeView, { home, total, departements, groups: [...byCommune].map(([label, list]) => ({ label, places: list })) }),
    };
  });
}
