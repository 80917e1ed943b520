// The search pages' script (/recherche, /embed). The server sends the whole page as HTML that
// works without JavaScript; this adds what needs the browser: place suggestions and "Autour de
// moi", "Ajouter à ma sélection", and the map (loaded after the list, only when there is one).
import { enhanceLocationFields } from './location';
import { enhanceSelection } from './selection';

enhanceLocationFields(document);
enhanceSelection(document);

const mapPanel = document.querySelector<HTMLElement>('[data-results-map]');
if (mapPanel) {
  void import('./map').then(({ mountResultsMap }) => mountResultsMap(mapPanel));
}
