// Before → after values of a revision, as a table, in plain words (lib/editing/change-words.ts):
// hours as week tables, phones as dialled, lists as the search's words.
import { HoursTable } from '@/components/hours/HoursTable';
import { changeWords, fieldLabel } from '@/lib/editing/change-words';

function Value({ field, value, when, other }: { field: string; value: unknown; when: 'avant' | 'après'; other?: unknown }) {
  const shown = changeWords(field, value);
  if (shown.kind === 'hours') {
    // After: the days that differ from before are marked.
    const before = other === undefined ? null : changeWords(field, other);
    const was = new Map(before?.kind === 'hours' ? before.hours.rows.map((r) => [r.day, r.text]) : []);
    const changed = before ? new Set(shown.hours.rows.filter((r) => was.get(r.day) !== r.text).map((r) => r.day)) : undefined;
    return <HoursTable hours={shown.hours} caption={`${fieldLabel(field)}, ${when}`} changed={changed} />;
  }
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
              <Value field={field} value={change.after} when="après" other={change.before} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
