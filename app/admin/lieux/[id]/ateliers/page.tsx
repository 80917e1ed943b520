// A place's ateliers in the back-office: create one (or a series), cancel a session or a whole
// series, open the registrations list. Only for whoever may manage the place's ateliers.
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AtelierForm } from '@/components/admin/AtelierForm';
import { ateliersOfPlace, copyValues } from '@/lib/ateliers/admin';
import { sessionWhen } from '@/lib/ateliers/format';
import { requireUser } from '@/lib/auth/session';
import { cancelAtelierAction, cancelSessionAction, createAtelierAction } from './actions';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ copier?: string }> };

export default async function PlaceAteliers({ params, searchParams }: Props) {
  const { id } = await params;
  const { copier } = await searchParams;
  const user = await requireUser(`/admin/lieux/${id}/ateliers`);
  const data = await ateliersOfPlace(user, id);
  if (!data) notFound();
  // « Copier »: the form starts from one of this place's ateliers (found in the list the user may see).
  const source = copier ? data.ateliers.find((a) => a.id === copier) : undefined;
  return (
    <>
      <p>
        <Link href={`/admin/lieux/${id}`}>← {data.place.name}</Link>
      </p>
      <h1>Ateliers — {data.place.name}</h1>
      <p>
        <Link href={`/admin/ateliers?lieu=${id}`}>La semaine de ce lieu</Link>
      </p>
      {data.ateliers.length === 0 && <p>Aucun atelier pour l’instant.</p>}
      {data.ateliers.map((a) => (
        <section key={a.id} className="editor-section" aria-labelledby={`atelier-${a.id}`}>
          <h2 id={`atelier-${a.id}`}>
            {a.cancelledAt ? 'Annulé : ' : ''}
            {a.title}
          </h2>
          <p>
            <a href={`/ateliers/${a.slug}`}>Page publique</a>
            {' · '}
            <Link href={`/admin/lieux/${id}/ateliers?copier=${a.id}#nouvel-atelier`}>Copier</Link>
            {a.registrationMode === 'REPERES' && (
              <>
                {' · '}
                <Link href={`/admin/ateliers/${a.id}/inscriptions`}>Inscriptions</Link>
              </>
            )}
          </p>
          <ul className="plain-list">
            {a.sessions.map((s) => (
              <li key={s.id}>
                {sessionWhen(s.startsAt, s.endsAt, a.timeZone)}
                {s.capacity !== null && ` · ${s.seatsTaken}/${s.capacity} inscrits`}
                {s.cancelledAt ? (
                  <strong> · annulée</strong>
                ) : (
                  <form action={cancelSessionAction.bind(null, id)} style={{ display: 'inline' }}>
                    <input type="hidden" name="sessionId" value={s.id} />{' '}
                    <button
                      type="submit"
                      className="button button--small button--danger"
                      aria-label={`Annuler la séance du ${sessionWhen(s.startsAt, s.endsAt, a.timeZone)}`}
                    >
                      Annuler cette séance
                    </button>
                  </form>
                )}
              </li>
            ))}
          </ul>
          {!a.cancelledAt && (
            <form action={cancelAtelierAction.bind(null, id)}>
              <input type="hidden" name="atelierId" value={a.id} />
              <button type="submit" className="button button--danger">
                Annuler tout l’atelier
              </button>
            </form>
          )}
        </section>
      ))}
      <h2 id="nouvel-atelier">{source ? `Nouvel atelier, copié de « ${source.title} »` : 'Nouvel atelier'}</h2>
      <AtelierForm
        key={source?.id ?? 'nouveau'}
        action={createAtelierAction.bind(null, id)}
        stops={data.stops}
        initial={source ? copyValues(source) : undefined}
      />
    </>
  );
}
