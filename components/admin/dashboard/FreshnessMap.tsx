// The network's places on a plain SVG map, coloured by freshness (issue #23): drawn on the server,
// no script and no tiles; the territory's communes are faint dots for bearings. Each dot names its
// place (SVG <title>); the legend carries the counts, so the colours are never the only cue. With
// the page's script, a button offers the same places on map tiles (FreshnessMapIsland).
import { FRESHNESS_BANDS, type FreshnessBand } from '@/lib/networks/freshness-bands';
import type { NetworkFreshness } from '@/lib/networks/freshness';
import { FreshnessMapIsland } from './FreshnessMapIsland';

type Props = {
  freshness: NetworkFreshness;
  background: Array<{ latitude: number; longitude: number }>;
  /** The tile server for the optional map (TILE_URL, TILE_ATTRIBUTION). */
  tiles: { tileUrl: string; attribution: string };
};

const WIDTH = 600;
const MARGIN = 12;
const COLOR = Object.fromEntries(FRESHNESS_BANDS.map((b) => [b.key, b.color])) as Record<FreshnessBand, string>;
const LABEL = Object.fromEntries(FRESHNESS_BANDS.map((b) => [b.key, b.label])) as Record<FreshnessBand, string>;

/** An equirectangular projection of the points' box (longitudes shrunk by the cosine of the middle latitude), WIDTH wide. */
function projection(points: Array<{ latitude: number; longitude: number }>) {
  const lats = points.map((p) => p.latitude);
  const lngs = points.map((p) => p.longitude);
  const [minLat, maxLat, minLng, maxLng] = [Math.min(...lats), Math.max(...lats), Math.min(...lngs), Math.max(...lngs)];
  const shrink = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLng - minLng) * shrink, 0.01);
  const spanY = Math.max(maxLat - minLat, 0.01);
  const scale = (WIDTH - 2 * MARGIN) / spanX;
  const height = Math.round(Math.min(spanY * scale, 2 * WIDTH) + 2 * MARGIN);
  const fit = Math.min(scale, (height - 2 * MARGIN) / spanY);
  return {
    height,
    x: (lng: number) => +(MARGIN + (lng - minLng) * shrink * fit).toFixed(1),
    y: (lat: number) => +(MARGIN + (maxLat - lat) * fit).toFixed(1),
  };
}

export function FreshnessMap({ freshness, background, tiles }: Props) {
  const { points, today, withoutPosition } = freshness;
  const all = [...background, ...points];
  return (
    <section aria-labelledby="carte-fraicheur" className="dashboard-block" data-testid="freshness-map">
      <h2 id="carte-fraicheur">Carte de la fraîcheur des fiches</h2>
      {points.length === 0 ? <p>Aucun lieu du réseau n’a de position connue.</p> : <FreshnessSvg points={points} all={all} background={background} />}
      <ul className="freshness-legend" aria-label="Légende de la carte">
        {FRESHNESS_BANDS.map((band) => (
          <li key={band.key}>
            <span className="freshness-legend__swatch" style={{ background: band.color }} aria-hidden="true" /> {band.label} :{' '}
            <strong>{today[band.key]}</strong>
          </li>
        ))}
      </ul>
      {withoutPosition > 0 && <p className="muted">{withoutPosition} lieu(x) sans position ne figurent pas sur la carte.</p>}
      <FreshnessMapIsland
        points={points.map((p) => ({ id: p.id, name: p.name, band: p.band, lat: p.latitude, lng: p.longitude }))}
        tileUrl={tiles.tileUrl}
        attribution={tiles.attribution}
      />
    </section>
  );
}

function FreshnessSvg({
  points,
  all,
  background,
}: {
  points: NetworkFreshness['points'];
  all: Array<{ latitude: number; longitude: number }>;
  background: Props['background'];
}) {
  const map = projection(all);
  const summary = FRESHNESS_BANDS.map((b) => `${points.filter((p) => p.band === b.key).length} ${b.label}`).join(', ');
  return (
    <svg className="freshness-map" viewBox={`0 0 ${WIDTH} ${map.height}`} role="img" aria-label={`Carte des ${points.length} lieux situés : ${summary}.`}>
      <g fill="#c9c9c9" aria-hidden="true">
        {background.map((c, i) => (
          <circle key={i} cx={map.x(c.longitude)} cy={map.y(c.latitude)} r={1.6} />
        ))}
      </g>
      {/* The stalest drawn last, on top: they are what the coordinator looks for. */}
      {[...points]
        .sort((a, b) => FRESHNESS_BANDS.findIndex((x) => x.key === a.band) - FRESHNESS_BANDS.findIndex((x) => x.key === b.band))
        .map((p) => (
          <circle key={p.id} cx={map.x(p.longitude)} cy={map.y(p.latitude)} r={5} fill={COLOR[p.band]} stroke="#1e1e1e" strokeWidth={0.8} data-band={p.band}>
            <title>{`${p.name} (${p.commune}) — ${LABEL[p.band]}`}</title>
          </circle>
        ))}
    </svg>
  );
}
