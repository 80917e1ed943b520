import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PlaceEditor } from '@/components/admin/PlaceEditor';
import { canPublishPlace } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { env } from '@/lib/config/env';
import { editablePlace, proposalToEdit } from '@/lib/editing/reads';
import { SECTION_IDS, SECTIONS } from '@/lib/editing/sections';
import { completeness } from '@/lib/places/completeness';
import { confirmAction, saveSectionAction, statusAction } from '../../actions';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ cree?: string; proposition?: string }> };
const STATUS = { PUBLISHED: 'Publié', DRAFT: 'Brouillon', ARCHIVED: 'Archivé' } as const;

export default async function EditPlace({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const created = query.cree === '1';
  const user = await requireUser(`/admin/lieux/${id}`);
  const loaded = await editablePlace(user, id);
  if (!loaded) notFound();
  const { place } = loaded;
  const score = completeness(place);
  const serialisable = Object.fromEntries(
    Object.entries(place).map(([key, value]) => [key, value instanceof Date ? value.toISOString().slice(0, 10) : value]),
  ) as Record<string, unknown>;
  delete serialisable.networks;
  // "Modifier avant de valider": the editor opens with the proposal's values in place.
  const proposal = await proposalToEdit(user, loaded.scope, query.proposition);
  if (proposal) for (const [field, change] of Object.entries(proposal.changes as Record<string, { after: unknown }>)) serialisable[field] = change.after;
  const actions = Object.fromEntries(SECTION_IDS.map((section) => [section, saveSectionAction.bind(null, place.id, section)]));
  const publish = canPublishPlace(user, loaded.scope);

  return (
    <>
      <p>
        <Link href="/admin/lieux">← Tous les lieux</Link>
      </p>
      <h1>{place.name}</h1>
      {proposal && (
        <p className="notice notice--warning" role="status">
          Proposition de {proposal.author?.name ?? proposal.author?.email ?? 'un contributeur'} ({Object.keys(proposal.changes as object).join(', ')}) reprise
          dans le formulaire : vérifiez-la, modifiez-la si besoin, puis enregistrez la section. Elle sera alors retirée de la liste « À valider ».
        </p>
      )}
      {created && (
        <p className="notice notice--success" role="status">
          Lieu créé en brouillon. Complétez sa fiche section par section, puis publiez-le.
        </p>
      )}
      <p>
        Statut : <strong>{STATUS[place.status]}</strong> · Confirmé le {place.dateMaj.toLocaleDateString('fr-FR', { timeZone: 'UTC' })} · Fiche complète à{' '}
        {score.score} %
        {place.status === 'PUBLISHED' && (
          <>
            {' · '}
            <a href={`/lieux/${place.slug}`}>Voir la page publique</a>
          </>
        )}
        {' · '}
        <Link href={`/admin/lieux/${place.id}/historique`}>Historique</Link>
        {' · '}
        <Link href={`/admin/lieux/${place.id}/ateliers`}>Ateliers de ce lieu</Link>
      </p>
      <PlaceActions placeId={place.id} status={place.status} publish={publish} />
      <PlaceEditor
        place={serialisable}
        version={place.version}
        actions={actions}
        map={{ tileUrl: env().TILE_URL, attribution: env().TILE_ATTRIBUTION }}
        proposal={
          proposal
            ? {
                id: proposal.id,
                sections: SECTION_IDS.filter((section) => Object.keys(SECTIONS[section].schema.shape).some((field) => field in (proposal.changes as object))),
              }
            : undefined
        }
      />
    </>
  );
}

/** "Tout est à jour", and the status changes the user may make. */
function PlaceActions({ placeId, status, publish }: { placeId: string; status: keyof typeof STATUS; publish: boolean }) {
  return (
    <div className="admin-actions">
      <form
        action={async () => {
          'use server';
          await confirmAction(placeId);
        }}
      >
        <button type="submit" className="button button--small">
          Tout est à jour (vérifié aujourd’hui)
        </button>
      </form>
      {publish && status !== 'PUBLISHED' && (
        <form
          action={async () => {
            'use server';
            await statusAction(placeId, 'PUBLISHED');
          }}
        >
          <button type="submit" className="button button--small">
            {status === 'ARCHIVED' ? 'Restaurer et publier' : 'Publier'}
          </button>
        </form>
      )}
      {publish && status === 'PUBLISHED' && (
        <form
          action={async () => {
            'use server';
            await statusAction(placeId, 'DRAFT');
          }}
        >
          <button type="submit" className="button button--small">
            Dépublier
          </button>
        </form>
      )}
      {publish && status !== 'ARCHIVED' && (
        <form
          action={async () => {
            'use server';
            await statusAction(placeId, 'ARCHIVED');
          }}
        >
          <button type="submit" className="button button--small button--danger">
            Archiver
          </button>
        </form>
      )}
    </div>
  );
}
