// Searches as people make them, never the same twice: a town drawn by population (typed as a name,
// "name postcode" or a postcode), a radius, a filter set, and a "now" spread over four weeks (one
// with Easter Monday, a public holiday), mostly in the daytime. Used by the search benchmark and the
// load test. The server takes "now" from ?maintenant= only when it runs with E2E=1 (the test clock,
// lib/search/now.ts and lib/places/now.ts: E2E=1 changes nothing else), so benchmarks that spread
// "now" start `next start` that way; without it, the parameter is ignored.
import { resolveCommune } from '../lib/geo/communes';
import { instantAt } from '../lib/hours';
import { loadCommunes, type CommuneRow } from './real-sources';
import { random, weighted } from './synthetic';

export type SearchQuery = { kind: 'town' | 'town, open now' | 'national filters' | 'name'; params: Record<string, string>; now: Date };

const SERVICES = [
  'AideAuxDemarchesAdministratives',
  'MaitriseDesOutilsNumeriquesDuQuotidien',
  'AccesInternetEtMaterielInformatique',
  'InsertionProfessionnelleViaLeNumerique',
  'UtilisationSecuriseeDuNumerique',
  'ParentaliteEtEducationAvecLeNumerique',
  'LoisirsEtCreationsNumeriques',
  'ComprehensionDuMondeNumerique',
  'MaterielInformatiqueAPrixSolidaire',
];
// One filter of the search form each; a filter set is 0 to 3 of them (no two of the same key).
const FILTERS: Array<[string, string]> = [
  ...SERVICES.map((s): [string, string] => ['besoin', s]),
  ['frais', 'Gratuit'],
  ['frais', 'GratuitSousCondition'],
  ['frais', 'Payant'],
  ['public', 'Jeunes'],
  ['public', 'Seniors'],
  ['public', 'FamillesEnfants'],
  ['type', 'france-services'],
  ['type', 'mediatheque'],
  ['type', 'centre-social'],
  ['type', 'epn'],
  ['type', 'mairie'],
  ['type', 'association'],
  ['ouvert', 'samedi'],
  ['acces', 'Telephoner'],
  ['accompagnement', 'AccompagnementIndividuel'],
  ['page', '2'],
];
const RADII = ['', '', '', '', '2', '5', '15', '20', '30', '50'];

/** Four weeks from Monday 30 March 2026 (Easter Monday, 6 April, is a public holiday). */
function drawNow(rand: () => number): Date {
  const day = Math.floor(rand() * 28);
  const daytime = rand() < 0.85;
  const minute = daytime ? 8 * 60 + Math.floor(rand() * 12 * 60) : Math.floor(rand() * 24 * 60);
  const date = new Date(Date.UTC(2026, 2, 30 + day));
  return instantAt('Europe/Paris', date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), Math.floor(minute / 60), minute % 60);
}

export function typedTown(c: CommuneRow, rand: () => number): string {
  const x = rand();
  if (x < 0.65) return c.typed;
  if (x < 0.85) return `${c.typed} ${c.postcode}`;
  return c.postcode;
}

/**
 * Distinct searches: `next()` never returns a query it returned before (the key includes "now" to
 * the minute). `names` are real place names, for the name searches.
 */
export function distinctSearches({ seed = 7, names = [] as string[] } = {}) {
  const rand = random(seed);
  const communes = loadCommunes();
  const town = weighted(communes, (c) => Math.max(1, c.population), rand);
  const seen = new Set<string>();
  const filterSet = (max: number) => {
    const count = Math.floor(rand() * (max + 1));
    const chosen = new Map<string, string>();
    for (let k = 0; k < count * 3 && chosen.size < count; k++) {
      const [key, value] = FILTERS[Math.floor(rand() * FILTERS.length)];
      if (!chosen.has(key)) chosen.set(key, value);
    }
    return Object.fromEntries(chosen);
  };
  const words = names.flatMap((n) => n.split(/[\s'’()–-]+/).filter((w) => w.length >= 5 && !/^\d/.test(w)));
  const draw = (): SearchQuery => {
    const now = drawNow(rand);
    const x = rand();
    if (x < 0.7) {
      const params: Record<string, string> = { ou: typedTown(town(), rand), ...filterSet(2) };
      const radius = RADII[Math.floor(rand() * RADII.length)];
      if (radius) params.rayon = radius;
      return { kind: 'town', params, now };
    }
    if (x < 0.85) {
      const params: Record<string, string> = { ou: typedTown(town(), rand), ouvert: 'maintenant', ...filterSet(1) };
      params.ouvert = 'maintenant';
      const radius = RADII[Math.floor(rand() * RADII.length)];
      if (radius) params.rayon = radius;
      return { kind: 'town, open now', params, now };
    }
    if (x < 0.93 || words.length === 0) {
      const params = filterSet(3);
      if (Object.keys(params).length === 0) params.besoin = SERVICES[Math.floor(rand() * SERVICES.length)];
      return { kind: 'national filters', params, now };
    }
    const q = words[Math.floor(rand() * words.length)];
    return { kind: 'name', params: rand() < 0.5 ? { q } : { q, ou: typedTown(town(), rand) }, now };
  };
  return {
    next(): SearchQuery {
      for (;;) {
        const query = draw();
        const key = `${JSON.stringify(Object.entries(query.params).sort())}@${query.now.toISOString().slice(0, 16)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        return query;
      }
    },
    get count() {
      return seen.size;
    },
  };
}

/** The URL of a search; with the test clock's ?maintenant= when `withClock`. */
export function searchUrl(query: SearchQuery, withClock: boolean): string {
  const params = new URLSearchParams(query.params);
  if (withClock) params.set('maintenant', query.now.toISOString());
  return `/recherche?${params.toString()}`;
}

/** Is this text placed by the offline geocoder (whole, its last comma part, or its last words)? */
function resolves(text: string): boolean {
  if (resolveCommune(text) || resolveCommune(text.split(',').pop() ?? '')) return true;
  const words = text.split(/\s+/);
  for (let n = 1; n <= Math.min(5, words.length - 1); n++) if (resolveCommune(words.slice(-n).join(' '))) return true;
  return false;
}

/** Town names nobody can place: real names with their letters shuffled (checked against the offline geocoder). */
export function unresolvedTowns(count: number, seed = 11): string[] {
  const rand = random(seed);
  const communes = loadCommunes().filter((c) => c.typed.length >= 6);
  const out = new Set<string>();
  while (out.size < count) {
    const name = communes[Math.floor(rand() * communes.length)].typed;
    const scrambled = name
      .split(/([\s'’-]+)/)
      .map((part) => {
        if (/^[\s'’-]+$/.test(part) || part.length < 3) return part;
        const letters = part.toLowerCase().split('');
        for (let i = letters.length - 1; i > 0; i--) {
          const j = Math.floor(rand() * (i + 1));
          [letters[i], letters[j]] = [letters[j], letters[i]];
        }
        return letters[0].toUpperCase() + letters.slice(1).join('');
      })
      .join('');
    if (scrambled !== name && !resolves(scrambled)) out.add(scrambled);
  }
  return [...out];
}

/** What people search most: the biggest towns, with the commonest filters (the "popular" phases). */
export const POPULAR_FILTERS = [
  '',
  '&besoin=AideAuxDemarchesAdministratives',
  '&frais=Gratuit',
  '&ouvert=maintenant',
  '&rayon=30',
  '&type=france-services',
  '&besoin=MaitriseDesOutilsNumeriquesDuQuotidien&rayon=20',
  '&page=2',
];

export function popularTowns(count = 20): string[] {
  const byTown = new Map<string, number>();
  for (const c of loadCommunes()) byTown.set(c.typed, (byTown.get(c.typed) ?? 0) + c.population);
  return [...byTown.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name]) => name);
}

/** A Zipf-like choice (weight 1/rank): a few items get most of the draws, as in real traffic. */
export function zipf<T>(list: T[], rand: () => number = Math.random): () => T {
  const pick = weighted(
    list.map((item, rank) => ({ item, rank })),
    ({ rank }) => 1 / (rank + 1),
    rand,
  );
  return () => pick().item;
}
