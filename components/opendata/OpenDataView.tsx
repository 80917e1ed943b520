// The open data page: what the files hold, the downloads and the public API's parameters. Plain
// markup (rendered by lib/render: app/donnees/route.ts).
import type { openApiDocument } from '@/lib/export/openapi';

type ApiParameter = ReturnType<typeof openApiDocument>['paths']['/lieux']['get']['parameters'][number];

/** `count` published places (demo places are never exported), last changed on `updated` (in words). */
export function OpenDataView({ count, updated, parameters }: { count: number; updated: string | undefined; parameters: readonly ApiParameter[] }) {
  return (
    <div className="container prose">
      <h1>Données ouvertes</h1>
      <p>
        Les {count} lieux publiés dans Repères sont des <strong>données ouvertes</strong>, réutilisables librement sous{' '}
        <a href="https://www.etalab.gouv.fr/licence-ouverte-open-licence/" rel="noopener noreferrer">
          Licence Ouverte / Open Licence 2.0 (etalab-2.0)
        </a>
        , à condition de citer la source (« Repères » et la date). Les lieux fictifs du réseau de démonstration n’y figurent jamais : ni dans les fichiers ni
        dans l’API.
      </p>
      <p>
        Elles suivent le <strong>standard national des lieux de médiation numérique (version 1.0.2)</strong>, le format de la cartographie nationale et de
        data.gouv.fr : mêmes colonnes, dans le même ordre, mêmes listes de valeurs. Les horaires sont au format OpenStreetMap <code>opening_hours</code>.
      </p>
      <p>
        Elles changent chaque jour : les coordinateurs de réseaux et les lieux eux-mêmes les mettent à jour, et chaque fiche indique la date à laquelle une
        personne a confirmé ses informations. {updated && <>Dernière modification : {updated}.</>}
      </p>
      <h2>Télécharger</h2>
      <Downloads />
      <p>
        Pour n’exporter qu’une sélection, ajoutez les filtres de la <a href="/recherche">recherche</a> à l’adresse, par exemple{' '}
        <code>/donnees/export/csv?besoin=AideAuxDemarchesAdministratives&amp;frais=Gratuit</code>.
      </p>
      <h2>API publique</h2>
      <p>
        <code>GET /api/v1/lieux</code> (mêmes filtres que la recherche, pagination par curseur <code>apres</code>, <code>format=json|csv|geojson</code>) et{' '}
        <code>GET /api/v1/lieux/&#123;id&#125;</code>. Réponses avec CORS, ETag et cache ; 120 requêtes par minute et par adresse. Description OpenAPI :{' '}
        <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.
      </p>
      <ApiParameters parameters={parameters} />
      <h2>Ateliers à venir</h2>
      <p>
        Les séances à venir des ateliers des lieux publiés, une ligne par séance (sans aucune donnée sur les personnes inscrites) :{' '}
        <a href="/donnees/ateliers/csv" download>
          CSV
        </a>{' '}
        ou{' '}
        <a href="/donnees/ateliers/json" download>
          JSON
        </a>
        , décrites par leur <a href="/donnees/ateliers/schema.json">schéma de table (Table Schema)</a>. Thèmes, publics et frais suivent les listes du standard.
        API : <code>GET /api/v1/ateliers</code> (filtres <code>lieu</code>, <code>reseau</code>, <code>ou</code> ou <code>lat</code>/<code>lng</code> avec{' '}
        <code>rayon</code>, <code>theme</code>, <code>du</code>, <code>au</code>, <code>gratuit=1</code>, <code>enligne=1</code> ; curseur <code>apres</code>) ;
        les mêmes filtres s’ajoutent aux fichiers.
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
function Downloads() {
  return (
    <ul>
      <li>
        <a href="/donnees/export/csv" download>
          Tous les lieux, CSV du standard
        </a>{' '}
        — séparateur virgule, UTF-8, listes séparées par « | »
      </li>
      <li>
        <a href="/donnees/export/json" download>
          Tous les lieux, JSON du standard
        </a>
      </li>
      <li>
        <a href="/donnees/export/geojson" download>
          Tous les lieux, GeoJSON
        </a>{' '}
        — pour les logiciels de cartographie
      </li>
      <li>
        Pour <a href="https://www.data.inclusion.beta.gouv.fr/">data·inclusion</a> :{' '}
        <a href="/donnees/export/data-inclusion-structures" download>
          structures
        </a>{' '}
        et{' '}
        <a href="/donnees/export/data-inclusion-services" download>
          services
        </a>{' '}
        (JSON, un service « Médiation numérique » par lieu)
      </li>
    </ul>
  );
}

/** The parameters of /api/v1/lieux, as the OpenAPI document describes them. */
function ApiParameters({ parameters }: { parameters: readonly ApiParameter[] }) {
  return (
    <table>
      <caption className="visually-hidden">Paramètres de /api/v1/lieux</caption>
      <thead>
        <tr>
          <th scope="col">Paramètre</th>
          <th scope="col">Rôle</th>
        </tr>
      </thead>
      <tbody>
        {parameters.map((p) => (
          <tr key={p.name}>
            <td>
              <code>{p.name}</code>
            </td>
            <td>{'description' in p && p.description ? p.description : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
