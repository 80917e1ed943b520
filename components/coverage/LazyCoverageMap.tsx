'use client';
// Loads Leaflet only in the browser, after the tables: the page is complete without JavaScript.
import dynamic from 'next/dynamic';
import type { ComponentProps } from 'react';
import type CoverageMap from './CoverageMap';
import { BANDS } from './bands';

const Map = dynamic(() => import('./CoverageMap'), {
  ssr: false,
  loading: () => <div className="results-map results-map--loading">Chargement de la carte…</div>,
});

export function LazyCoverageMap(props: ComponentProps<typeof CoverageMap>) {
  return (
    <section className="map-panel" aria-label="Carte des communes selon la distance au lieu le plus proche (les tableaux donnent les mêmes chiffres)">
      <Map {...props} />
      <ul className="coverage-legend" aria-label="Légende de la carte">
        {BANDS.map((band) => (
          <li key={band.label}>
            <span className="coverage-legend__swatch" style={{ background: band.color }} aria-hidden="true" /> {band.label}
          </li>
        ))}
        <li>taille du cercle : population</li>
      </ul>
    </section>
  );
}
