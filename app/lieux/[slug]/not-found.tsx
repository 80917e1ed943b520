import Link from 'next/link';

export default function PlaceNotFound() {
  return (
    <div className="container prose">
      <h1>Ce lieu n’est pas (ou plus) dans l’annuaire</h1>
      <p>Il a peut-être fermé, changé de nom, ou sa fiche n’est pas encore publiée.</p>
      <form action="/recherche" method="get" role="search" className="search-form">
        <div className="field">
          <label htmlFor="ou-404">Chercher un lieu autour de</label>
          <input id="ou-404" name="ou" type="text" placeholder="Ex. : Angers, 49100" />
        </div>
        <button type="submit" className="button button--primary">
          Rechercher
        </button>
      </form>
      <p>
        <Link href="/">Revenir à l’accueil</Link>
      </p>
    </div>
  );
}
