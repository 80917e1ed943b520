// The home page (/, and /en, /ar… in the other languages), rendered to plain HTML (app/light-page.tsx): no client runtime.
import { HomeView } from '@/components/home/HomeView';
import { env } from '@/lib/config/env';
import { departementByCode } from '@/lib/geo/departements';
import { countPublishedByDepartement, countPublishedPlaces, listPublishedPlaces } from '@/lib/places/list';
import { createElement } from 'react';
import { lightPageResponse } from './light-page';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return lightPageResponse(request, async (url, t) => {
    const home = departementByCode(env().HOME_DEPARTEMENT);
    const [places, total, departements] = await Promise.all([
      listPublishedPlaces(env().HOME_DEPARTEMENT),
      countPublishedPlaces(),
      countPublishedByDepartement(),
    ]);
    const byCommune = new Map<string, typeof places>();
    for (const place of places) byCommune.set(place.commune, [...(byCommune.get(place.commune) ?? []), place]);
    return {
      title: t('home.title'),
      description: t('home.description'),
      path: `/${url.search}`,
      body: createElement(HomeView, { home, total, departements, t, groups: [...byCommune].map(([label, list]) => ({ label, places: list })) }),
    };
  });
}
