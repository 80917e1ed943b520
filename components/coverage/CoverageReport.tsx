// The coverage figures of a territory: the form, the shares within 5 / 10 / 20 km (with the
// same for "ouvert le samedi"), the map layer, the communes furthest from help, and every
// commune. Plain markup; used by /territoires/[departement] (components/coverage/TerritoryView.tsx).
import type { CoverageResult } from '@/lib/coverage';
import type { CoverageParams } from '@/lib/coverage/params';
import { SERVICE_LABELS } from '@/lib/standard/enums';
import { SERVICE_PLAIN } from '@/lib/standard/plain-words';
import { PlainCoverageMap } from './PlainCoverageMap';

const km = (value: number | null) => (value === null ? 'aucun lieu' : `${value.toFixed(1).replace('.', ',')} km`);
const people = (value: number) => value.toLocaleString('fr-FR');
const percent = (value: number) => `${value.toLocaleString('fr-FR')} %`;

export function describeQuery(params: CoverageParams): string {
  const service = params.service ? `« ${SERVICE_PLAIN[params.service].label} »` : 'tout service';
  return [service, params.free ? 'gratuit' : null, params.saturday ? 'ouvert le samedi' : null].filter(Boolean).join(', ');
}

export function CoverageForm({ action, params }: { action: string; params: CoverageParams }) {
  return (
    <form method="get" action={action} className="coverage-form filter-form">
      <div className="field">
        <label htmlFor="coverage-service">Service recherché</label>
        <select id="coverage-service" name="service" defaultValue={params.service ?? 'tous'}>
          <option value="tous">Tout service</option>
          {Object.keys(SERVICE_LABELS).map((key) => (
            <option key={key} value={key}>
              {SERVICE_PLAIN[key as keyof typeof SERVICE_PLAIN].label}
            </option>
          ))}
        </select>
      </div>
      <div className="coverage-form__options">
        <label>
          <input type="checkbox" name="gratuit" value="1" defaultChecked={params.free} /> Gratuit
        </label>
        <label>
          <input type="checkbox" name="samedi" value="1" defaultChecked={params.saturday} /> Ouvert le samedi
        </label>
      </div>
      <button type="submit" className="button button--primary">
        Calculer
      </button>
    </form>
  );
}

export function CoverageReport({
  result,
  saturday,
  params,
  map,
  rankedLimit = 20,
}: {
  result: CoverageResult;
  saturday: CoverageResult | null;
  params: CoverageParams;
  map: { tileUrl: string; attribution: string } | null;
  rankedLimit?: number;
}) {
  const points = result.communes
    .filter((c) => c.latitude !== null && c.longitude !== null)
    .map((c) => ({ code: c.inseeCode, name: c.name, lat: c.latitude!, lng: c.longitude!, population: c.population, km: c.distanceKm }));
  const furthest = result.ranked.filter((c) => c.latitude !== null).slice(0, rankedLimit);
  return (
    <>
      <p>
        Pour {describeQuery(params)} : {result.placesConsidered} lieu{result.placesConsidered > 1 ? 'x' : ''} pris en compte, {result.communes.length} communes,{' '}
        {people(result.totalPopulation)} habitants.
        {result.meanDistanceKm !== null && <> Distance moyenne d’un habitant au lieu le plus proche : {km(result.meanDistanceKm)}.</>}
      </p>
      <SharesTable result={result} saturday={saturday} />
      {map && points.length > 0 && <PlainCoverageMap points={points} tileUrl={map.tileUrl} attribution={map.attribution} />}
      <h2>Les communes les plus éloignées d’un lieu</h2>
      <table className="coverage-table" data-testid="coverage-furthest">
        <caption className="visually-hidden">Communes classées de la plus éloignée à la plus proche d’un lieu</caption>
        <thead>
          <tr>
            <th scope="col">Rang</th>
            <th scope="col">Commune</th>
            <th scope="col">Habitants</th>
            <th scope="col">Distance</th>
            <th scope="col">Lieu le plus proche</th>
          </tr>
        </thead>
        <tbody>
          {furthest.map((c, i) => (
            <tr key={c.inseeCode}>
              <td>{i + 1}</td>
              <th scope="row">{c.name}</th>
              <td>{people(c.population)}</td>
              <td>{km(c.distanceKm)}</td>
              <td>{c.nearest ? <a href={`/lieux/${c.nearest.slug}`}>{c.nearest.name}</a> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <details className="coverage-all">
        <summary>Toutes les communes ({result.communes.length})</summary>
        <table className="coverage-table">
          <caption className="visually-hidden">Toutes les communes par ordre alphabétique</caption>
          <thead>
            <tr>
              <th scope="col">Commune</th>
              <th scope="col">Code INSEE</th>
              <th scope="col">Habitants</th>
              <th scope="col">Distance</th>
            </tr>
          </thead>
          <tbody>
            {[...result.communes]
              .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
              .map((c) => (
                <tr key={c.inseeCode}>
                  <th scope="row">{c.name}</th>
                  <td>{c.inseeCode}</td>
                  <td>{people(c.population)}</td>
                  <td>{c.latitude === null ? 'position inconnue' : km(c.distanceKm)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </details>
    </>
  );
}

/** Shares of the population within 5, 10 and 20 km, beside the same with Saturday opening when given. */
function SharesTable({ result, saturday }: { result: CoverageResult; saturday: CoverageResult | null }) {
  return (
    <table className="coverage-table" data-testid="coverage-shares">
      <caption>Part de la population à moins de 5, 10 et 20 km d’un lieu (à vol d’oiseau depuis le centre de la commune)</caption>
      <thead>
        <tr>
          <th scope="col">Distance</th>
          <th scope="col">Habitants</th>
          <th scope="col">Part de la population</th>
          <th scope="col">Communes</th>
          {saturday && <th scope="col">Part si le lieu doit ouvrir le samedi</th>}
        </tr>
      </thead>
      <tbody>
        {result.within.map((row, i) => (
          <tr key={row.km}>
            <th scope="row">{row.km} km ou moins</th>
            <td>{people(row.population)}</td>
            <td>{percent(row.share)}</td>
            <td>{row.communes}</td>
            {saturday && <td>{percent(saturday.within[i].share)}</td>}
          </tr>
        ))}
        <tr>
          <th scope="row">Plus de {result.beyond.km} km, ou aucun lieu</th>
          <td>{people(result.beyond.population)}</td>
          <td>{percent(result.beyond.share)}</td>
          <td>{result.beyond.communes}</td>
          {saturday && <td>{percent(saturday.beyond.share)}</td>}
        </tr>
        {result.unknownPosition.communes > 0 && (
          <tr>
            <th scope="row">Position de la commune inconnue</th>
            <td>{people(result.unknownPosition.population)}</td>
            <td>—</td>
            <td>{result.unknownPosition.communes}</td>
            {saturday && <td>—</td>}
          </tr>
        )}
      </tbody>
    </table>
  );
}
