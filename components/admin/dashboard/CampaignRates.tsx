// Each campaign's answers on the network's dashboard (issue #23): counts and shares of the
// messages sent, newest campaign first.
import Link from 'next/link';
import { AdminTable } from '@/components/admin/AdminTable';
import type { CampaignRates as Rates } from '@/lib/campaigns/stats';

const share = (count: number, of: number) => (of ? `${count} (${Math.round((100 * count) / of)} %)` : String(count));
const day = (date: Date) => date.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' });

export function CampaignRates({ slug, rates }: { slug: string; rates: Rates[] }) {
  return (
    <section aria-labelledby="taux-reponse" className="dashboard-block">
      <h2 id="taux-reponse">Réponses aux campagnes</h2>
      {rates.length === 0 ? (
        <p>Aucune campagne pour l’instant.</p>
      ) : (
        <div className="table-scroll">
          <AdminTable
            testId="campaign-rates"
            caption="Réponses à chaque campagne, en nombre et en part des courriels envoyés"
            rows={rates}
            rowKey={(c) => c.id}
            columns={[
              {
                header: 'Campagne',
                rowHeader: true,
                cell: (c) => (
                  <>
                    <Link href={`/admin/reseaux/${slug}/campagnes/${c.id}`}>{c.name}</Link> <span className="muted">({day(c.createdAt)})</span>
                  </>
                ),
              },
              { header: 'Lieux', cell: (c) => c.targets },
              { header: 'Courriels envoyés', cell: (c) => c.sent },
              { header: 'Ouverts', cell: (c) => share(c.opened, c.sent) },
              { header: 'Confirmés', cell: (c) => share(c.confirmed, c.sent) },
              { header: 'Corrigés', cell: (c) => share(c.corrected, c.sent) },
              { header: 'Fermés', cell: (c) => share(c.closed, c.sent) },
              { header: 'Sans réponse', cell: (c) => share(c.noAnswer, c.sent) },
            ]}
          />
        </div>
      )}
    </section>
  );
}
