// /territoires/<département>: where help with digital life is missing, rendered to plain HTML
// (app/light-page.tsx; the map is drawn by components/islands/coverage-map.ts), with unmet demand
// beside it (lib/demand/read.ts, ?demande=3|12); 404 for an unknown code.
import { createElement } from 'react';
import { lightPageResponse, notFoundPage } from '@/app/light-page';
import { TerritoryView } from '@/components/coverage/TerritoryView';
import { env } from '@/lib/config/env';
import { departementCoverage } from '@/lib/coverage/departement';
import { departementByCode, parseCoverageParams } from '@/lib/coverage/params';
import { demandLayer, parseDemandMonths } from '@/lib/demand/read';
import { queryParams } from '@/lib/search/page';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ departement: string }> };

export async function GET(request: Request, { params }: Context) {
  const { departement } = await params;
  return lightPageResponse(request, async (url) => {
    const dep = departementByCode(departement);
    if (!dep) return notFoundPage('Département inconnu', 'Aucun département ne porte ce code.');
    const params = queryParams(url);
    const query = parseCoverageParams(params);
    const [{ result, saturday }, demand] = await Promise.all([
      departementCoverage(dep.code, query),
      demandLayer([dep.code], parseDemandMonths(params.demande)),
    ]);
    const config = env();
    return {
      title: `Où l’aide au numérique manque en ${dep.nom} (${dep.code})`,
      description: `Part de la population à moins de 5, 10 et 20 km d’un lieu d’aide au numérique en ${dep.nom}, et les communes les plus éloignées.`,
      body: createElement(TerritoryView, { dep, query, result, saturday, demand, map: { tileUrl: config.TILE_URL, attribution: config.TILE_ATTRIBUTION } }),
    };
  });
}
