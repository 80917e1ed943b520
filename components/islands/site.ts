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

const mapPanel = document.querySelector<HTMLElement>('[data-results-map]');
if (mapPanel) {
  void import('./map').then((map) => map.mountResultsMap(mapPanel));
}
const coveragePanel = document.querySelector<HTMLElement>('[data-coverage-map]');
if (coveragePanel) {
  void import('./coverage-map').then((map) => map.mountCoverageMap(coveragePanel));
}
