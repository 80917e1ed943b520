// /reseaux: the networks, rendered to plain HTML (app/light-page.tsx), in every language.
import { createElement } from 'react';
import { lightPageResponse } from '@/app/light-page';
import { NetworksView } from '@/components/networks/NetworkViews';
import { networksWithPublishedCounts } from '@/lib/networks/public';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return lightPageResponse(request, async (url, t) => ({
    title: t('network.listHeading'),
    description: t('network.listDescription'),
    path: `/reseaux${url.search}`,
    body: createElement(NetworksView, { networks: await networksWithPublishedCounts(), t }),
  }));
}
