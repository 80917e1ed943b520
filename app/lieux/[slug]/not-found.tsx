import { headers } from 'next/headers';
import Link from 'next/link';
import { readDb } from '@/lib/db';

/** The commune of the place the visitor looked for, when it exists but is not published. */
async function communeOfRequestedPlace(): Promise<string | null> {
  const path = (await headers()).get('x-pathname') ?? '';
  const slug = decodeURIComponent(path.split('/')[2] ?? '');
  if (!slug || slug.length > 200) return null;
  const place = await readDb.place.findUnique({ where: { slug }, select: { commune: true } }).catch(() => null);
  return place?.commune ?? null;
}

export default async function PlaceNotFound() {
  const commune = await communeOfRequestedPlace();
  return (
    <div className="container prose">
      <h1>Ce lieu n’est pas (ou plus) dans l’annuaire</h1>
      <p>Il a peut-être fermé, changé de nom, ou sa fiche n’est pas encore publiée.</p>
      {commune && (
        <p>
          <Link href={`/recherche?ou=${encodeURIComponent(commune)}`} className="button button--primary">
            Voir les lieux autour de {commune}
          </Link>
        </p>
      )}
      <form action="/recherche" method="get" role="search" className="search-form">
        <div className="field">
          <label htmlFor="ou-404">Chercher un lieu autour de</label>
          <input id="ou-404" name="ou" type="text" placeholder="Ex. : Angers, 49100" defaultValue={commune ?? ''} />
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
