// The published places of a département, for its directory page (/departements/[code]).
import 'server-only';
import { readDb } from '@/lib/db';

/** Published places whose INSEE code (or, without one, postcode) starts with the département's code, by commune then name. */
export function publishedPlacesOfDepartement(code: string) {
  return readDb.place.findMany({
    where: { status: 'PUBLISHED', OR: [{ inseeCode: { startsWith: code } }, { inseeCode: null, postcode: { startsWith: code } }] },
    select: { slug: true, name: true, commune: true, inseeCode: true, street: true },
    orderBy: [{ commune: 'asc' }, { name: 'asc' }],
  });
}
