// A place's week in words (lib/hours/words.ts): "Mardi : 14 h – 18 h" a row, then the special
// cases as sentences. For the campaign page and the review queue; never the OSM syntax.
import type { HoursWords } from '@/lib/hours/words';

/** `changed`: the days to mark as changed (a proposal's "after", beside its "before"). */
export function HoursTable({ hours, caption, changed }: { hours: HoursWords; caption?: string; changed?: Set<string> }) {
  return (
    <div className="hours-words">
      {hours.rows.length > 0 && (
        <table>
          {caption && <caption className="visually-hidden">{caption}</caption>}
          <tbody>
            {hours.rows.map((row) => (
              <tr key={row.day}>
                <th scope="row">{row.day} :</th>
                <td>{changed?.has(row.day) ? <ins>{row.text}</ins> : row.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {hours.notes.map((note) => (
        <p key={note}>{note}</p>
      ))}
    </div>
  );
}
