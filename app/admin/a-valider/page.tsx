import Link from 'next/link';
import { ChangesTable } from '@/components/admin/ChangesTable';
import { canSeeReviewQueue } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { reviewQueue } from '@/lib/editing/reads';
import { SUGGESTION_PARTS } from '@/lib/places/suggestion-parts';
import { closeSuggestionAction, reviewAction } from '../actions';

export const metadata = { title: 'À valider' };

type Revision = Awaited<ReturnType<typeof reviewQueue>>['revisions'][number];
type Suggestion = Awaited<ReturnType<typeof reviewQueue>>['suggestions'][number];

export default async function ReviewQueue() {
  const user = await requireUser('/admin/a-valider');
  if (!canSeeReviewQueue(user)) return <p>Les modifications des responsables de lieux sont validées par la coordination du réseau.</p>;
  const { revisions, suggestions } = await reviewQueue(user);
  return (
    <>
      <h1>À valider</h1>
      <h2>Modifications proposées ({revisions.length})</h2>
      {revisions.length === 0 && <p>Aucune modification en attente.</p>}
      <ul className="review-list">
        {revisions.map((revision) => (
          <RevisionItem key={revision.id} revision={revision} />
        ))}
      </ul>
      <h2>Signalements du public ({suggestions.length})</h2>
      {suggestions.length === 0 && <p>Aucun signalement en attente.</p>}
      <ul className="review-list">
        {suggestions.map((suggestion) => (
          <SuggestionItem key={suggestion.id} suggestion={suggestion} />
        ))}
      </ul>
    </>
  );
}

function RevisionItem({ revision }: { revision: Revision }) {
  return (
    <li className="review-item" data-testid="pending-revision">
      <p>
        <Link href={`/admin/lieux/${revision.place.id}`}>{revision.place.name}</Link> — proposé par{' '}
        {revision.author?.name ?? revision.author?.email ?? revision.authorLabel ?? 'inconnu'} le {revision.createdAt.toLocaleDateString('fr-FR')}
        {revision.reason && <> : « {revision.reason} »</>}
      </p>
      <ChangesTable changes={revision.changes as Record<string, { before: unknown; after: unknown }>} />
      <form className="review-actions">
        <label htmlFor={`note-${revision.id}`}>Motif (facultatif)</label>
        <input id={`note-${revision.id}`} name="note" type="text" maxLength={500} />
        <button
          type="submit"
          className="button button--small button--primary"
          formAction={async (form: FormData) => {
            'use server';
            await reviewAction(revision.id, 'apply', form);
          }}
        >
          Valider et publier
        </button>
        <button
          type="submit"
          className="button button--small button--danger"
          formAction={async (form: FormData) => {
            'use server';
            await reviewAction(revision.id, 'reject', form);
          }}
        >
          Refuser
        </button>
        {/* A proposed atelier is approved or refused as it is: its author edits and proposes again. */}
        {revision.kind !== 'ATELIER' && (
          <Link className="button button--small" href={`/admin/lieux/${revision.place.id}?proposition=${revision.id}`}>
            Modifier avant de valider
          </Link>
        )}
      </form>
    </li>
  );
}

function SuggestionItem({ suggestion }: { suggestion: Suggestion }) {
  return (
    <li className="review-item">
      <p>
        <Link href={`/admin/lieux/${suggestion.place.id}`}>{suggestion.place.name}</Link> — {SUGGESTION_PARTS[suggestion.part]} — le{' '}
        {suggestion.createdAt.toLocaleDateString('fr-FR')}
      </p>
      <blockquote className="pre-line">{suggestion.message}</blockquote>
      {/* Repères never writes to this unverified address itself (lib/places/suggestions.ts): the reviewer may, from their own mailbox. */}
      <p className="muted">
        {suggestion.email ? (
          <>
            La personne souhaite une réponse :{' '}
            <a href={`mailto:${encodeURIComponent(suggestion.email)}?subject=${encodeURIComponent(`Votre signalement sur « ${suggestion.place.name} »`)}`}>
              répondre avec ma messagerie
            </a>{' '}
            (l’adresse est oubliée à la clôture).
          </>
        ) : (
          'Pas d’adresse pour répondre.'
        )}
      </p>
      <form className="review-actions">
        <label htmlFor={`note-s-${suggestion.id}`}>Motif (facultatif, gardé dans l’historique)</label>
        <input id={`note-s-${suggestion.id}`} name="note" type="text" maxLength={500} />
        <button
          type="submit"
          className="button button--small button--primary"
          formAction={async (form: FormData) => {
            'use server';
            await closeSuggestionAction(suggestion.id, 'APPLIED', form);
          }}
        >
          Corrigé sur la fiche
        </button>
        <button
          type="submit"
          className="button button--small"
          formAction={async (form: FormData) => {
            'use server';
            await closeSuggestionAction(suggestion.id, 'REJECTED', form);
          }}
        >
          Écarter
        </button>
      </form>
    </li>
  );
}
