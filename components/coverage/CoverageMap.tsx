'use client';
// The coverage map layer: one circle per commune, its area following the population and its
// colour the distance to the nearest help. A complement to the tables, which give the same facts.
import 'leaflet/dist/leaflet.css';
import { useEffect } from 'react';
import { CircleMarker, MapContainer, TileLayer, Tooltip, useMap } from 'react-leaflet';
import { BANDS, bandOf } from './bands';

export type CoveragePoint = { code: string; name: string; lat: number; lng: number; population: number; km: number | null };

function FitBounds({ points }: { points: CoveragePoint[] }) {
  const map = useMap();
  useEffect(() => {
    if (!points.length) return;
    let [south, west, north, east] = [90, 180, -90, -180];
    for (const p of points) {
      south = Math.min(south, p.lat);
      north = Math.max(north, p.lat);
      west = Math.min(west, p.lng);
      east = Math.max(east, p.lng);
    }
    map.fitBounds(
      [
        [south, west],
        [north, east],
      ],
      { padding: [20, 20], animate: false },
    );
  }, [map, points]);
  return null;
}

export default function CoverageMap({ points, tileUrl, attribution }: { points: CoveragePoint[]; tileUrl: string; attribution: string }) {
  const max = Math.max(1, ...points.map((p) => p.population));
  return (
    <MapContainer center={[46.6, 2.4]} zoom={8} zoomSnap={0.25} scrollWheelZoom={false} className="results-map" attributionControl>
      <TileLayer url={tileUrl} attribution={attribution} />
      <FitBounds points={points} />
      {points.map((p) => {
        const band = BANDS[bandOf(p.km)];
        return (
          <CircleMarker
            key={p.code}
            center={[p.lat, p.lng]}
            radius={3 + 15 * Math.sqrt(p.population / max)}
            pathOptions={{ color: '#1e1e1e', weight: 1, fillColor: band.color, fillOpacity: 0.8 }}
          >
            <Tooltip>
              {p.name} — {p.population.toLocaleString('fr-FR')} hab. — {p.km === null ? 'aucun lieu' : `${p.km.toFixed(1).replace('.', ',')} km`}
            </Tooltip>
          </CircleMarker>
        );
      })}
    </MapContainer>
  );
}
