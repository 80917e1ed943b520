import { revalidatePath } from 'next/cache';
import Link from 'next/link';
import { ChangesTable } from '@/components/admin/ChangesTable';
import { FieldSourcesTable } from '@/components/admin/FieldSourcesTable';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { editablePlace, placeRevisions } from '@/lib/editing/reads';
import { fieldSourceRows } from '@/lib/import/provenance';
import { restoreAction } from '../../../actions';

type Props = { params: Promise<{ id: string }> };
const KIND = {
  CREATE: 'Création',
  UPDATE: 'Modification',
  STATUS: 'Statut',
  RESTORE: 'Restauration',
  IMPORT: 'Import',
  CONFIRM: 'Confirmation',
  MERGE: 'Fusion',
  ATELIER: 'Atelier',
} as const;
const STATE = { APPLIED: 'appliquée', PENDING: 'en attente de validation', REJECTED: 'refusée' } as const;

export default async function History({ params }: Props) {
  const { id } = await params;
  const user = await requireUser(`/admin/lieux/${id}/historique`);
  const loaded = await editablePlace(user, id);
  if (!loaded) notFound();
  const { place } = loaded;
  const revisions = await placeRevisions(id);
  return (
    <>
      <p>
        <Link href={`/admin/lieux/${id}`}>← Retour à la fiche</Link>
      </p>
      <h1>Historique — {loaded.place.name}</h1>
      <FieldSourcesTable rows={fieldSourceRows(place)} sourceName={place.sourceName} />
      <h2>Modifications</h2>
      <ol className="history">
        {revisions.map((revision) => {
          const changes = Object.entries(revision.changes as Record<string, { before: unknown; after: unknown }>);
          return (
            <li key={revision.id} className="history__item">
              <p>
                <strong>{KIND[revision.kind]}</strong> ({STATE[revision.state]}) le {revision.createdAt.toLocaleString('fr-FR', { timeZone: 'Europe/Paris' })}{' '}
                par {revision.author?.name ?? revision.author?.email ?? revision.authorLabel ?? 'inconnu'}
                {revision.reason && <> — « {revision.reason} »</>}
              </p>
              {changes.length > 0 && <ChangesTable changes={Object.fromEntries(changes)} />}
              {revision.state === 'APPLIED' && ['UPDATE', 'RESTORE', 'IMPORT'].includes(revision.kind) && changes.length > 0 && (
                <form
                  action={async () => {
                    'use server';
                    await restoreAction(revision.id);
                    revalidatePath(`/admin/lieux/${id}/historique`);
                  }}
                >
                  <button type="submit" className="button button--small">
                    Restaurer les valeurs d’avant
                  </button>
                </form>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}
