// The home page: the search form, the home département's places by commune, and every
// département with a published place. Plain markup (rendered by lib/render, app/route.ts).
import { FacileLink } from '@/components/facile/FacileLink';
import { Directory, type DirectoryGroup } from '@/components/search/Directory';
import { departementByCode } from '@/lib/geo/departements';
import { SERVICE_PLAIN } from '@/lib/standard/plain-words';

type Props = {
  home: { code: string; name: string } | undefined;
  groups: DirectoryGroup[];
  total: number;
  departements: Array<{ code: string; count: number }>;
};

export function HomeView({ home, groups, total, departements }: Props) {
  return (
    <>
      <section className="hero">
        <div className="container">
          <h1>Trouver de l’aide pour le numérique, près de chez vous</h1>
          <p className="hero__lead">Démarches en ligne, ordinateur, téléphone, internet : {total} lieux où quelqu’un peut vous aider, souvent gratuitement.</p>
          <FacileLink href="/facile" />
          <form action="/recherche" method="get" className="search-form" role="search">
            <div className="field">
              <label htmlFor="ou">Ville, code postal ou adresse</label>
              <input id="ou" name="ou" type="text" autoComplete="address-level2" placeholder="Ex. : Saumur, 49000" required />
            </div>
            <div className="field">
              <label htmlFor="besoin">J’ai besoin de</label>
              <select id="besoin" name="besoin" defaultValue="">
                <option value="">Toute aide</option>
                {Object.entries(SERVICE_PLAIN).map(([key, value]) => (
                  <option key={key} value={key}>
                    {value.label}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button button--primary">
              Rechercher
            </button>
          </form>
        </div>
      </section>

      <section className="container" aria-labelledby="annuaire-titre">
        <h2 id="annuaire-titre">{home ? `Les lieux du département ${home.name} (${home.code}), par commune` : 'Les lieux par commune'}</h2>
        {groups.length === 0 ? <p>Aucun lieu n’est encore publié ici.</p> : <Directory groups={groups} />}
      </section>

      {departements.length > 0 && (
        <section className="container" aria-labelledby="departements-titre">
          <h2 id="departements-titre">Les lieux de chaque département</h2>
          <ul className="departement-list">
            {departements.map(({ code, count }) => {
              const departement = departementByCode(code);
              if (!departement) return null;
              return (
                <li key={code}>
                  <a href={`/departements/${code}`}>{`${departement.name} (${code})`}</a>{' '}
                  <span className="muted">{`— ${count} lieu${count > 1 ? 'x' : ''}`}</span>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </>
  );
}
