// The open data page: what the files hold, the downloads and the public API's parameters. Plain
// markup (rendered by lib/render: app/donnees/route.ts), in the visitor's language (`t`); the API's
// parameter descriptions come from the OpenAPI document in French, marked so.
import type { openApiDocument } from '@/lib/export/openapi';
import { translator, type Translator } from '@/lib/i18n';

type ApiParameter = ReturnType<typeof openApiDocument>['paths']['/lieux']['get']['parameters'][number];

type Props = { count: number; updated: string | undefined; parameters: readonly ApiParameter[]; t?: Translator };

/** `count` published places (demo places are never exported), last changed on `updated` (in words). */
export function OpenDataView({ count, updated, parameters, t = translator() }: Props) {
  return (
    <div className="container prose">
      <h1>{t('data.heading')}</h1>
      <p>
        {t('data.licenceBefore', { count })}{' '}
        <a href="https://www.etalab.gouv.fr/licence-ouverte-open-licence/" rel="noopener noreferrer" lang="fr">
          Licence Ouverte / Open Licence 2.0 (etalab-2.0)
        </a>
        {t('data.licenceAfter')}
      </p>
      <p>
        {t('data.standard')} <code>opening_hours</code>.
      </p>
      <p>
        {t('data.daily')} {updated && t('data.updated', { date: updated })}
      </p>
      <h2>{t('data.download')}</h2>
      <Downloads t={t} />
      <p>
        {t('data.selection')} <code>/donnees/export/csv?besoin=AideAuxDemarchesAdministratives&amp;frais=Gratuit</code>
      </p>
      <h2>{t('data.api')}</h2>
      <p>
        <code>GET /api/v1/lieux</code> {t('data.apiFilters')} <code>apres</code>, <code>format=json|csv|geojson</code>) ·{' '}
        <code>GET /api/v1/lieux/&#123;id&#125;</code>. {t('data.apiLimits')} <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.
      </p>
      <ApiParameters parameters={parameters} t={t} />
      <h2>{t('data.ateliers')}</h2>
      <p>
        {t('data.ateliersText')}{' '}
        <a href="/donnees/ateliers/csv" download>
          CSV
        </a>{' '}
        ·{' '}
        <a href="/donnees/ateliers/json" download>
          JSON
        </a>{' '}
        · <a href="/donnees/ateliers/schema.json">{t('data.ateliersSchema')}</a>. {t('data.ateliersLists')}
      </p>
      <p>
        {t('data.ateliersApi')} <code>GET /api/v1/ateliers</code> (<code>lieu</code>, <code>reseau</code>, <code>ou</code>, <code>lat</code>/<code>lng</code>,{' '}
        <code>rayon</code>, <code>theme</code>, <code>du</code>, <code>au</code>, <code>gratuit=1</code>, <code>enligne=1</code>; <code>apres</code>).{' '}
        {t('data.ateliersFiles')}
      </p>
    </div>
  );
}

/** The files, whole or for data·inclusion. */
function Downloads({ t }: { t: Translator }) {
  return (
    <ul>
      <li>
        <a href="/donnees/export/csv" download>
          {t('data.csv')}
        </a>{' '}
        — {t('data.csvHint')}
      </li>
      <li>
        <a href="/donnees/export/json" download>
          {t('data.json')}
        </a>
      </li>
      <li>
        <a href="/donnees/export/geojson" download>
          {t('data.geojson')}
        </a>{' '}
        — {t('data.geojsonHint')}
      </li>
      <li>
        {t('data.inclusion')} <a href="https://www.data.inclusion.beta.gouv.fr/">data·inclusion</a>
        {t('data.inclusionAfter')}{' '}
        <a href="/donnees/export/data-inclusion-structures" download>
          {t('data.structures')}
        </a>{' '}
        ·{' '}
        <a href="/donnees/export/data-inclusion-services" download>
          {t('data.services')}
        </a>{' '}
        ({t('data.inclusionHint')})
      </li>
    </ul>
  );
}

/** The parameters of /api/v1/lieux, as the OpenAPI document describes them (in French). */
function ApiParameters({ parameters, t }: { parameters: readonly ApiParameter[]; t: Translator }) {
  return (
    <table>
      <caption className="visually-hidden">{t('data.parameters')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('data.parameter')}</th>
          <th scope="col">{t('data.role')}</th>
        </tr>
      </thead>
      <tbody>
        {parameters.map((p) => (
          <tr key={p.name}>
            <td>
              <code>{p.name}</code>
            </td>
            <td lang={t.locale === 'fr' ? undefined : 'fr'}>{'description' in p && p.description ? p.description : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
