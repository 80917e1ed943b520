// /reseaux: the networks, rendered to plain HTML (app/light-page.tsx).
import { createElement } from 'react';
import { lightPageResponse } from '@/app/light-page';
import { NetworksView } from '@/components/networks/NetworkViews';
import { networksWithPublishedCounts } from '@/lib/networks/public';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return lightPageResponse(request, async () => ({
    title: 'Réseaux',
    description: 'Les réseaux de lieux de médiation numérique qui tiennent l’annuaire à jour.',
    body: createElement(NetworksView, { networks: await networksWithPublishedCounts() }),
  }));
}
