// The coverage map of the public territory pages, in plain Leaflet: one circle per commune, its
// area following the population and its colour the distance to the nearest help. Mounted from its
// data block (components/coverage/CoverageReport.tsx, PlainCoverageMap) by site.ts, loaded only
// when the page has one.
import L from 'leaflet';
import { BANDS, bandOf } from '../coverage/bands';

export type CoveragePoint = { code: string; name: string; lat: number; lng: number; population: number; km: number | null };
export type CoverageMapConfig = { points: CoveragePoint[]; tileUrl: string; attribution: string };

const km = (value: number | null) => (value === null ? 'aucun lieu' : `${value.toFixed(1).replace('.', ',')} km`);

export function mountCoverageMap(panel: HTMLElement) {
  const configElement = panel.querySelector('script[type="application/json"]');
  const container = panel.querySelector<HTMLElement>('.results-map');
  if (!configElement?.textContent || !container) return;
  const { points, tileUrl, attribution } = JSON.parse(configElement.textContent) as CoverageMapConfig;
  container.classList.remove('results-map--loading');
  container.textContent = '';
  const map = L.map(container, { center: [46.6, 2.4], zoom: 8, zoomSnap: 0.25, scrollWheelZoom: false, attributionControl: true });
  L.tileLayer(tileUrl, { attribution }).addTo(map);
  const max = Math.max(1, ...points.map((p) => p.population));
  for (const p of points) {
    L.circleMarker([p.lat, p.lng], {
      radius: 3 + 15 * Math.sqrt(p.population / max),
      color: '#1e1e1e',
      weight: 1,
      fillColor: BANDS[bandOf(p.km)].color,
      fillOpacity: 0.8,
    })
      .bindTooltip(`${p.name} — ${p.population.toLocaleString('fr-FR')} hab. — ${km(p.km)}`)
      .addTo(map);
  }
  if (points.length) {
    const lats = points.map((p) => p.lat);
    const lngs = points.map((p) => p.lng);
    map.fitBounds(
      [
        [Math.min(...lats), Math.min(...lngs)],
        [Math.max(...lats), Math.max(...lngs)],
      ],
      { padding: [20, 20], animate: false },
    );
  }
}
