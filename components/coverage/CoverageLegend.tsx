// The coverage map's legend (its colours from bands.ts), under the map.
import { BANDS } from './bands';

export function CoverageLegend() {
  return (
    <ul className="coverage-legend" aria-label="Légende de la carte">
      {BANDS.map((band) => (
        <li key={band.label}>
          <span className="coverage-legend__swatch" style={{ background: band.color }} aria-hidden="true" /> {band.label}
        </li>
      ))}
      <li>taille du cercle : population</li>
    </ul>
  );
}
