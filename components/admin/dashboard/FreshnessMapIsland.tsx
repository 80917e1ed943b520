'use client';
// Optional: the same places on map tiles, for a coordinator who wants streets and zoom. Offered only
// once the page's script runs (the SVG map above works without it) and loaded only when asked
// (Leaflet and the tiles cost a download the SVG does not).
import dynamic from 'next/dynamic';
import { useState, useSyncExternalStore } from 'react';
import type { TilePoint } from '@/components/map/FreshnessTileMap';

const FreshnessTileMap = dynamic(() => import('@/components/map/FreshnessTileMap'), {
  ssr: false,
  loading: () => <div className="freshness-tiles freshness-tiles--loading">Chargement de la carte…</div>,
});

const noop = () => () => undefined;

export function FreshnessMapIsland({ points, tileUrl, attribution }: { points: TilePoint[]; tileUrl: string; attribution: string }) {
  const scripted = useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
  const [shown, setShown] = useState(false);
  if (!scripted || points.length === 0) return null;
  return shown ? (
    <FreshnessTileMap points={points} tileUrl={tileUrl} attribution={attribution} />
  ) : (
    <p>
      <button type="button" className="button button--small" onClick={() => setShown(true)}>
        Afficher aussi sur un fond de carte (OpenStreetMap)
      </button>
    </p>
  );
}
