// The coordinator dashboard's block of unmet demand (issue #22): the searches without a nearby
// place over the network's territory, the last 12 months. Self-contained (it reads its own data):
// one line in app/admin/reseaux/[slug]/page.tsx.
import { DemandLayerView } from '@/components/coverage/DemandLayer';
import { demandLayer } from '@/lib/demand/read';

export async function NetworkDemand({ territory, months = 12 }: { territory: string[]; months?: 3 | 12 }) {
  if (!territory.length) return null;
  const layer = await demandLayer(territory, months);
  return (
    <>
      {/* Its tables are wider than a phone: they scroll on their own, not the whole page. */}
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Recherches sans lieu proche, par commune et par besoin">
        <DemandLayerView layer={layer} />
      </div>
      <p>
        Par département :{' '}
        {territory.map((code, i) => [
          i > 0 && ', ',
          <a key={code} href={`/territoires/${code}#demand-title`}>
            {code}
          </a>,
        ])}
        . Données ouvertes : <a href="/donnees/export/recherches-sans-lieu.csv">recherches-sans-lieu.csv</a>.
      </p>
    </>
  );
}
