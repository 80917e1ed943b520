// A département's coverage page: where help is missing (the shares within 5 / 10 / 20 km, the
// map, the furthest communes). Plain markup (rendered by lib/render: app/territoires/[departement]/route.ts).
import type { CoverageResult } from '@/lib/coverage';
import { coverageQueryString, type CoverageParams } from '@/lib/coverage/params';
import type { DemandLayer } from '@/lib/demand/read';
import { CoverageForm, CoverageReport } from './CoverageReport';
import { DemandLayerView } from './DemandLayer';

type Props = {
  dep: { code: string; nom: string };
  query: CoverageParams;
  result: CoverageResult | null;
  saturday: CoverageResult | null;
  /** The second layer: searches without a nearby place (issue #22). */
  demand: DemandLayer;
  map: { tileUrl: string; attribution: string };
};

export function TerritoryView({ dep, query, result, saturday, demand, map }: Props) {
  return (
    <div className="container coverage">
      <h1>
        Où l’aide au numérique manque : {dep.nom} ({dep.code})
      </h1>
      <p className="prose">
        Pour chaque commune, la distance de son centre au lieu publié le plus proche qui offre le service choisi — y compris hors du département et aux arrêts
        des lieux itinérants. Les lieux fermés temporairement aujourd’hui ne comptent pas. Voir aussi{' '}
        <a href={`/departements/${dep.code}`}>les lieux du département</a>.
      </p>
      {!result ? (
        <div className="notice notice--warning" role="status">
          <p>Le référentiel des communes (population et point central) n’est pas chargé pour ce département : la couverture ne peut pas être calculée.</p>
          <p>
            Une personne qui administre Repères le charge avec la commande <code>npm run import:communes</code> : sans argument, elle charge le référentiel
            livré avec Repères.
          </p>
        </div>
      ) : (
        <>
          <CoverageForm action={`/territoires/${dep.code}`} params={query} />
          <CoverageReport result={result} saturday={saturday} params={query} map={map} />
        </>
      )}
      <DemandLayerView layer={demand} periodHref={(months) => `/territoires/${dep.code}?${coverageQueryString(query)}&demande=${months}#demand-title`} />
    </div>
  );
}
