// The communes of the network's territory furthest from one of its places (issue #23).
import Link from 'next/link';
import { AdminTable } from '@/components/admin/AdminTable';
import type { FarCommune } from '@/lib/networks/reach';

const km = (value: number) => `${value.toFixed(1).replace('.', ',')} km`;

export function FurthestCommunes({ communes }: { communes: FarCommune[] | null }) {
  return (
    <section aria-labelledby="communes-eloignees" className="dashboard-block">
      <h2 id="communes-eloignees">Communes les plus éloignées d’un lieu du réseau</h2>
      {communes === null ? (
        <p>
          Pas de calcul possible : le référentiel des communes du territoire n’est pas chargé (<code>npm run import:communes</code>) ou aucun lieu publié du
          réseau n’a de position.
        </p>
      ) : (
        <div className="table-scroll">
          <AdminTable
            testId="furthest-communes"
            caption="Les communes du territoire les plus éloignées d’un lieu publié du réseau"
            rows={communes}
            rowKey={(c) => c.inseeCode}
            columns={[
              { header: 'Commune', rowHeader: true, cell: (c) => c.name },
              { header: 'Habitants', cell: (c) => c.population.toLocaleString('fr-FR') },
              { header: 'Distance', cell: (c) => km(c.km) },
              { header: 'Lieu du réseau le plus proche', cell: (c) => <Link href={`/admin/lieux/${c.nearest.id}`}>{c.nearest.name}</Link> },
            ]}
          />
        </div>
      )}
    </section>
  );
}
