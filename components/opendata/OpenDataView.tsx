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
      <div lang="fr">
        <p>
          <code>modifie_depuis=AAAA-MM-JJ</code> (ou un instant ISO 8601) ne donne que les lieux créés ou modifiés depuis cette date. Chaque champ{' '}
          <code>verification</code> dit qui a vérifié la fiche à la date <code>date_maj</code> : un réseau (nommé), le lieu lui-même ou l’équipe Repères, jamais
          une personne.
        </p>
        <h2 id="changements">Suivre les changements</h2>
        <p>
          Pour garder une copie identique aux données, sans tout retélécharger : lisez l’export une fois (fichier ou API) et gardez le curseur de son en-tête{' '}
          <code>X-Curseur-Changements</code> (pris avant la lecture) ; suivez ensuite <code>GET /api/v1/changements?depuis=&lt;curseur&gt;</code>. Chaque
          réponse donne, dans l’ordre, les changements des lieux publiés : <code>creation</code> et <code>modification</code> (avec les <code>champs</code>{' '}
          modifiés et le lieu tel qu’il est maintenant), <code>retrait</code> (dépublié ou archivé), <code>fusion</code> (avec <code>remplace_par</code>,
          l’identifiant du lieu conservé), et le <code>curseur</code> à garder pour la suite ; <code>a_jour</code> vaut <code>true</code> quand il n’y a plus
          rien à lire. Un moissonneur qui garde son curseur ne manque ni ne reçoit deux fois aucun changement, même si des modifications se font pendant sa
          lecture. Un curseur modifié est refusé (400, <code>curseur_invalide</code>) et un curseur de plus de 90 jours aussi (410, <code>curseur_expire</code>)
          ; après une restauration de la base depuis une sauvegarde, les curseurs donnés avant sont refusés (410, <code>curseur_reinitialise</code>), car votre
          copie peut contenir des changements que la restauration a annulés : relisez alors l’export. Les moissonneurs réguliers peuvent demander à recevoir les
          changements par webhook (POST signé HMAC-SHA256).
        </p>
      </div>
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
      <h2>Recherches sans lieu proche</h2>
      <p>
        Les totaux par semaine des recherches faites autour d’une commune, et combien n’ont trouvé aucun lieu à moins de 5, 10 et 20 km :{' '}
        <a href="/donnees/export/recherches-sans-lieu.csv" download>
          CSV
        </a>
        , décrit par son <a href="/donnees/export/recherches-sans-lieu.schema.json">schéma de table (Table Schema)</a>. Aucune donnée personnelle : ni adresse,
        ni texte tapé, rien de plus fin que la semaine ; une ligne de moins de 5 recherches est regroupée avec les autres de son département (
        <a href="/mentions-legales#recherches">ce qui est gardé, et pourquoi</a>).
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
