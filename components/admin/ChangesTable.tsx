// Before → after values of a revision, as a table, in plain words (lib/editing/change-words.ts):
// hours as week tables, phones as dialled, lists as the search's words.
import { HoursTable } from '@/components/hours/HoursTable';
import { changeWords, fieldLabel } from '@/lib/editing/change-words';

function Value({ field, value, when }: { field: string; value: unknown; when: 'avant' | 'après' }) {
  const shown = changeWords(field, value);
  if (shown.kind === 'hours') return <HoursTable hours={shown.hours} caption={`${fieldLabel(field)}, ${when}`} />;
  return when === 'avant' ? <del>{shown.text}</del> : <ins>{shown.text}</ins>;
}

export function ChangesTable({ changes }: { changes: Record<string, { before: unknown; after: unknown }> }) {
  return (
    <table className="diff">
      <thead>
        <tr>
          <th scope="col">Champ</th>
          <th scope="col">Avant</th>
          <th scope="col">Après</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(changes).map(([field, change]) => (
          <tr key={field}>
            <th scope="row">{fieldLabel(field)}</th>
            <td className="diff__before">
              <Value field={field} value={change.before} when="avant" />
            </td>
            <td className="diff__after">
              <Value field={field} value={change.after} when="après" />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
