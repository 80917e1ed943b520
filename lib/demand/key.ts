// What one search leaves behind (issue #22): its aggregate key — the week (its Monday, UTC), the
// commune searched (INSEE code), the needs and the filters (the standard's closed lists, sorted
// keys; free text, the network, the page and the exact time are never part of it) and the radius
// band — and, for 5, 10 and 20 km, whether it found no place, 1–2 places or 3 and more. Pure:
// lib/demand/buffer.ts adds these up in memory, lib/demand/flush.ts writes them.
import type { SearchFilters } from '@/lib/search/filters';

export const DISTANCES_KM = [5, 10, 20] as const;
export type DistanceKm = (typeof DISTANCES_KM)[number];
/** The radius bands, by their lower bound in km: 2–4, 5–9, 10–19, 20–100. */
export const RADIUS_BANDS = [2, 5, 10, 20] as const;
export type RadiusBand = (typeof RADIUS_BANDS)[number];
/** Below this many searches, a commune, a need or a key is never shown or published alone (pages, CSV). */
export const MIN_SEARCHES = 5;
/** The needs and filters of the merged row of a commune-week that has too many distinct keys. */
export const OVERFLOW = '*';

export type DemandKey = { week: string; inseeCode: string; departement: string; needs: string; filters: string; radiusBand: RadiusBand };
export type Bucket = 'none' | 'few' | 'many';
/** How many places answered within 5, 10 and 20 km: exact when the search's radius reached that far, else a lower bound. */
export type Reach = Record<DistanceKm, { n: number; exact: boolean }>;

const LIST_FILTERS = ['public', 'prise_en_charge', 'frais', 'accompagnement', 'acces', 'dispositif', 'label', 'type'] as const;

export function radiusBand(km: number): RadiusBand {
  return km >= 20 ? 20 : km >= 10 ? 10 : km >= 5 ? 5 : 2;
}

/** The Monday (UTC) of the week of `date`, as YYYY-MM-DD. */
export function weekOf(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

/** The filters of a search as one string of its closed-list choices ("frais:Gratuit|type:epn"), "" for none. */
export function filterSet(filters: SearchFilters): string {
  const chosen: string[] = [];
  for (const family of LIST_FILTERS) for (const value of filters[family] as string[]) chosen.push(`${family}:${value}`);
  if (filters.itinerance) chosen.push(`itinerance:${filters.itinerance}`);
  if (filters.ouvert) chosen.push(`ouvert:${filters.ouvert.kind === 'now' ? 'maintenant' : filters.ouvert.kind === 'saturday' ? 'samedi' : 'moment'}`);
  for (const slot of filters.creneau) chosen.push(`creneau:${slot.day}-${slot.halfDay}`);
  if (filters.ateliers) chosen.push('ateliers:1');
  return [...new Set(chosen)].sort().join('|');
}

/**
 * The key of a search, or null when it is not counted: no commune (a position, the whole country,
 * a place not found), a name typed (`q`: its answers say nothing of a need), a network's scope,
 * or a page after the first (the same search, read further).
 */
export function demandKey(filters: SearchFilters, inseeCode: string | null, at: Date): DemandKey | null {
  if (!inseeCode || !/^[0-9][0-9AB][0-9]{3}$/.test(inseeCode)) return null;
  if (filters.q || filters.reseau || filters.page > 1) return null;
  return {
    week: weekOf(at),
    inseeCode,
    departement: departementOf(inseeCode),
    needs: [...new Set(filters.besoin)].sort().join('|'),
    filters: filterSet(filters),
    radiusBand: radiusBand(filters.rayon),
  };
}

/** The département of a commune's INSEE code: 2 characters, 3 overseas (97x, 98x). */
export function departementOf(inseeCode: string): string {
  return inseeCode.startsWith('97') || inseeCode.startsWith('98') ? inseeCode.slice(0, 3) : inseeCode.slice(0, 2);
}

/**
 * The bucket of each distance. A search counts places up to its radius: within a distance it
 * reached, the count is exact; beyond, it is a lower bound, which decides only "3 or more".
 */
export function buckets(reach: Reach): Record<DistanceKm, Bucket | null> {
  const result = {} as Record<DistanceKm, Bucket | null>;
  for (const km of DISTANCES_KM) {
    const { n, exact } = reach[km];
    result[km] = n >= 3 ? 'many' : !exact ? null : n === 0 ? 'none' : 'few';
  }
  return result;
}

/**
 * How many places a search found within 5, 10 and 20 km, from the distances it had (counted in its
 * own statement: no extra query): exact up to its radius, a lower bound beyond.
 */
export function reachOf(within: Record<DistanceKm, number>, radiusKm: number): Reach {
  const at = (km: DistanceKm) => ({ n: within[km], exact: radiusKm >= km });
  return { 5: at(5), 10: at(10), 20: at(20) };
}
