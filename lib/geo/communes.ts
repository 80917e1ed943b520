// Offline resolution of commune names, postcodes and INSEE codes, from the official list
// published by Etalab (@etalab/decoupage-administratif). It carries no coordinates: those come
// from the Commune reference table when loaded, or from the places themselves (lib/geo/index.ts).
import { fold, slugify } from './fold';

export type CommuneRef = {
  code: string;
  name: string;
  departement: string;
  postcodes: string[];
  population: number;
  slug: string;
};

type RawCommune = {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  codesPostaux?: string[];
  population?: number;
};

let index: { all: CommuneRef[]; byName: Map<string, CommuneRef[]>; byPostcode: Map<string, CommuneRef[]>; byCode: Map<string, CommuneRef> } | undefined;

function load() {
  if (index) return index;
  const raw = require('@etalab/decoupage-administratif/data/communes.json') as RawCommune[];
  const all: CommuneRef[] = [];
  const byName = new Map<string, CommuneRef[]>();
  const byPostcode = new Map<string, CommuneRef[]>();
  const byCode = new Map<string, CommuneRef>();
  for (const c of raw) {
    if (c.type !== 'commune-actuelle' || !c.departement) continue;
    const commune: CommuneRef = {
      code: c.code,
      name: c.nom,
      departement: c.departement,
      postcodes: c.codesPostaux ?? [],
      population: c.population ?? 0,
      slug: `${c.code}-${slugify(c.nom)}`,
    };
    all.push(commune);
    byCode.set(c.code, commune);
    const key = fold(c.nom);
    byName.set(key, [...(byName.get(key) ?? []), commune]);
    for (const postcode of commune.postcodes) byPostcode.set(postcode, [...(byPostcode.get(postcode) ?? []), commune]);
  }
  for (const list of [...byName.values(), ...byPostcode.values()]) list.sort((a, b) => b.population - a.population);
  index = { all, byName, byPostcode, byCode };
  return index;
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

/**
 * The commune a free text designates: a postcode ("49400"), an INSEE code, a name with or
 * without accents ("Saumur", "les ponts de ce"), optionally followed by a postcode
 * ("Saint-Barthélemy-d'Anjou 49124"). The most populous wins among homonyms.
 */
export function resolveCommune(query: string): CommuneRef | undefined {
  const { byName, byPostcode, byCode } = load();
  const text = query.trim();
  const postcode = text.match(/\b(\d{5})\b/)?.[1] ?? text.match(/\b(2[AB]\d{3})\b/i)?.[1];
  const name = fold(text.replace(/\b\d{5}\b/, ''));
  if (name) {
    const candidates = byName.get(name);
    if (candidates?.length) return candidates.find((c) => !postcode || c.postcodes.includes(postcode) || c.code === postcode) ?? candidates[0];
  }
  if (postcode) return byPostcode.get(postcode)?.[0] ?? byCode.get(postcode.toUpperCase());
  return undefined;
}

/** Communes whose name starts with (then contains) the text, most populous first. */
export function suggestCommunes(query: string, limit = 6): CommuneRef[] {
  const { all, byPostcode } = load();
  const text = query.trim();
  if (/^\d{2,5}$/.test(text)) {
    const out: CommuneRef[] = [];
    for (const [postcode, communes] of byPostcode) if (postcode.startsWith(text)) out.push(...communes);
    return dedupe(out.sort((a, b) => b.population - a.population)).slice(0, limit);
  }
  const key = fold(text);
  if (key.length < 2) return [];
  const starts = all.filter((c) => fold(c.name).startsWith(key));
  const contains = starts.length >= limit ? [] : all.filter((c) => !fold(c.name).startsWith(key) && fold(c.name).includes(key));
  return [...starts.sort((a, b) => b.population - a.population), ...contains.sort((a, b) => b.population - a.population)].slice(0, limit);
}

function dedupe(list: CommuneRef[]) {
  return [...new Map(list.map((c) => [c.code, c])).values()];
}
