'use client';
// The results map: Leaflet through react-leaflet, clustered markers, synchronised with the list
// (hovering or focusing a card highlights its marker; clicking a marker brings its card), and
// "Rechercher dans cette zone" when the person moves the map. The list stays the accessible path:
// the map is a complement and never traps the keyboard focus.
import L from 'leaflet';
import 'leaflet.markercluster';
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';
import { useEffect, useRef, useState } from 'react';
import { MapContainer, TileLayer, useMap, useMapEvents } from 'react-leaflet';

export type MapMarker = { id: string; lat: number; lng: number; label: string; href: string; detail?: string };

type Props = {
  markers: MapMarker[];
  tileUrl: string;
  attribution: string;
  /** Where "Rechercher dans cette zone" sends the person (lat, lng, rayon are added). */
  searchAreaBase?: string;
  center?: { lat: number; lng: number } | null;
  linkTarget?: '_top';
};

const icon = (active: boolean) =>
  L.divIcon({ className: `map-pin${active ? ' map-pin--active' : ''}`, html: '<span></span>', iconSize: [26, 26], iconAnchor: [13, 26], popupAnchor: [0, -24] });

function escapeHtml(value: string) {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

function Markers({ markers, linkTarget }: { markers: MapMarker[]; linkTarget?: '_top' }) {
  const map = useMap();
  const layers = useRef(new Map<string, L.Marker>());

  useEffect(() => {
    // No cluster animations: less work on old phones, and no half-faded counts (they failed contrast mid-fade).
    const cluster = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 45, animate: false, animateAddingMarkers: false });
    layers.current.clear();
    for (const m of markers) {
      const marker = L.marker([m.lat, m.lng], { icon: icon(false), title: m.label, alt: m.label, keyboard: true });
      const target = linkTarget ? ` target="${linkTarget}"` : '';
      marker.bindPopup(
        `<p class="map-popup__title"><a href="${escapeHtml(m.href)}"${target}>${escapeHtml(m.label)}</a></p>${m.detail ? `<p class="map-popup__detail">${escapeHtml(m.detail)}</p>` : ''}`,
      );
      marker.on('click', () => {
        const card = document.querySelector<HTMLElement>(`[data-place-id="${m.id}"]`);
        if (card) {
          card.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
          card.classList.add('result-card--active');
          window.setTimeout(() => card.classList.remove('result-card--active'), 2000);
        }
      });
      layers.current.set(m.id, marker);
      cluster.addLayer(marker);
    }
    map.addLayer(cluster);
    if (markers.length) {
      const bounds = L.latLngBounds(markers.map((m) => [m.lat, m.lng] as [number, number]));
      map.fitBounds(bounds, { padding: [30, 30], maxZoom: 14, animate: false });
    }

    // Card → marker: highlight the marker of the hovered or focused card.
    let active: L.Marker | undefined;
    const highlight = (event: Event) => {
      const card = (event.target as HTMLElement | null)?.closest?.('[data-place-id]');
      const marker = card ? layers.current.get(card.getAttribute('data-place-id') ?? '') : undefined;
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
    return () => {
      document.removeEventListener('mouseover', highlight);
      document.removeEventListener('focusin', highlight);
      map.removeLayer(cluster);
    };
  }, [map, markers, linkTarget]);
  return null;
}

function SearchThisArea({ base }: { base: string }) {
  const [moved, setMoved] = useState(false);
  const userMoved = useRef(false);
  const map = useMapEvents({
    dragstart: () => (userMoved.current = true),
    zoomstart: (e) => {
      if ((e as unknown as { originalEvent?: Event }).originalEvent) userMoved.current = true;
    },
    moveend: () => {
      if (userMoved.current) setMoved(true);
    },
  });
  if (!moved) return null;
  const go = () => {
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
  };
  return (
    <div className="map-search-area">
      <button type="button" className="button button--primary button--small" onClick={go}>
        Rechercher dans cette zone
      </button>
    </div>
  );
}

export default function ResultsMap({ markers, tileUrl, attribution, searchAreaBase, center, linkTarget }: Props) {
  const start = center ?? (markers[0] ? { lat: markers[0].lat, lng: markers[0].lng } : { lat: 46.6, lng: 2.4 });
  return (
    <MapContainer center={[start.lat, start.lng]} zoom={center ? 11 : 6} scrollWheelZoom={false} className="results-map" attributionControl>
      <TileLayer url={tileUrl} attribution={attribution} />
      <Markers markers={markers} linkTarget={linkTarget} />
      {searchAreaBase && <SearchThisArea base={searchAreaBase} />}
    </MapContainer>
  );
}
