// Before → after values of a revision, as a table.
const show = (value: unknown) =>
  Array.isArray(value) ? value.join(', ') || '(vide)' : value === null || value === undefined || value === '' ? '(vide)' : String(value);

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
            <th scope="row">{field}</th>
            <td>
              <del>{show(change.before)}</del>
            </td>
            <td>
              <ins>{show(change.after)}</ins>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
