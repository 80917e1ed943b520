// The official list of communes (Etalab's @etalab/decoupage-administratif), indexed once on
// first use: by name key, postcode, INSEE code, arrondissement and key length. Lookups by code,
// slug and département live here; what a free text designates is lib/geo/communes.ts.
import { ARTICLE, comparableCommuneName, letterMask, nameKey } from './commune-keys';
import { comparableName } from './fold';

export type CommuneRef = {
  code: string;
  name: string;
  departement: string;
  postcodes: string[];
  population: number;
  slug: string;
  /** INSEE's TNCC: how the name takes "de" (see french.ts). */
  typeLiaison: number | null;
  /** For a municipal arrondissement of Paris, Lyon or Marseille: its commune's code. */
  parent?: string;
};

type RawCommune = {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  codesPostaux?: string[];
  population?: number;
  typeLiaison?: number;
  commune?: string;
};

/** The most populous of several is taken when it has this many times the next one's inhabitants. */
export const DOMINANCE = 10;
/** A town this large is offered when an exact name of a much smaller commune is one edit away. */
export const BIG_TOWN = 10_000;
/** A name shared by more communes than this is generic (Saint-Pierre, Beaumont): always a choice. */
export const FEW = 3;
type Entry = { key: string; commune: CommuneRef };
/** The name keys of one length, with the set of letters of each as a bit mask. */
type Bucket = { keys: string[]; masks: Int32Array; communes: CommuneRef[] };

type Index = {
  all: CommuneRef[];
  byKey: Map<string, CommuneRef[]>;
  byPostcode: Map<string, CommuneRef[]>;
  arrondissementByPostcode: Map<string, CommuneRef>;
  byCode: Map<string, CommuneRef>;
  arrondissementByCode: Map<string, CommuneRef>;
  /** Name keys by length, for the close-spelling scan. */
  byLength: Bucket[];
  /** Name keys of the communes of at least BIG_TOWN inhabitants. */
  bigTowns: Array<Entry & { mask: number }>;
  /** Compact keys of the communes in `all` order (suggestions as you type). */
  keys: string[];
  departementNames: Map<string, string>;
  /** "puydedome" → "63", "reunion" → "974". */
  departementByKey: Map<string, string>;
};

let index: Index | undefined;

/** The index, built on first call. */
export function load(): Index {
  if (index) return index;
  const raw = require('@etalab/decoupage-administratif/data/communes.json') as RawCommune[];
  const departements = require('@etalab/decoupage-administratif/data/departements.json') as Array<{ code: string; nom: string }>;
  const entriesByLength: Entry[][] = [];
  const next: Index = {
    all: [],
    byKey: new Map(),
    byPostcode: new Map(),
    arrondissementByPostcode: new Map(),
    byCode: new Map(),
    arrondissementByCode: new Map(),
    byLength: [],
    bigTowns: [],
    keys: [],
    departementNames: new Map(departements.map((d) => [d.code, d.nom])),
    departementByKey: new Map(departements.map((d) => [nameKey(comparableName(d.nom).replace(ARTICLE, '')), d.code])),
  };
  const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  // One fold per name (the slow part of building the index): keys and slug derive from it.
  const addKeys = (commune: CommuneRef, folded: string) => {
    const keyed = /[œæ]/i.test(commune.name) ? comparableCommuneName(commune.name) : folded;
    const full = keyed.replace(/[^a-z0-9]+/g, '');
    const bare = ARTICLE.test(keyed) ? keyed.replace(ARTICLE, '').replace(/[^a-z0-9]+/g, '') : full;
    for (const key of full === bare ? [full] : [full, bare]) {
      push(next.byKey, key, commune);
      (entriesByLength[key.length] ??= []).push({ key, commune });
      if (commune.population >= BIG_TOWN) next.bigTowns.push({ key, commune, mask: letterMask(key) });
    }
    return full;
  };
  for (const c of raw) {
    if (!c.departement) continue;
    const isArrondissement = c.type === 'arrondissement-municipal';
    if (c.type !== 'commune-actuelle' && !isArrondissement) continue;
    const folded = comparableName(c.nom);
    const commune: CommuneRef = {
      code: c.code,
      name: c.nom,
      departement: c.departement,
      postcodes: c.codesPostaux ?? [],
      population: c.population ?? 0,
      slug: `${c.code}-${folded.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`, // slugify(c.nom)
      typeLiaison: c.typeLiaison ?? null,
      ...(isArrondissement && c.commune ? { parent: c.commune } : {}),
    };
    if (isArrondissement) {
      next.arrondissementByCode.set(c.code, commune);
      for (const postcode of commune.postcodes) next.arrondissementByPostcode.set(postcode, commune);
      addKeys(commune, folded);
      continue;
    }
    next.all.push(commune);
    next.byCode.set(c.code, commune);
    next.keys.push(addKeys(commune, folded));
    for (const postcode of commune.postcodes) push(next.byPostcode, postcode, commune);
  }
  for (const list of [...next.byKey.values(), ...next.byPostcode.values()]) list.sort(byPopulation);
  next.byLength = Array.from(entriesByLength, (entries = []) => ({
    keys: entries.map((e) => e.key),
    masks: Int32Array.from(entries, (e) => letterMask(e.key)),
    communes: entries.map((e) => e.commune),
  }));
  index = next;
  return index;
}

export function byPopulation(a: CommuneRef, b: CommuneRef) {
  return b.population - a.population || a.code.localeCompare(b.code);
}

export function dedupe(list: CommuneRef[]) {
  return [...new Map(list.map((c) => [c.code, c])).values()];
}

export function communeByCode(code: string): CommuneRef | undefined {
  return load().byCode.get(code);
}

/** "49007-angers" (the slug of territory pages) → the commune. */
export function communeBySlug(slug: string): CommuneRef | undefined {
  const commune = communeByCode(slug.slice(0, 5));
  return commune && commune.slug === slug ? commune : undefined;
}

export function communesOfDepartement(code: string): CommuneRef[] {
  return load().all.filter((c) => c.departement === code);
}

export function departementName(code: string): string | undefined {
  return load().departementNames.get(code);
}

/** The départements a postcode can belong to: 20xxx is Corsica (2A or 2B), 97xxx overseas. */
export function departementsOfPostcode(postcode: string): string[] {
  if (postcode.startsWith('20')) return ['2A', '2B'];
  if (postcode.startsWith('97') || postcode.startsWith('98')) return [postcode.slice(0, 3)];
  return [postcode.slice(0, 2)];
}

const ARRONDISSEMENTS: Record<string, { prefix: string; count: number }> = {
  paris: { prefix: '751', count: 20 },
  marseille: { prefix: '132', count: 16 },
  lyon: { prefix: '6938', count: 9 },
};

/** "Paris 15", "paris 15e", "Lyon 3ème", "Marseille 8e arrondissement", "Paris 1er" → the arrondissement. */
export function arrondissementOf(tokens: string[]): CommuneRef | undefined {
  const text = tokens.join(' ');
  const match = /^(paris|lyon|marseille) ?(\d{1,2}) ?(?:e|er|ere|eme|ieme|em|me)?(?: ?(?:arr|arrt|arrondissement))?$/.exec(text);
  if (!match) return undefined;
  const city = ARRONDISSEMENTS[match[1]];
  const n = Number(match[2]);
  if (n < 1 || n > city.count) return undefined;
  return load().arrondissementByCode.get(`${city.prefix}${String(n).padStart(5 - city.prefix.length, '0')}`);
}

/** A municipal arrondissement of Paris, Lyon or Marseille by its INSEE code (75115…). */
export function arrondissementByCode(code: string): CommuneRef | undefined {
  return load().arrondissementByCode.get(code);
}
