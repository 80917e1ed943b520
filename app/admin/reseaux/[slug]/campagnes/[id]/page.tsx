import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { AdminTable } from '@/components/admin/AdminTable';
import { campaignProgressFor } from '@/lib/networks/dashboard';
import { phoneText } from '@/lib/standard/phone';
import { remindAction } from '@/app/admin/reseaux/actions';

export const metadata = { title: 'Campagne de mise à jour' };

type Props = { params: Promise<{ slug: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const STATE = {
  PENDING: 'non envoyé',
  SENT: 'envoyé',
  OPENED: 'lien ouvert',
  CONFIRMED: 'confirmé',
  CORRECTED: 'corrections proposées',
  CLOSED: 'fermeture signalée',
  BOUNCED: 'mauvais contact',
} as const;
const day = (date: Date | null) => (date ? date.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' }) : '—');

export default async function CampaignPage({ params, searchParams }: Props) {
  const { slug, id } = await params;
  const query = await searchParams;
  const user = await requireUser(`/admin/reseaux/${slug}/campagnes/${id}`);
  const progress = /^[0-9a-f-]{36}$/.test(id) ? await campaignProgressFor(user, id) : null;
  if (!progress || progress.campaign.network.slug !== slug) notFound();
  const { campaign, counts, toCall, reminderDue } = progress;
  const canRemind = reminderDue <= new Date() && campaign.expiresAt > new Date();
  const remind = remindAction.bind(null, slug, campaign.id);
  return (
    <>
      <p>
        <Link href={`/admin/reseaux/${slug}`}>← Tableau de bord {campaign.network.name}</Link>
      </p>
      <h1>Campagne « {campaign.name} »</h1>
      <p>
        Lancée le {day(campaign.createdAt)} ; liens valables jusqu’au {day(campaign.expiresAt)}.
      </p>
      {typeof query.envoyes === 'string' && (
        <div className="notice notice--success" role="status">
          Campagne lancée : {query.envoyes} courriel{Number(query.envoyes) > 1 ? 's' : ''} envoyé{Number(query.envoyes) > 1 ? 's' : ''}.
        </div>
      )}
      {typeof query.relances === 'string' && (
        <div className="notice notice--success" role="status">
          {query.relances} relance{Number(query.relances) > 1 ? 's' : ''} envoyée{Number(query.relances) > 1 ? 's' : ''}.
        </div>
      )}
      <h2>Avancement</h2>
      <ProgressTable counts={counts} />
      <h2>Relance</h2>
      {canRemind ? (
        <form action={remind}>
          <p>Une seule relance est envoyée aux contacts qui n’ont pas répondu ; son lien remplace le premier.</p>
          <button type="submit" className="button button--small">
            Relancer les lieux sans réponse
          </button>
        </form>
      ) : (
        <p>
          La relance des lieux sans réponse sera possible à partir du {day(reminderDue)} ({campaign.reminderAfterDays} jours après le lancement)
          {campaign.expiresAt <= new Date() && ' — la campagne est terminée'}. Elle peut aussi être envoyée chaque jour par la commande{' '}
          <code>npm run campaigns:remind</code>.
        </p>
      )}
      <h2>Lieux à appeler ({toCall.length})</h2>
      {toCall.length === 0 ? (
        <p>Aucun pour l’instant.</p>
      ) : (
        <AdminTable
          testId="campaign-to-call"
          rows={toCall}
          rowKey={(t) => t.id}
          columns={[
            { header: 'Lieu', rowHeader: true, cell: (t) => <Link href={`/admin/lieux/${t.place.id}`}>{t.place.name}</Link> },
            { header: 'Téléphone', cell: (t) => (t.place.phone ? <a href={`tel:${t.place.phone}`}>{phoneText(t.place.phone)}</a> : '—') },
            { header: 'Pourquoi', cell: (t) => t.why },
          ]}
        />
      )}
      <h2>Détail par lieu</h2>
      <AdminTable
        testId="campaign-targets"
        rows={campaign.targets}
        rowKey={(t) => t.id}
        columns={[
          { header: 'Lieu', rowHeader: true, cell: (t) => t.place.name },
          { header: 'Contact', cell: (t) => t.email ?? '—' },
          { header: 'État', cell: (t) => STATE[t.state] },
          { header: 'Ouvert le', cell: (t) => day(t.openedAt) },
          { header: 'Réponse le', cell: (t) => day(t.respondedAt) },
        ]}
      />
    </>
  );
}

type Counts = NonNullable<Awaited<ReturnType<typeof campaignProgressFor>>>['counts'];

/** The campaign's figures, one row each. */
function ProgressTable({ counts }: { counts: Counts }) {
  return (
    <table className="admin-table" data-testid="campaign-progress">
      <caption className="visually-hidden">Avancement de la campagne</caption>
      <tbody>
        {(
          [
            ['Taux de réponse', counts.responseRate === null ? '—' : `${counts.responseRate} %`],
            ['Lieux sollicités', counts.targets],
            ['Courriels envoyés', counts.sent],
            ['Liens ouverts', counts.opened],
            ['Confirmés', counts.confirmed],
            ['Corrections proposées', counts.corrected],
            ['Fermetures signalées', counts.closed],
            ['Mauvais contact', counts.wrongContact],
            ['Sans réponse', counts.noAnswer],
            ['Relancés', counts.reminded],
            ['Sans courriel', counts.withoutEmail],
          ] as const
        ).map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
