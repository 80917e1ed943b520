import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CallListTable } from '@/components/admin/dashboard';
import { PrintButton } from '@/components/admin/PrintButton';
import { requireUser } from '@/lib/auth/session';
import { networkCallList } from '@/lib/networks/dashboard';

type Props = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: 'Lieux à appeler' };

/** The places to call, alone on a page that prints (the dashboard links it). */
export default async function CallListPage({ params }: Props) {
  const { slug } = await params;
  const user = await requireUser(`/admin/reseaux/${slug}/a-appeler`);
  const data = await networkCallList(user, slug);
  if (!data) notFound();
  const today = new Date().toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });
  return (
    <div className="call-sheet">
      <h1>
        Lieux à appeler — {data.network.name} ({data.rows.length})
      </h1>
      <p>Liste du {today}, d’après la dernière campagne de chaque lieu.</p>
      <ul className="admin-actions plain-list no-print">
        <li>
          <PrintButton />
        </li>
        <li>
          <a className="button button--small" href={`/admin/reseaux/${data.network.slug}/a-appeler.csv`} download>
            Télécharger la liste (CSV)
          </a>
        </li>
        <li>
          <Link className="button button--small" href={`/admin/reseaux/${data.network.slug}`}>
            Retour au tableau de bord
          </Link>
        </li>
      </ul>
      {data.rows.length === 0 ? <p>Aucun lieu à appeler.</p> : <CallListTable rows={data.rows} />}
    </div>
  );
}
