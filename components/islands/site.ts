// The script of the public pages rendered without Next.js's client runtime (search, embed, place
// pages). The server sends whole pages that work without JavaScript; this adds what needs the
// browser: place suggestions and "Autour de moi", "Ajouter à ma sélection", sharing, and the map
// (its code loaded after the page, only when there is one).
import { enhanceLocationFields } from './location';
import { bootOffline } from './offline-boot';
import { enhanceSelection } from './selection';
import { enhanceShareButtons } from './share';

enhanceLocationFields(document);
enhanceSelection(document);
enhanceShareButtons(document);
bootOffline(document);

const mapPanel = document.querySelector<HTMLElement>('[data-results-map]');
if (mapPanel) {
  void import('./map').then((map) => map.mountResultsMap(mapPanel));
}
