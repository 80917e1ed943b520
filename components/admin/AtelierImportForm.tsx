// The back-office form importing a place's existing calendar (.ics) into its ateliers, and the
// report of the last import. A plain multipart form to a route handler: works without JavaScript.
import type { ImportReportFlash } from '@/lib/ateliers/import-report';
import { SERVICE_PLAIN } from '@/lib/standard/plain-words';

type Props = { placeId: string; report: ImportReportFlash | null; maxMegabytes: number; maxEvents: number };

export function AtelierImportForm({ placeId, report, maxMegabytes, maxEvents }: Props) {
  return (
    <section className="editor-section" aria-labelledby="import-calendrier">
      <h2 id="import-calendrier">Importer un calendrier (.ics)</h2>
      {report && (
        <div role={report.ok ? 'status' : 'alert'} className={report.ok ? 'notice notice--success' : 'notice notice--error'} id="rapport-import">
          <p>
            <strong>{report.ok ? 'Calendrier importé.' : 'Import incomplet ou refusé.'}</strong>
          </p>
          <ul>
            {report.lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
          {report.omitted > 0 && <p>… et {report.omitted} autre(s) ligne(s) : importez en ligne de commande pour la liste complète.</p>}
        </div>
      )}
      <p>
        Le fichier exporté de votre agenda (Google Agenda, Outlook, Thunderbird…), au plus {maxMegabytes} Mo et {maxEvents} évènements. Importer de nouveau le
        même calendrier met à jour ses ateliers sans doublon ; un évènement qui n’y est plus voit ses séances à venir annulées. Les ateliers créés ici à la main
        ne sont jamais touchés.
      </p>
      <form method="post" action={`/admin/lieux/${placeId}/ateliers/import`} encType="multipart/form-data">
        <div className="field">
          <label htmlFor="f-calendrier">Fichier du calendrier (.ics)</label>
          <input id="f-calendrier" type="file" name="calendrier" accept=".ics,text/calendar" required />
        </div>
        <div className="field">
          <label htmlFor="f-theme">Thème des évènements sans catégorie du standard</label>
          <select id="f-theme" name="theme" defaultValue="">
            <option value="">— aucun : ces évènements sont refusés —</option>
            {Object.entries(SERVICE_PLAIN).map(([key, plain]) => (
              <option key={key} value={key}>
                {plain.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <input id="f-essai" type="checkbox" name="essai" value="oui" /> <label htmlFor="f-essai">Essai : vérifier sans rien enregistrer</label>
        </div>
        <button type="submit" className="button">
          Importer le calendrier
        </button>
      </form>
    </section>
  );
}
