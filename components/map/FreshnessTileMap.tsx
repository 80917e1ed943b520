'use client';
// The network's places on OpenStreetMap tiles, coloured by freshness: the optional layer over the
// dashboard's SVG map (components/admin/dashboard/FreshnessMapIsland.tsx), loaded on request only.
import 'leaflet/dist/leaflet.css';
import { CircleMarker, MapContainer, TileLayer, Tooltip } from 'react-leaflet';
import { FRESHNESS_BANDS, type FreshnessBand } from '@/lib/networks/freshness-bands';

export type TilePoint = { id: string; name: string; band: FreshnessBand; lat: number; lng: number };
type Props = { points: TilePoint[]; tileUrl: string; attribution: string };

const COLOR = Object.fromEntries(FRESHNESS_BANDS.map((b) => [b.key, b.color])) as Record<FreshnessBand, string>;
const LABEL = Object.fromEntries(FRESHNESS_BANDS.map((b) => [b.key, b.label])) as Record<FreshnessBand, string>;

export default function FreshnessTileMap({ points, tileUrl, attribution }: Props) {
  const lats = points.map((p) => p.lat);
  const lngs = points.map((p) => p.lng);
  const bounds: [[number, number], [number, number]] = [
    [Math.min(...lats), Math.min(...lngs)],
    [Math.max(...lats), Math.max(...lngs)],
  ];
  return (
    <MapContainer bounds={bounds} boundsOptions={{ padding: [20, 20] }} className="freshness-tiles" scrollWheelZoom={false}>
      <TileLayer url={tileUrl} attribution={attribution} />
      {points.map((p) => (
        <CircleMarker key={p.id} center={[p.lat, p.lng]} radius={7} pathOptions={{ color: '#1e1e1e', weight: 1, fillColor: COLOR[p.band], fillOpacity: 0.9 }}>
          <Tooltip>{`${p.name} — ${LABEL[p.band]}`}</Tooltip>
        </CircleMarker>
      ))}
    </MapContainer>
  );
}
