// The orientation pages as plain markup (rendered by lib/render: app/orienter/route.ts,
// app/orienter/fiche/route.ts, app/orienter/selection/route.ts). The steps are GET forms; what
// needs the browser's storage is drawn by the public pages' scripts: "Imprimer" and "Ajouter ces
// lieux à ma sélection" by components/islands/selection.ts (sent hidden), the selection sheet by
// components/islands/selection-sheet.ts (SelectionSheet.tsx, rendered by Preact).
import type { FichePlace } from '@/lib/orientation/fiche';
import type { FicheSession } from '@/lib/orientation/sessions';
import type { SearchParams } from '@/lib/search/page';
import { FicheView } from './FicheView';
import { OrientationSteps } from './OrientationSteps';

export function OrientationView({ params }: { params: SearchParams }) {
  return (
    <div className="container orientation">
      <h1>Orienter une personne</h1>
      <p className="orientation__intro">
        Quatre questions, chacune facultative, puis les lieux qui conviennent. Ajoutez-les à <a href="/orienter/selection">votre sélection</a> pour remettre une
        fiche d’orientation imprimée, en PDF ou par courriel. Rien de ce qui concerne la personne n’est conservé par Repères.
      </p>
      <OrientationSteps params={params} />
    </div>
  );
}

/** The page a shared link opens: the chosen places, up to date, and nothing about the person. */
export function SharedFicheView({ places, sessions, mailto }: { places: FichePlace[]; sessions: FicheSession[]; mailto: string }) {
  return (
    <div className="container">
      <h1 className="no-print">Les lieux où vous faire aider</h1>
      {places.length === 0 && sessions.length === 0 ? (
        <p className="notice">
          Ce lien ne mène à aucun lieu publié (il est peut-être incomplet). <a href="/recherche">Cherchez un lieu d’aide au numérique</a>.
        </p>
      ) : (
        <>
          <div className="selection-actions no-print">
            <button type="button" className="button" data-print-fiche="" hidden>
              Imprimer
            </button>
            <button type="button" className="button" data-add-all={JSON.stringify(places.map((p) => ({ id: p.id, slug: p.slug, name: p.name })))} hidden>
              Ajouter ces lieux à ma sélection
            </button>
            <span role="status" className="hint" data-add-all-status="" />
            {/* Works without JavaScript: the professional's own mail app sends it, not our server. */}
            <a className="button" href={mailto}>
              Écrire avec ma messagerie
            </a>
          </div>
          <FicheView places={places} sessions={sessions} />
        </>
      )}
    </div>
  );
}

/** "Ma sélection": kept in the browser, so its script draws the sheet (SelectionSheet.tsx) in the placeholder. */
export function SelectionView({ canSendByMail }: { canSendByMail: boolean }) {
  return (
    <div className="container">
      <h1 className="no-print">Ma sélection</h1>
      <noscript>
        <p className="notice notice--warning">
          La sélection est gardée par votre navigateur : cette page a besoin de JavaScript. Les pages des lieux restent imprimables une à une.
        </p>
      </noscript>
      <div data-selection-sheet="" data-can-send-by-mail={canSendByMail ? 'true' : 'false'}>
        <p>Chargement de votre sélection…</p>
      </div>
    </div>
  );
}
