import type { FieldSourceRow } from '@/lib/import/provenance';

/** Which source gave each current value of a place (or that a person set it). */
export function FieldSourcesTable({ rows, sourceName }: { rows: FieldSourceRow[]; sourceName: string | null }) {
  if (rows.length === 0 || rows.every((r) => r.source === null)) return null;
  const day = (iso: string) => new Date(`${iso}T12:00:00Z`).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' });
  return (
    <section aria-labelledby="provenance">
      <h2 id="provenance">Provenance des valeurs</h2>
      <p className="muted">
        Quand plusieurs sources décrivent ce lieu, chaque valeur vient de la ligne la plus récente ; une valeur modifiée ici à la main n’est jamais remplacée par un import.
        {sourceName ? ` Source d’origine de la fiche : « ${sourceName} ».` : ''}
      </p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Information</th>
            <th scope="col">Donnée par</th>
            <th scope="col">Date de la ligne importée</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.field}>
              <th scope="row">{row.label}</th>
              <td>{row.source ? `source « ${row.source} »` : 'saisie dans l’espace d’administration'}</td>
              <td>{row.date ? day(row.date) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
