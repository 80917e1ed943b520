// What the shared fiche page (/orienter/fiche) reads, with the app's database client: pages never
// hold it. loadFichePlaces takes the client, for the tests.
import { db } from '@/lib/db';
import type { Locale } from '@/lib/i18n';
import { loadFichePlaces } from './fiche';
import { loadFicheSessions } from './sessions';

/** The published places of a shared link, by slug, with their links built on `baseUrl`. */
export function fichePlacesBySlugs(slugs: string[], baseUrl: string, locale?: Locale) {
  return loadFichePlaces(
    db,
    slugs.map((slug) => ({ slug })),
    baseUrl,
    new Date(),
    locale,
  );
}

/** The coming sessions of a shared link (`seances`), by id. */
export function ficheSessionsByIds(ids: string[], baseUrl: string, locale?: Locale) {
  return loadFicheSessions(
    db,
    ids.map((id) => ({ id })),
    baseUrl,
    new Date(),
    locale,
  );
}
