import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { env } from '@/lib/config/env';
import { AdminTable } from '@/components/admin/AdminTable';
import { CallList, CampaignRates, FreshnessChart, FreshnessMap, FurthestCommunes, ReviewAge } from '@/components/admin/dashboard';
import { networkDashboard, networkOverview, reviewQueueAge, territoryCoverage } from '@/lib/networks/dashboard';
import { NetworkDemand } from '@/components/admin/NetworkDemand';
import { SUGGESTION_PARTS } from '@/lib/places/suggestion-parts';

type Props = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: 'Tableau de bord du réseau' };

const KIND = {
  CREATE: 'Création',
  UPDATE: 'Modification',
  STATUS: 'Changement de statut',
  RESTORE: 'Restauration',
  IMPORT: 'Import',
  CONFIRM: 'Confirmation',
  MERGE: 'Fusion',
  ATELIER: 'Atelier',
} as const;
const STATE = { APPLIED: 'appliquée', PENDING: 'en attente', REJECTED: 'refusée' } as const;
const STATUS = { PUBLISHED: 'publié', DRAFT: 'brouillon', ARCHIVED: 'archivé' } as const;
const day = (date: Date) => date.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' });

export default async function NetworkDashboardPage({ params }: Props) {
  const { slug } = await params;
  const user = await requireUser(`/admin/reseaux/${slug}`);
  const data = await networkDashboard(user, slug);
  // Not a coordinator of this network (or no such network): the same answer, nothing leaks.
  if (!data) notFound();
  const { network } = data;
  const now = new Date();
  const [coverage, overview] = await Promise.all([territoryCoverage(network.territory), networkOverview(network, now)]);
  return (
    <>
      <h1>Tableau de bord — {network.name}</h1>
      <ul className="admin-actions plain-list">
        <li>
          <Link className="button button--small" href={`/admin/reseaux/${network.slug}/campagnes/nouvelle`}>
            Lancer une campagne de mise à jour
          </Link>
        </li>
        <li>
          <Link className="button button--small" href={`/reseaux/${network.slug}`}>
            Page publique du réseau
          </Link>
        </li>
        <li>
          <Link className="button button--small" href={`/admin/ateliers?reseau=${network.id}`}>
            Semaine des ateliers du réseau
          </Link>
        </li>
      </ul>

      <StatusAndFreshness data={data} />
      <FreshnessMap freshness={overview.freshness} background={overview.background} tiles={{ tileUrl: env().TILE_URL, attribution: env().TILE_ATTRIBUTION }} />
      <FreshnessChart history={overview.freshness.history} />
      <CampaignRates slug={network.slug} rates={overview.rates} />
      <CallList slug={network.slug} rows={overview.toCall} />
      <ReviewAge age={reviewQueueAge(data.pending, now)} />
      <CompletenessSection data={data} />
      <PendingSection data={data} />
      <ActivitySection data={data} />

      <h2>Couverture du territoire</h2>
      {coverage.map(({ code, result }) =>
        result ? (
          <p key={code}>
            Département {code} : {result.within[1].share.toLocaleString('fr-FR')} % des habitants à moins de 10 km d’un lieu d’aide aux démarches,{' '}
            {result.beyond.communes} communes à plus de 20 km. <Link href={`/territoires/${code}`}>Voir le détail</Link>
          </p>
        ) : (
          <p key={code}>
            Département {code} : référentiel des communes non chargé (<code>npm run import:communes</code> charge celui livré avec Repères).
          </p>
        ),
      )}

      <FurthestCommunes communes={overview.furthest} />
      <NetworkDemand territory={network.territory} />
    </>
  );
}

type Dashboard = NonNullable<Awaited<ReturnType<typeof networkDashboard>>>;

/** Places by status, and those not confirmed for a while. */
function StatusAndFreshness({ data }: { data: Dashboard }) {
  return (
    <>
      <h2>Lieux par statut</h2>
      <ul className="stats" data-testid="network-status">
        <li>
          <strong>{data.byStatus.PUBLISHED}</strong> publiés{data.temporarilyClosed > 0 && <> (dont {data.temporarilyClosed} fermés temporairement)</>}
        </li>
        <li>
          <strong>{data.byStatus.DRAFT}</strong> brouillons
        </li>
        <li>
          <strong>{data.byStatus.ARCHIVED}</strong> archivés
        </li>
      </ul>

      <h2>Fraîcheur</h2>
      <p data-testid="network-freshness">
        <strong>{data.freshness.over6}</strong> fiches non confirmées depuis 6 mois, dont <strong>{data.freshness.over12}</strong> depuis plus d’un an.
      </p>
      {data.freshness.oldest.length > 0 && (
        <div className="table-scroll">
          <AdminTable
            caption="Fiches non confirmées depuis 6 mois, la plus ancienne d’abord"
            rows={data.freshness.oldest.slice(0, 30)}
            rowKey={(p) => p.id}
            columns={[
              { header: 'Lieu', rowHeader: true, cell: (p) => <Link href={`/admin/lieux/${p.id}`}>{p.name}</Link> },
              { header: 'Commune', cell: (p) => p.commune },
              { header: 'Dernière confirmation', cell: (p) => day(p.dateMaj) },
              { header: 'Depuis', cell: (p) => `${p.months} mois` },
            ]}
          />
        </div>
      )}
    </>
  );
}

/** The least complete places and what they lack. */
function CompletenessSection({ data }: { data: Dashboard }) {
  return (
    <>
      <h2>Complétude</h2>
      <p>Score moyen des fiches : {data.completeness.meanScore ?? '—'} %. Les moins complètes d’abord :</p>
      <div className="table-scroll">
        <AdminTable
          testId="network-completeness"
          caption="Fiches les moins complètes et ce qui leur manque"
          rows={data.completeness.least.slice(0, 30)}
          rowKey={(p) => p.id}
          columns={[
            {
              header: 'Lieu',
              rowHeader: true,
              cell: (p) => (
                <>
                  <Link href={`/admin/lieux/${p.id}`}>{p.name}</Link> <span className="muted">({STATUS[p.status]})</span>
                </>
              ),
            },
            { header: 'Score', cell: (p) => `${p.score} %` },
            { header: 'Ce qui manque', cell: (p) => p.missing.map((m) => m.label).join(', ') || '—' },
          ]}
        />
      </div>
    </>
  );
}

/** Proposed changes and reports waiting for a decision. */
function PendingSection({ data }: { data: Dashboard }) {
  return (
    <>
      <h2>À valider</h2>
      <p>
        <Link href="/admin/a-valider">
          {data.pending.revisions.length} modification{data.pending.revisions.length > 1 ? 's' : ''} proposée{data.pending.revisions.length > 1 ? 's' : ''} et{' '}
          {data.pending.suggestions.length} signalement{data.pending.suggestions.length > 1 ? 's' : ''} en attente
        </Link>
      </p>
      <ul>
        {data.pending.revisions.map((r) => (
          <li key={r.id}>
            {r.place.name} — {Object.keys(r.changes as object).join(', ')} — par {r.author?.name ?? r.author?.email ?? r.authorLabel ?? 'inconnu'}, le{' '}
            {day(r.createdAt)}
          </li>
        ))}
        {data.pending.suggestions.map((s) => (
          <li key={s.id}>
            {s.place.name} — signalement « {SUGGESTION_PARTS[s.part]} », le {day(s.createdAt)}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The latest changes to the network’s places. */
function ActivitySection({ data }: { data: Dashboard }) {
  return (
    <>
      <h2>Activité récente</h2>
      <div className="table-scroll">
        <AdminTable
          caption="Les 20 dernières modifications des lieux du réseau"
          rows={data.activity}
          rowKey={(r) => r.id}
          columns={[
            { header: 'Date', cell: (r) => day(r.createdAt) },
            { header: 'Lieu', cell: (r) => <Link href={`/admin/lieux/${r.place.id}/historique`}>{r.place.name}</Link> },
            { header: 'Qui', cell: (r) => r.author?.name ?? r.author?.email ?? r.authorLabel ?? '—' },
            { header: 'Quoi', cell: (r) => `${KIND[r.kind]} (${STATE[r.state]}) : ${Object.keys(r.changes as object).join(', ')}` },
          ]}
        />
      </div>
    </>
  );
}
