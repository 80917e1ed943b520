// "Garder les lieux de mon département sur ce téléphone" (issue #21): the place on the search page
// and the offline page where a phone keeps a département's places and searches them without a
// network. Hidden without JavaScript (it needs the browser's storage); components/islands/offline-boot.ts
// shows it and loads the offline search (components/islands/offline.ts) only when needed.
import { departementList } from '@/lib/geo/departements';
import { escapeHtml } from '@/lib/render/escape';

type Props = { departement?: string; headingLevel?: 2 | 3 };

const optionsByChoice = new Map<string, string>();

/**
 * The 102 options of the list, as markup made once per chosen département: the same list on every
 * search page, which React built element by element each time (a tenth of the page's elements).
 */
function departementOptions(chosen = ''): string {
  let html = optionsByChoice.get(chosen);
  if (html === undefined) {
    const option = (value: string, label: string) =>
      `<option value="${escapeHtml(value)}"${value === chosen ? ' selected=""' : ''}>${escapeHtml(label)}</option>`;
    html = [option('', 'Choisissez un département'), ...departementList().map((d) => option(d.code, `${d.code} — ${d.name}`))].join('');
    // Only real codes are kept: an unknown one (typed in an address) makes no entry.
    if (chosen === '' || departementList().some((d) => d.code === chosen)) optionsByChoice.set(chosen, html);
  }
  return html;
}

export function OfflinePanel({ departement, headingLevel = 2 }: Props) {
  const Heading = `h${headingLevel}` as const;
  return (
    <section className="offline-panel container" data-offline-panel="" hidden aria-labelledby="offline-panel-title">
      <Heading id="offline-panel-title">Sans connexion</Heading>
      <p>Gardez les lieux d’un département sur ce téléphone : vous pourrez les chercher même sans réseau.</p>
      <form className="offline-panel__download" data-offline-download="" action="/hors-ligne" method="get">
        <label htmlFor="offline-departement">Département</label>
        <select id="offline-departement" name="departement" required dangerouslySetInnerHTML={{ __html: departementOptions(departement) }} />
        <button type="submit" className="button">
          Garder les lieux de mon département sur ce téléphone
        </button>
      </form>
      <p role="status" data-offline-status=""></p>
      <div data-offline-search=""></div>
    </section>
  );
}
