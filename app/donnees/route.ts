// /donnees: the open data page, rendered to plain HTML (app/light-page.tsx), in every language. The files themselves: export/[format]/route.ts.
import { createElement } from 'react';
import { lightPageResponse } from '@/app/light-page';
import { OpenDataView } from '@/components/opendata/OpenDataView';
import { openDataFigures } from '@/lib/export/figures';
import { openApiDocument } from '@/lib/export/openapi';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return lightPageResponse(request, async (url, t) => {
    // What the files hold: fictional demonstration places are not exported.
    const { places: count, lastUpdated } = await openDataFigures();
    const updated = lastUpdated?.toLocaleDateString(t.intl, { day: 'numeric', month: 'long', year: 'numeric' });
    return {
      title: t('data.heading'),
      description: t('data.description'),
      path: `/donnees${url.search}`,
      body: createElement(OpenDataView, { count, updated, parameters: openApiDocument('').paths['/lieux'].get.parameters, t }),
    };
  });
}
