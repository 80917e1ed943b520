// Unmet demand beside coverage (issue #22): « Recherches sans lieu proche » per commune and per
// need over 3 or 12 months, with a plain-French reading of the figures. Plain markup, used by
// /territoires/[departement] and the coordinator's dashboard (components/admin/NetworkDemand.tsx).
import type { DemandLayer as Layer, DemandLine } from '@/lib/demand/read';
import { MIN_SEARCHES } from '@/lib/demand/read';
import { SERVICE_PLAIN } from '@/lib/standard/plain-words';

const number = (n: number) => n.toLocaleString('fr-FR');
const share = (part: number, whole: number) => (whole ? `${Math.round((100 * part) / whole).toLocaleString('fr-FR')} %` : '—');
const plural = (n: number, word: string) => `${number(n)} ${word}${n > 1 ? 's' : ''}`;
const since = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A need's words: the plain label of a service, or what "" and "*" stand for. */
export function needLabel(line: DemandLine): string {
  if (line.code === null) return line.label;
  if (line.code === '') return 'Sans besoin précisé';
  if (line.code === '*') return 'Recherches regroupées (commune très demandée)';
  return SERVICE_PLAIN[line.code as keyof typeof SERVICE_PLAIN]?.label ?? line.code;
}

function cell(line: DemandLine, km: 5 | 10 | 20) {
  const { none, measured } = line.unmet[km];
  return measured ? `${number(none)} (${share(none, measured)})` : '—';
}

function DemandTable({
  caption,
  first,
  lines,
  label,
  testId,
}: {
  caption: string;
  first: string;
  lines: DemandLine[];
  label: (l: DemandLine) => string;
  testId: string;
}) {
  return (
    <table className="coverage-table" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{first}</th>
          <th scope="col">Recherches</th>
          <th scope="col">Sans lieu à moins de 5 km</th>
          <th scope="col">à moins de 10 km</th>
          <th scope="col">à moins de 20 km</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.code ?? 'autres'}>
            <th scope="row">{label(line)}</th>
            <td>{number(line.searches)}</td>
            <td>{cell(line, 5)}</td>
            <td>{cell(line, 10)}</td>
            <td>{cell(line, 20)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The plain-French reading: the whole, then the commune where most searches found nothing within 10 km. */
export function readDemand(layer: Layer): string[] {
  if (!layer.searches) return [];
  const { none, measured } = layer.unmet[10];
  const sentences = [
    `Depuis le ${since(layer.since)}, ${plural(layer.searches, 'recherche')} ont porté sur une commune de ce territoire. ` +
      (measured
        ? `${number(none)} sur ${number(measured)} (${share(none, measured)}) n’ont trouvé aucun lieu à moins de 10 km correspondant aux critères choisis.`
        : 'Aucune n’avait un rayon assez grand pour dire s’il existe un lieu à moins de 10 km.'),
  ];
  const worst = layer.communes.find((c) => c.code !== null && c.unmet[10].none > 0);
  if (worst)
    sentences.push(
      `C’est à ${worst.label} que le manque se voit le plus : ${number(worst.unmet[10].none)} recherche${worst.unmet[10].none > 1 ? 's' : ''} sur ${number(worst.searches)} sans lieu à moins de 10 km.`,
    );
  return sentences;
}

/** `periodHref`: the links to the other period (none: the period is only said). */
export function DemandLayerView({ layer, periodHref }: { layer: Layer; periodHref?: (months: 3 | 12) => string }) {
  return (
    <section className="demand-layer" aria-labelledby="demand-title" data-testid="demand-layer">
      <h2 id="demand-title">Recherches sans lieu proche</h2>
      <p className="prose">
        Ce que les personnes ont cherché sur Repères autour d’une commune de ce territoire, et combien de ces recherches n’ont trouvé aucun lieu proche. Seuls
        des totaux par semaine sont gardés, jamais l’adresse tapée ni qui a cherché. Une commune ou un besoin n’est nommé qu’à partir de {MIN_SEARCHES}{' '}
        recherches ; les autres sont regroupés.
      </p>
      {periodHref ? (
        <p>
          Période : {layer.months === 3 ? <strong>3 derniers mois</strong> : <a href={periodHref(3)}>3 derniers mois</a>} ·{' '}
          {layer.months === 12 ? <strong>12 derniers mois</strong> : <a href={periodHref(12)}>12 derniers mois</a>}
        </p>
      ) : (
        <p>Période : {layer.months} derniers mois.</p>
      )}
      {layer.searches === 0 ? (
        <p>Aucune recherche enregistrée sur cette période.</p>
      ) : (
        <>
          {readDemand(layer).map((sentence) => (
            <p key={sentence}>{sentence}</p>
          ))}
          <DemandTable caption="Par commune recherchée" first="Commune" lines={layer.communes} label={(l) => l.label} testId="demand-communes" />
          <DemandTable
            caption="Par besoin (une recherche qui en cite deux compte pour chacun)"
            first="Besoin"
            lines={layer.needs}
            label={needLabel}
            testId="demand-needs"
          />
          <p className="muted">
            « — » : aucune recherche n’avait un rayon atteignant cette distance. Les pourcentages portent sur les recherches dont le rayon l’atteignait.
          </p>
        </>
      )}
    </section>
  );
}
