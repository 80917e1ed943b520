import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { Place } from '@prisma/client';
import { canMergePlaces } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { openDuplicateFlag } from '@/lib/import/duplicate-reads';
import { MERGE_FIELDS, defaultChoices, displayValue, fieldValue, type Choice, type MergeField } from '@/lib/import/merge';
import { dismissAction, mergeAction } from '../actions';

export const metadata = { title: 'Comparer deux fiches' };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

export default async function ComparePage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser(`/admin/fusion/${id}`);
  if (!canMergePlaces(user)) return <p>La fusion des doublons est réservée aux administrateurs.</p>;
  const flag = await openDuplicateFlag(user, id);
  if (!flag) notFound();
  // A: the place already known; B: the one the import created.
  const a: Place = flag.other;
  const b: Place = flag.place;
  const choices = defaultChoices(a, b);
  const details = flag.details as { nameSimilarity?: number; distance?: number | null; sameAddress?: boolean };
  return (
    <>
      <p>
        <Link href="/admin/fusion">← Doublons à fusionner</Link>
      </p>
      <h1>Comparer deux fiches</h1>
      <p>
        Ressemblance {Math.round(flag.score * 100)} % : nom {Math.round((details.nameSimilarity ?? 0) * 100)} %
        {details.distance !== null && details.distance !== undefined ? `, ${details.distance} m l’une de l’autre` : ''}
        {details.sameAddress ? ', même adresse' : ''}.
      </p>
      <form action={mergeAction.bind(null, flag.id)}>
        <fieldset>
          <legend>Fiche conservée (son adresse web reste ; l’autre est archivée et renvoie vers elle)</legend>
          <p>
            <input type="radio" id="garder-a" name="garder" value={a.id} defaultChecked />{' '}
            <label htmlFor="garder-a">
              A — {a.name} ({a.sourceName ?? 'saisie'})
            </label>
          </p>
          <p>
            <input type="radio" id="garder-b" name="garder" value={b.id} />{' '}
            <label htmlFor="garder-b">
              B — {b.name} ({b.sourceName ?? 'saisie'})
            </label>
          </p>
        </fieldset>
        <MergeFields a={a} b={b} choices={choices} />
        <p className="review-actions">
          <button type="submit" className="button button--primary">
            Fusionner les deux fiches
          </button>
        </p>
      </form>
      <form action={dismissAction.bind(null, flag.id)}>
        <button type="submit" className="button">
          Ce ne sont pas les mêmes lieux
        </button>
      </form>
    </>
  );
}

/** For each field, the value to keep: one cell when both places agree, else a choice between A and B. */
function MergeFields({ a, b, choices }: { a: Place; b: Place; choices: Record<MergeField, Choice> }) {
  return (
    <table className="merge-table">
      <caption>Pour chaque information, choisissez la valeur à garder.</caption>
      <thead>
        <tr>
          <th scope="col">Information</th>
          <th scope="col">A — {a.name}</th>
          <th scope="col">B — {b.name}</th>
        </tr>
      </thead>
      <tbody>
        {MERGE_FIELDS.map(([field, label]) => {
          const va = fieldValue(a, field);
          const vb = fieldValue(b, field);
          const same = JSON.stringify(va) === JSON.stringify(vb);
          return (
            <tr key={field}>
              <th scope="row">{label}</th>
              {same ? (
                <td colSpan={2}>
                  {displayValue(a, field)}
                  <input type="hidden" name={`f_${field}`} value="" />
                </td>
              ) : (
                (
                  [
                    [a, 'winner'],
                    [b, 'loser'],
                  ] as const
                ).map(([place, side]) => (
                  <td key={place.id}>
                    <input type="radio" id={`f_${field}_${place.id}`} name={`f_${field}`} value={place.id} defaultChecked={choices[field] === side} />{' '}
                    <label htmlFor={`f_${field}_${place.id}`} className="pre-line">
                      {displayValue(place, field)}
                    </label>
                  </td>
                ))
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
