// The network pages: the list of networks, and one network's page (its territory, contact,
// figures, the code to embed its directory, and its places through the search). Plain markup
// (rendered by lib/render: app/reseaux/route.ts, app/reseaux/[slug]/route.ts); the map is
// drawn by the public pages' script (components/islands/map.ts).
import { SearchResults } from '@/components/search/SearchView';
import { plainWidgets } from '@/components/search/widgets';
import type { networkBySlug, networksWithPublishedCounts } from '@/lib/networks/public';
import type { SearchData } from '@/lib/search/page';

export function NetworksView({ networks }: { networks: Awaited<ReturnType<typeof networksWithPublishedCounts>> }) {
  return (
    <div className="container prose">
      <h1>Réseaux</h1>
      <p>Les réseaux animent les lieux d’un territoire et tiennent leurs fiches à jour.</p>
      <ul>
        {networks.map((network) => (
          <li key={network.id}>
            <a href={`/reseaux/${network.slug}`}>{network.name}</a> — {network.publishedPlaces} lieux
          </li>
        ))}
      </ul>
    </div>
  );
}

type NetworkProps = {
  found: NonNullable<Awaited<ReturnType<typeof networkBySlug>>>;
  counts: { places: number; free: number; saturday: number };
  origin: string;
  data: SearchData;
};

export function NetworkView({ found, counts, origin, data }: NetworkProps) {
  const places = counts.places;
  const share = (n: number) => (places ? Math.round((n / places) * 100) : 0);
  const snippet = `<iframe src="${origin}/embed?reseau=${found.slug}" title="Lieux d’aide au numérique du réseau ${found.name.replace(/"/g, '&quot;')}" width="100%" height="720" style="border:0" loading="lazy"></iframe>`;
  return (
    <>
      <div className="container prose network-intro" style={found.color ? { borderTop: `6px solid ${found.color}` } : undefined}>
        <h1>{found.name}</h1>
        {found.description && <p className="pre-line">{found.description}</p>}
        <ul className="plain-list">
          {found.territory.length > 0 && (
            <li>
              Territoire : départements {found.territory.join(', ')} — où l’aide manque :{' '}
              {found.territory.map((code, i) => (
                <span key={code}>
                  {i > 0 && ', '}
                  <a href={`/territoires/${code}`}>couverture du {code}</a>
                </span>
              ))}
            </li>
          )}
          {found.contactEmail && (
            <li>
              Coordination : <a href={`mailto:${found.contactEmail}`}>{found.contactEmail}</a>
            </li>
          )}
          {found.website && (
            <li>
              Site : <a href={found.website}>{found.website.replace(/^https?:\/\//, '')}</a>
            </li>
          )}
        </ul>
        <p>
          <strong>{places}</strong> lieux publiés · <strong>{share(counts.free)} %</strong> gratuits · <strong>{share(counts.saturday)} %</strong> ouverts le
          samedi
        </p>
        <details className="embed-snippet">
          <summary>Intégrer cet annuaire sur votre site</summary>
          <p>
            Copiez ce code dans une page de votre site : la liste et la carte des lieux du réseau s’y affichent, avec les mêmes filtres (
            <a href={`/embed?reseau=${found.slug}`}>aperçu</a>).
          </p>
          <label htmlFor="embed-code">Code à copier</label>
          <textarea id="embed-code" readOnly rows={4} value={snippet} className="embed-snippet__code" style={{ fontFamily: 'monospace', width: '100%' }} />
        </details>
      </div>
      <SearchResults data={data} basePath={`/reseaux/${found.slug}`} heading={`Les lieux du réseau ${found.name}`} headingLevel={2} widgets={plainWidgets()} />
    </>
  );
}
