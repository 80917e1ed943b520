// The script of the public pages rendered without Next.js's client runtime (search, embed, place
// pages, home, orientation, networks, territories…). The server sends whole pages that work
// without JavaScript; this adds what needs the browser: place suggestions and "Autour de moi",
// "Ajouter à ma sélection", printing and sharing, and the maps (their code loaded after the page,
// only when there is one). The selection sheet has its own script (selection-sheet.tsx).
import { enhanceLocationFields } from './location';
import { enhanceMenus } from './menu';
import { bootOffline } from './offline-boot';
import { enhanceSelection } from './selection';
import { enhanceSessionSelection } from './selection-session';
import { enhanceShareButtons } from './share';

enhanceLocationFields(document);
enhanceMenus(document);
enhanceSelection(document);
enhanceSessionSelection(document);
enhanceShareButtons(document);
bootOffline(document);

/**
 * Leaflet's stylesheet (the page names it: PublicDocument), linked once a page has a map and has
 * loaded: a stylesheet added before the load event holds it back a round trip (2 s on Slow 3G), and
 * the map is the page's complement, drawn when its script and this file are both in.
 */
function mapStylesheet(): Promise<void> {
  const href = document.body.dataset.mapCss;
  if (!href || document.querySelector('link[data-map-css]')) return Promise.resolve();
  const loaded = document.readyState === 'complete' ? Promise.resolve() : new Promise((resolve) => window.addEventListener('load', resolve, { once: true }));
  return loaded.then(
    () =>
      new Promise<void>((resolve) => {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = href;
        link.dataset.mapCss = '';
        link.onload = link.onerror = () => resolve();
        document.head.appendChild(link);
      }),
  );
}

const mapPanel = document.querySelector<HTMLElement>('[data-results-map]');
if (mapPanel) {
  void Promise.all([import('./map'), mapStylesheet()]).then(([map]) => map.mountResultsMap(mapPanel));
}
const coveragePanel = document.querySelector<HTMLElement>('[data-coverage-map]');
if (coveragePanel) {
  void Promise.all([import('./coverage-map'), mapStylesheet()]).then(([map]) => map.mountCoverageMap(coveragePanel));
}
