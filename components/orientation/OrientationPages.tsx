// The orientation pages as plain markup (rendered by lib/render: app/orienter/route.ts,
// app/orienter/fiche/route.ts, app/orienter/selection/route.ts). The steps are GET forms; what
// needs the browser's storage is drawn by the public pages' scripts: "Imprimer" and "Ajouter ces
// lieux à ma sélection" by components/islands/selection.ts (sent hidden), the selection sheet by
// components/islands/selection-sheet.ts (SelectionSheet.tsx, rendered by Preact), which reads its
// words from the JSON this page writes (words.tsx). In the page's language (`t`, lib/i18n).
import { MESSAGES, type MessageKey, type Translator } from '@/lib/i18n';
import type { FichePlace } from '@/lib/orientation/fiche';
import type { FicheSession } from '@/lib/orientation/sessions';
import { safeJson } from '@/lib/places/structured-data';
import type { SearchParams } from '@/lib/search/page';
import { FicheView } from './FicheView';
import { OrientationSteps } from './OrientationSteps';
import { isBrowserKey, rich, WORDS_ID } from './words';

export function OrientationView({ params, t }: { params: SearchParams; t: Translator }) {
  return (
    <div className="container orientation">
      <h1>{t('orient.title')}</h1>
      <p className="orientation__intro">{rich(t, 'orient.intro', { selection: <a href={t.path('/orienter/selection')}>{t('orient.introSelection')}</a> })}</p>
      <OrientationSteps params={params} t={t} />
    </div>
  );
}

/** The page a shared link opens: the chosen places, up to date, and nothing about the person. */
export function SharedFicheView({ places, sessions, mailto, t }: { places: FichePlace[]; sessions: FicheSession[]; mailto: string; t: Translator }) {
  return (
    <div className="container">
      <h1 className="no-print">{t('orient.shared.heading')}</h1>
      {places.length === 0 && sessions.length === 0 ? (
        <p className="notice">{rich(t, 'orient.shared.empty', { search: <a href={t.path('/recherche')}>{t('orient.shared.emptySearch')}</a> })}</p>
      ) : (
        <>
          <div className="selection-actions no-print">
            <button type="button" className="button" data-print-fiche="" hidden>
              {t('island.print')}
            </button>
            <button type="button" className="button" data-add-all={JSON.stringify(places.map((p) => ({ id: p.id, slug: p.slug, name: p.name })))} hidden>
              {t('orient.shared.addAll')}
            </button>
            <span role="status" className="hint" data-add-all-status="" />
            {/* Works without JavaScript: the professional's own mail app sends it, not our server. */}
            <a className="button" href={mailto}>
              {t('orient.sheet.mailApp')}
            </a>
          </div>
          <FicheView places={places} sessions={sessions} t={t} />
        </>
      )}
    </div>
  );
}

/** The words the selection sheet says in the browser, in the page's language (French where a translation is missing). */
function browserWords(t: Translator): Record<string, string> {
  const french = MESSAGES.fr;
  return Object.fromEntries((Object.keys(french) as MessageKey[]).filter(isBrowserKey).map((key) => [key, MESSAGES[t.locale][key] ?? (french[key] as string)]));
}

/** "Ma sélection": kept in the browser, so its script draws the sheet (SelectionSheet.tsx) in the placeholder. */
export function SelectionView({ canSendByMail, t }: { canSendByMail: boolean; t: Translator }) {
  return (
    <div className="container">
      <h1 className="no-print">{t('nav.selection')}</h1>
      <noscript>
        <p className="notice notice--warning">{t('orient.selection.noscript')}</p>
      </noscript>
      <div data-selection-sheet="" data-can-send-by-mail={canSendByMail ? 'true' : 'false'}>
        <p>{t('orient.sheet.loading')}</p>
      </div>
      <script type="application/json" id={WORDS_ID} dangerouslySetInnerHTML={{ __html: safeJson({ locale: t.locale, messages: browserWords(t) }) }} />
    </div>
  );
}
