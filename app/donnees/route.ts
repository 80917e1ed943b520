// /donnees: the open data page, rendered to plain HTML (app/light-page.tsx). The files themselves: export/[format]/route.ts.
import { createElement } from 'react';
import { lightPageResponse } from '@/app/light-page';
import { OpenDataView } from '@/components/opendata/OpenDataView';
import { openDataFigures } from '@/lib/export/figures';
import { openApiDocument } from '@/lib/export/openapi';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return lightPageResponse(request, async () => {
    // What the files hold: fictional demonstration places are not exported.
    const { places: count, lastUpdated } = await openDataFigures();
    const updated = lastUpdated?.toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric' });
    return {
      title: 'Données ouvertes',
      description: 'Téléchargez les lieux de médiation numérique au format du standard national (CSV, JSON, GeoJSON) ou interrogez l’API publique.',
      body: createElement(OpenDataView, { count, updated, parameters: openApiDocument('').paths['/lieux'].get.parameters }),
    };
  });
}
