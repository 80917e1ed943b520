// The results map, in plain Leaflet (the public pages mount it from their data block): clustered markers, synchronised with the list (hovering or
// focusing a card highlights its marker; clicking a marker brings its card), and "Rechercher dans
// cette zone" once the person has moved the map. The list stays the accessible path: the map is
// a complement and never traps the keyboard focus. Tiles come from the configured URL; without a
// reachable tile server the markers still show.
import { text } from './messages';
import L from 'leaflet';
import 'leaflet.markercluster';

export type MapMarker = { id: string; lat: number; lng: number; label: string; href: string; detail?: string };

export type ResultsMapConfig = {
  markers: MapMarker[];
  tileUrl: string;
  attribution: string;
  /** Where "Rechercher dans cette zone" sends the person (lat, lng, rayon are added). */
  searchAreaBase?: string;
  center?: { lat: number; lng: number } | null;
  linkTarget?: '_top';
};

const icon = (active: boolean) =>
  L.divIcon({
    className: `map-pin${active ? ' map-pin--active' : ''}`,
    html: '<span></span>',
    iconSize: [26, 26],
    iconAnchor: [13, 26],
    popupAnchor: [0, -24],
  });

function popup(marker: MapMarker, linkTarget?: string) {
  const wrapper = document.createElement('div');
  const title = wrapper.appendChild(document.createElement('p'));
  title.className = 'map-popup__title';
  const link = title.appendChild(document.createElement('a'));
  link.href = marker.href;
  link.textContent = marker.label;
  if (linkTarget) link.target = linkTarget;
  if (marker.detail) {
    const detail = wrapper.appendChild(document.createElement('p'));
    detail.className = 'map-popup__detail';
    detail.textContent = marker.detail;
  }
  return wrapper;
}

/** The public pages' map: its configuration is the JSON data block inside its panel. */
export function mountResultsMap(panel: HTMLElement) {
  const configElement = panel.querySelector('script[type="application/json"]');
  const container = panel.querySelector<HTMLElement>('.results-map');
  if (!configElement?.textContent || !container) return;
  panel.hidden = false;
  container.classList.remove('results-map--loading');
  container.textContent = '';
  createResultsMap(container, JSON.parse(configElement.textContent) as ResultsMapConfig);
}

/** Draws the map in `container`; returns what removes it (the React wrapper unmounts it). */
export function createResultsMap(container: HTMLElement, config: ResultsMapConfig): () => void {
  const start = config.center ?? (config.markers[0] ? { lat: config.markers[0].lat, lng: config.markers[0].lng } : { lat: 46.6, lng: 2.4 });
  const map = L.map(container, {
    center: [start.lat, start.lng],
    zoom: config.center ? 11 : 6,
    scrollWheelZoom: false,
    zoomControl: false,
    attributionControl: false,
  });
  // Controls on the start side of the page's direction: top right on an Arabic or Dari page.
  const rtl = document.documentElement.dir === 'rtl';
  L.control.zoom({ position: rtl ? 'topright' : 'topleft' }).addTo(map);
  L.control.attribution({ position: rtl ? 'bottomleft' : 'bottomright' }).addTo(map);
  L.tileLayer(config.tileUrl, { attribution: config.attribution }).addTo(map);

  // No cluster animations: less work on old phones, and no half-faded counts (they failed contrast mid-fade).
  const cluster = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 45, animate: false, animateAddingMarkers: false });
  const markers = new Map<string, L.Marker>();
  for (const m of config.markers) {
    const marker = L.marker([m.lat, m.lng], { icon: icon(false), title: m.label, alt: m.label, keyboard: true });
    marker.bindPopup(() => popup(m, config.linkTarget));
    marker.on('click', () => {
      const card = document.querySelector<HTMLElement>(`[data-place-id="${CSS.escape(m.id)}"]`);
      if (!card) return;
      card.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
      card.classList.add('result-card--active');
      window.setTimeout(() => card.classList.remove('result-card--active'), 2000);
    });
    markers.set(m.id, marker);
    cluster.addLayer(marker);
  }
  map.addLayer(cluster);
  if (config.markers.length) {
    map.fitBounds(L.latLngBounds(config.markers.map((m) => [m.lat, m.lng] as [number, number])), { padding: [30, 30], maxZoom: 14, animate: false });
  }

  // Card → marker: highlight the marker of the hovered or focused card.
  let active: L.Marker | undefined;
  const highlight = (event: Event) => {
    const card = (event.target as Element | null)?.closest?.('[data-place-id]');
    const marker = card ? markers.get(card.getAttribute('data-place-id') ?? '') : undefined;
    if (marker === active) return;
    active?.setIcon(icon(false));
    active = marker;
    if (marker) {
      marker.setIcon(icon(true));
      cluster.zoomToShowLayer(marker, () => undefined);
    }
  };
  document.addEventListener('mouseover', highlight);
  document.addEventListener('focusin', highlight);

  if (config.searchAreaBase) offerSearchThisArea(map, container, config.searchAreaBase);
  return () => {
    document.removeEventListener('mouseover', highlight);
    document.removeEventListener('focusin', highlight);
    map.remove();
  };
}

/** "Rechercher dans cette zone", shown once the person (not the page) has moved the map. */
function offerSearchThisArea(map: L.Map, container: HTMLElement, base: string) {
  let userMoved = false;
  let shown = false;
  map.on('dragstart', () => (userMoved = true));
  map.on('zoomstart', (event) => {
    if ((event as unknown as { originalEvent?: Event }).originalEvent) userMoved = true;
  });
  // Zoom buttons and the keyboard zoom through the map's own controls: count them as the person's.
  container.addEventListener('click', (event) => {
    if ((event.target as Element).closest('.leaflet-control-zoom')) userMoved = true;
  });
  container.addEventListener('keydown', () => (userMoved = true));
  map.on('moveend', () => {
    if (!userMoved || shown) return;
    shown = true;
    const wrapper = document.createElement('div');
    wrapper.className = 'map-search-area';
    const button = wrapper.appendChild(document.createElement('button'));
    button.type = 'button';
    button.className = 'button button--primary button--small';
    button.textContent = text('island.searchArea');
    L.DomEvent.disableClickPropagation(wrapper);
    button.addEventListener('click', () => {
      const center = map.getCenter();
      const corner = map.getBounds().getNorthEast();
      const km = Math.min(100, Math.max(2, Math.round(center.distanceTo(corner) / 1000)));
      const url = new URL(base, window.location.href);
      url.searchParams.delete('ou');
      url.searchParams.delete('page');
      url.searchParams.set('lat', center.lat.toFixed(5));
      url.searchParams.set('lng', center.lng.toFixed(5));
      url.searchParams.set('rayon', String(km));
      window.location.assign(url.toString());
    });
    container.appendChild(wrapper);
  });
}
