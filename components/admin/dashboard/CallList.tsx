// The places to call (issue #23): from each place's latest campaign, those without a usable
// address, with a wrong contact, unsubscribed or silent after the reminder, with their phone
// numbers. Printable on its own page (/admin/reseaux/[slug]/a-appeler) and downloadable as CSV.
import Link from 'next/link';
import { AdminTable } from '@/components/admin/AdminTable';
import type { CallRow } from '@/lib/campaigns/stats';

export function CallListTable({ rows }: { rows: CallRow[] }) {
  return (
    <div className="table-scroll">
      <AdminTable
        testId="call-list"
        caption="Lieux à appeler, par commune"
        rows={rows}
        rowKey={(r) => r.placeId}
        columns={[
          { header: 'Lieu', rowHeader: true, cell: (r) => <Link href={`/admin/lieux/${r.placeId}`}>{r.name}</Link> },
          { header: 'Commune', cell: (r) => r.commune },
          { header: 'Téléphone', cell: (r) => (r.phone ? <a href={`tel:${r.phone.replace(/\s/g, '')}`}>{r.phone}</a> : 'aucun numéro') },
          { header: 'Pourquoi', cell: (r) => r.why },
          { header: 'Campagne', cell: (r) => r.campaign },
        ]}
      />
    </div>
  );
}

export function CallList({ slug, rows }: { slug: string; rows: CallRow[] }) {
  return (
    <section aria-labelledby="a-appeler" className="dashboard-block">
      <h2 id="a-appeler">À appeler ({rows.length})</h2>
      {rows.length === 0 ? (
        <p>Aucun lieu à appeler : chaque lieu des campagnes a répondu ou attend encore la relance.</p>
      ) : (
        <>
          <ul className="admin-actions plain-list">
            <li>
              <Link className="button button--small" href={`/admin/reseaux/${slug}/a-appeler`}>
                Version à imprimer
              </Link>
            </li>
            <li>
              <a className="button button--small" href={`/admin/reseaux/${slug}/a-appeler.csv`} download>
                Télécharger la liste (CSV)
              </a>
            </li>
          </ul>
          <CallListTable rows={rows} />
        </>
      )}
    </section>
  );
}
