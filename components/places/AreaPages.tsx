// A commune's page (the search around it) and a département's (its places by commune). Plain
// markup (rendered by lib/render: app/communes/[slug]/route.ts, app/departements/[code]/route.ts);
// the map is drawn by the public pages' script (components/islands/map.ts).
import { Directory, type DirectoryGroup } from '@/components/search/Directory';
import { SearchResults } from '@/components/search/SearchView';
import { plainWidgets } from '@/components/search/widgets';
import type { SearchData } from '@/lib/search/page';

export function CommuneView({ commune, data }: { commune: { slug: string; name: string; departement: string }; data: SearchData }) {
  return (
    <>
      <SearchResults data={data} basePath={`/communes/${commune.slug}`} heading={`Aide au numérique à ${commune.name} et autour`} widgets={plainWidgets()} />
      <p className="container">
        <a href={`/departements/${commune.departement}`}>Tous les lieux du département</a>
      </p>
    </>
  );
}

export function DepartementView({ dep, count, groups }: { dep: { code: string; nom: string }; count: number; groups: DirectoryGroup[] }) {
  return (
    <div className="container">
      <h1>
        Aide au numérique en {dep.nom} ({dep.code})
      </h1>
      <p>
        {count} lieu{count > 1 ? 'x' : ''} dans {groups.length} commune{groups.length > 1 ? 's' : ''}.{' '}
        <a href={`/recherche?ou=${encodeURIComponent(dep.nom)}`}>Chercher près d’une adresse</a> ·{' '}
        <a href={`/territoires/${dep.code}`}>Où l’aide manque dans le département</a>
      </p>
      <Directory groups={groups} headingLevel={2} />
    </div>
  );
}
