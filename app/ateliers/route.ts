// /ateliers: the coming sessions near a place, by theme and date (see components/ateliers), in every language.
import { AteliersView } from '@/components/ateliers/AteliersView';
import { paramsOf, parseAtelierParams } from '@/lib/ateliers/filters';
import { searchSessions } from '@/lib/ateliers/search';
import { placePageNow } from '@/lib/places/now';
import { createElement } from 'react';
import { page } from './respond';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return page(request, async (t) => {
    const url = new URL(request.url);
    const { filters, problems } = parseAtelierParams(paramsOf(url));
    // End-to-end tests may freeze « now » (placePageNow: only when the server runs with E2E=1).
    const result = await searchSessions(filters, { problems, now: placePageNow(request) });
    return {
      title: filters.ou ? t('ateliers.titleNear', { place: filters.ou }) : t('ateliers.title'),
      description: t('ateliers.description'),
      robots: 'noindex, follow',
      path: `/ateliers${url.search}`,
      body: createElement(AteliersView, { filters, result, t }),
    };
  });
}
