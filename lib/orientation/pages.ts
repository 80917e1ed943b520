// What the shared fiche page (/orienter/fiche) reads, with the app's database client: pages never
// hold it. loadFichePlaces takes the client, for the tests.
import { db } from '@/lib/db';
import { loadFichePlaces } from './fiche';
import { loadFicheSessions } from './sessions';

/** The published places of a shared link, by slug, with their links built on `baseUrl`. */
export function fichePlacesBySlugs(slugs: string[], baseUrl: string) {
  return loadFichePlaces(
    db,
    slugs.map((slug) => ({ slug })),
    baseUrl,
  );
}

/** The coming sessions of a shared link (`seances`), by id. */
export function ficheSessionsByIds(ids: string[], baseUrl: string) {
  return loadFicheSessions(
    db,
    ids.map((id) => ({ id })),
    baseUrl,
  );
}
