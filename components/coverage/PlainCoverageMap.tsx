// The coverage map's place on the public territory pages (rendered by lib/render): its data block
// and legend, drawn by the public pages' script (components/islands/coverage-map.ts). Without
// JavaScript the stylesheet hides it (@media (scripting: none)): the tables give the same facts.
import type { CoverageMapConfig } from '@/components/islands/coverage-map';
import { safeJson } from '@/lib/places/structured-data';
import { CoverageLegend } from './CoverageLegend';

export function PlainCoverageMap(config: CoverageMapConfig) {
  return (
    <section
      className="map-panel"
      aria-label="Carte des communes selon la distance au lieu le plus proche (les tableaux donnent les mêmes chiffres)"
      data-coverage-map=""
    >
      <div className="results-map results-map--loading">Chargement de la carte…</div>
      <script type="application/json" dangerouslySetInnerHTML={{ __html: safeJson(config) }} />
      <CoverageLegend />
    </section>
  );
}
