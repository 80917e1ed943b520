'use client';
// Loads the map code only in the browser and only when the page shows a map, so the list renders
// at once and works without JavaScript.
import dynamic from 'next/dynamic';
import type { ComponentProps } from 'react';
import type ResultsMap from './ResultsMap';

const Map = dynamic(() => import('./ResultsMap'), {
  ssr: false,
  loading: () => <div className="results-map results-map--loading">Chargement de la carte…</div>,
});

export function LazyResultsMap({
  label = 'Carte des résultats (la liste donne les mêmes lieux)',
  ...props
}: ComponentProps<typeof ResultsMap> & { label?: string }) {
  return (
    <section className="map-panel" aria-label={label}>
      <Map {...props} />
    </section>
  );
}
