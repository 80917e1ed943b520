import type { FieldSourceRow } from '@/lib/import/provenance';
import { AdminTable } from './AdminTable';

/** Which source gave each current value of a place (or that a person set it). */
export function FieldSourcesTable({ rows, sourceName }: { rows: FieldSourceRow[]; sourceName: string | null }) {
  if (rows.length === 0 || rows.every((r) => r.source === null)) return null;
  const day = (iso: string) => new Date(`${iso}T12:00:00Z`).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' });
  return (
    <section aria-labelledby="provenance">
      <h2 id="provenance">Provenance des valeurs</h2>
      <p className="muted">
        Quand plusieurs sources décrivent ce lieu, chaque valeur vient de la ligne la plus récente ; une valeur modifiée ici à la main n’est jamais remplacée
        par un import.
        {sourceName ? ` Source d’origine de la fiche : « ${sourceName} ».` : ''}
      </p>
      <AdminTable
        className="table"
        rows={rows}
        rowKey={(row) => row.field}
        columns={[
          { header: 'Information', rowHeader: true, cell: (row) => row.label },
          { header: 'Donnée par', cell: (row) => (row.source ? `source « ${row.source} »` : 'saisie dans l’espace d’administration') },
          { header: 'Date de la ligne importée', cell: (row) => (row.date ? day(row.date) : '—') },
        ]}
      />
    </section>
  );
}
