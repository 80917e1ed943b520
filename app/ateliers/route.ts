// /ateliers: the coming sessions near a place, by theme and date (see components/ateliers).
import { AteliersView } from '@/components/ateliers/AteliersView';
import { paramsOf, parseAtelierParams } from '@/lib/ateliers/filters';
import { searchSessions } from '@/lib/ateliers/search';
import { placePageNow } from '@/lib/places/now';
import { createElement } from 'react';
import { page } from './respond';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return page(request, async () => {
    const { filters, problems } = parseAtelierParams(paramsOf(new URL(request.url)));
    // End-to-end tests may freeze « now » (placePageNow: only when the server runs with E2E=1).
    const result = await searchSessions(filters, { problems, now: placePageNow(request) });
    return {
      title: filters.ou ? `Ateliers numériques près de ${filters.ou}` : 'Ateliers numériques près de chez vous',
      description: 'Les ateliers pour apprendre le numérique près de chez vous : smartphone, démarches en ligne, sécurité, souvent gratuits.',
      robots: 'noindex, follow',
      body: createElement(AteliersView, { filters, result }),
    };
  });
}
