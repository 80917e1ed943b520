import Link from 'next/link';
import { AdminTable } from '@/components/admin/AdminTable';
import { canMergePlaces } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { openDuplicateFlags } from '@/lib/import/duplicate-reads';

export const metadata = { title: 'Doublons à fusionner' };
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<{ resultat?: string; lieu?: string }> };
const RESULTS: Record<string, { text: string; kind: 'success' | 'error' }> = {
  fusion: { text: 'Les deux fiches ont été fusionnées. L’ancienne adresse de la fiche archivée renvoie vers la fiche conservée.', kind: 'success' },
  ecarte: { text: 'Signalement écarté : ces deux lieux restent distincts.', kind: 'success' },
  gone: { text: 'Ce signalement a déjà été traité.', kind: 'error' },
  forbidden: { text: 'Seuls les administrateurs peuvent fusionner des fiches.', kind: 'error' },
  invalid: { text: 'Choisissez la fiche à conserver.', kind: 'error' },
};

export default async function DuplicatesPage({ searchParams }: Props) {
  const user = await requireUser('/admin/fusion');
  if (!canMergePlaces(user)) return <p>La fusion des doublons est réservée aux administrateurs.</p>;
  const { resultat, lieu } = await searchParams;
  const result = resultat ? RESULTS[resultat] : null;
  const flags = await openDuplicateFlags(user);
  return (
    <>
      <h1>Doublons à fusionner</h1>
      <p>
        Les imports signalent ici les lieux qui ressemblent à un lieu déjà connu d’une autre source. Comparez-les, puis fusionnez-les ou écartez le signalement.
      </p>
      {result && (
        <p className={`notice notice--${result.kind}`} role={result.kind === 'error' ? 'alert' : 'status'}>
          {result.text} {resultat === 'fusion' && lieu && /^[0-9a-f-]{36}$/i.test(lieu) && <Link href={`/admin/lieux/${lieu}`}>Voir la fiche conservée</Link>}
        </p>
      )}
      {flags.length === 0 ? (
        <p>Aucun doublon en attente.</p>
      ) : (
        <AdminTable
          className={null}
          rows={flags}
          rowKey={(flag) => flag.id}
          columns={[
            {
              header: 'Lieu déjà connu',
              cell: (flag) => `${flag.other.name} (${flag.other.commune})${flag.other.sourceName ? ` — ${flag.other.sourceName}` : ''}`,
            },
            {
              header: 'Lieu importé',
              cell: (flag) => `${flag.place.name} (${flag.place.commune})${flag.place.sourceName ? ` — ${flag.place.sourceName}` : ''}`,
            },
            { header: 'Ressemblance', cell: (flag) => `${Math.round(flag.score * 100)} %` },
            { header: <span className="visually-hidden">Action</span>, cell: (flag) => <Link href={`/admin/fusion/${flag.id}`}>Comparer</Link> },
          ]}
        />
      )}
    </>
  );
}
