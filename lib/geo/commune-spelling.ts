// Close spellings of a commune name: Damerau-Levenshtein distance with cheap necessary
// conditions first (letter set, letter counts), likeliest first (population, minus a penalty per
// edit). Used by lib/geo/communes.ts; the rules are in its header and docs/geocoder.md.
import distance from 'damerau-levenshtein';
import { bitCount, letterMask } from './commune-keys';
import { byPopulation, dedupe, DOMINANCE, load, type CommuneRef } from './commune-index';

/** The longest compact key of a commune is 38 letters: longer texts are not names. */
const MAX_FUZZY_KEY = 48;

/** The edits allowed for a key of this length: none under 4 letters, 1 up to 7, then 2. */
export function allowedEdits(length: number): number {
  return length < 4 ? 0 : length < 8 ? 1 : 2;
}

/** Communes whose name is within the allowed edits of the key, likeliest first. */
export function closeSpellings(key: string, keep: (c: CommuneRef) => boolean = () => true): Array<{ commune: CommuneRef; edits: number }> {
  const edits = allowedEdits(key.length);
  if (!edits || key.length > MAX_FUZZY_KEY) return [];
  const { byLength } = load();
  const mask = letterMask(key);
  const best = new Map<string, { commune: CommuneRef; edits: number }>();
  for (let length = key.length - edits; length <= key.length + edits; length++) {
    const bucket = byLength[length];
    if (!bucket) continue;
    const { keys, masks, communes } = bucket;
    for (let i = 0; i < keys.length; i++) {
      // An edit adds or removes at most two letters to the set of letters used (a transposition
      // none): far more names fail this test than pass it, at the price of one XOR.
      if (bitCount(mask ^ masks[i]) > 2 * edits || !cheapBound(key, keys[i], edits) || !keep(communes[i])) continue;
      const d = distance(key, keys[i]).steps;
      if (d > edits) continue;
      const seen = best.get(communes[i].code);
      if (!seen || seen.edits > d) best.set(communes[i].code, { commune: communes[i], edits: d });
    }
  }
  return [...best.values()].sort((a, b) => likelihood(b) - likelihood(a) || byPopulation(a.commune, b.commune));
}

/** More inhabitants: more likely meant; each edit costs as much as a factor of about 30. */
function likelihood({ commune, edits }: { commune: CommuneRef; edits: number }) {
  return Math.log10(commune.population + 1) - 1.5 * edits;
}

/**
 * A necessary condition for `distance(a, b) ≤ edits`, cheap enough to run on every name of the
 * right length: an edit changes the multiset of letters by at most two (a transposition by none),
 * so more than 2k letters of difference means more than k edits.
 */
function cheapBound(a: string, b: string, edits: number): boolean {
  const counts = new Int16Array(36);
  for (let i = 0; i < a.length; i++) counts[code(a.charCodeAt(i))]++;
  for (let i = 0; i < b.length; i++) counts[code(b.charCodeAt(i))]--;
  let diff = 0;
  for (let i = 0; i < 36; i++) diff += counts[i] < 0 ? -counts[i] : counts[i];
  return diff <= 2 * edits;
}

function code(c: number) {
  return c >= 97 ? c - 97 : c - 48 + 26;
}

/** Towns of at least BIG_TOWN and DOMINANCE times `commune`'s inhabitants, one edit from `key`. */
export function biggerLookAlikes(key: string, commune: CommuneRef): CommuneRef[] {
  if (key.length < 5) return [];
  const { bigTowns } = load();
  const mask = letterMask(key);
  const found: CommuneRef[] = [];
  for (const e of bigTowns) {
    if (Math.abs(e.key.length - key.length) > 1 || bitCount(mask ^ e.mask) > 2) continue;
    if (e.commune.code === commune.code || e.commune.population < DOMINANCE * Math.max(commune.population, 1)) continue;
    if (distance(key, e.key).steps <= 1) found.push(e.commune);
  }
  return dedupe(found).sort(byPopulation).slice(0, 2);
}
