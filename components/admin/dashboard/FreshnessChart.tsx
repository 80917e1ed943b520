// The network's freshness at the end of each of the last 12 months (issue #23), as stacked bars in
// a server-rendered SVG, rebuilt from the places' history (lib/networks/freshness.ts). The same
// figures follow in a table, for screen readers and for reading exact numbers.
import { AdminTable } from '@/components/admin/AdminTable';
import { FRESHNESS_BANDS, type FreshnessMonth } from '@/lib/networks/freshness';

const WIDTH = 600;
const HEIGHT = 220;
const AXIS = 28;
const TOP = 8;
const LEFT = 34;

const month = (date: Date) => date.toLocaleDateString('fr-FR', { month: 'short', timeZone: 'UTC' });
const monthYear = (date: Date) => date.toLocaleDateString('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });

export function FreshnessChart({ history }: { history: FreshnessMonth[] }) {
  const max = Math.max(1, ...history.map((m) => m.total));
  const step = (WIDTH - LEFT) / history.length;
  const scale = (HEIGHT - AXIS - TOP) / max;
  const last = history.at(-1);
  return (
    <section aria-labelledby="fraicheur-12-mois" className="dashboard-block" data-testid="freshness-chart">
      <h2 id="fraicheur-12-mois">Fraîcheur sur 12 mois</h2>
      <p>
        Chaque barre compte les fiches du réseau à la fin du mois, selon l’ancienneté de leur dernière confirmation (reconstituée depuis l’historique des
        fiches).
      </p>
      <svg
        className="freshness-chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`Graphique en barres : ${last ? `${last.counts.fresh} fiches confirmées il y a moins de 6 mois sur ${last.total} aujourd’hui` : ''} ; le tableau qui suit donne chaque mois.`}
      >
        <line x1={LEFT} x2={WIDTH} y1={HEIGHT - AXIS} y2={HEIGHT - AXIS} stroke="#1e1e1e" />
        <text x={LEFT - 4} y={TOP + 10} textAnchor="end" fontSize="11">
          {max}
        </text>
        <text x={LEFT - 4} y={HEIGHT - AXIS} textAnchor="end" fontSize="11">
          0
        </text>
        {history.map((m, i) => {
          let y = HEIGHT - AXIS;
          return (
            <g key={m.end.toISOString()}>
              {FRESHNESS_BANDS.map((band) => {
                const h = m.counts[band.key] * scale;
                y -= h;
                return h > 0 ? <rect key={band.key} x={LEFT + i * step + 4} y={y} width={step - 8} height={h} fill={band.color} /> : null;
              })}
              <text x={LEFT + i * step + step / 2} y={HEIGHT - AXIS + 16} textAnchor="middle" fontSize="11">
                {month(m.end)}
              </text>
            </g>
          );
        })}
      </svg>
      <details>
        <summary>Les chiffres du graphique</summary>
        {/* Focusable: on a phone the table scrolls sideways, and a keyboard must be able to scroll it. */}
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Les chiffres du graphique">
          <AdminTable
            caption="Fiches du réseau à la fin de chaque mois, par ancienneté de la dernière confirmation"
            rows={history}
            rowKey={(m) => m.end.toISOString()}
            columns={[
              { header: 'Mois', rowHeader: true, cell: (m) => monthYear(m.end) },
              ...FRESHNESS_BANDS.map((band) => ({ header: band.label, cell: (m: FreshnessMonth) => m.counts[band.key] })),
              { header: 'Total', cell: (m) => m.total },
            ]}
          />
        </div>
      </details>
    </section>
  );
}
