// "Garder les lieux de mon département sur ce téléphone" (issue #21): the place on the search page
// and the offline page where a phone keeps a département's places and searches them without a
// network. Hidden without JavaScript (it needs the browser's storage); components/islands/offline-boot.ts
// shows it and loads the offline search (components/islands/offline.ts) only when needed.
import { departementList } from '@/lib/geo/departements';

type Props = { departement?: string; headingLevel?: 2 | 3 };

export function OfflinePanel({ departement, headingLevel = 2 }: Props) {
  const Heading = `h${headingLevel}` as const;
  return (
    <section className="offline-panel container" data-offline-panel="" hidden aria-labelledby="offline-panel-title">
      <Heading id="offline-panel-title">Sans connexion</Heading>
      <p>Gardez les lieux d’un département sur ce téléphone : vous pourrez les chercher même sans réseau.</p>
      <form className="offline-panel__download" data-offline-download="" action="/hors-ligne" method="get">
        <label htmlFor="offline-departement">Département</label>
        <select id="offline-departement" name="departement" defaultValue={departement ?? ''} required>
          <option value="">Choisissez un département</option>
          {departementList().map((d) => (
            <option key={d.code} value={d.code}>
              {d.code} — {d.name}
            </option>
          ))}
        </select>
        <button type="submit" className="button">
          Garder les lieux de mon département sur ce téléphone
        </button>
      </form>
      <p role="status" data-offline-status=""></p>
      <div data-offline-search=""></div>
    </section>
  );
}
