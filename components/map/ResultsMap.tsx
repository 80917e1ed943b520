'use client';
// The results map on App Router pages (network and commune pages): the same map as the public
// pages' script (components/islands/map.ts), mounted by React.
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';
import { useEffect, useRef } from 'react';
import { createResultsMap, type ResultsMapConfig } from '@/components/islands/map';

export type { MapMarker } from '@/components/islands/map';

export default function ResultsMap(config: ResultsMapConfig) {
  const container = useRef<HTMLDivElement>(null);
  const key = JSON.stringify(config);
  useEffect(() => {
    if (!container.current) return;
    return createResultsMap(container.current, JSON.parse(key) as ResultsMapConfig);
  }, [key]);
  return <div ref={container} className="results-map" />;
}
