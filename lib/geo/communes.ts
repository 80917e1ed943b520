// Offline resolution of what a person types for a place (a commune name as people write it, a
// postcode, "commune + postcode", an arrondissement, an INSEE code), from the official list
// published by Etalab (@etalab/decoupage-administratif). It carries no coordinates: those come
// from the Commune reference table when loaded, or from the places themselves (lib/geo/index.ts).
//
// The rules (documented in docs/geocoder.md):
// - names compare on a compact key: accents, case, spaces, hyphens, apostrophes and œ/æ ignored,
//   "St"/"Ste" read as Saint/Sainte, the article (Le, La, Les, L') optional;
// - several communes under one name: the most populous is taken when they are at most FEW and it
//   has at least DOMINANCE times the inhabitants of the next one (Valence, Drôme; the others are
//   offered); otherwise the person chooses from a short list (Saint-Pierre, Beaumont, La
//   Trinité). A département or postcode in the text narrows first;
// - several communes under one postcode: the one with more inhabitants than all the others
//   together is taken (49400 Saumur, the others offered), otherwise a short list (49160);
// - no commune of that name: close spellings (Damerau-Levenshtein distance ≤ 1 from 4 letters,
//   ≤ 2 from 8) are offered, the likeliest first (population, minus a penalty per edit), never
//   picked silently — unless the text gives a département and a close spelling lies there;
// - an exact name that is one edit away from a town of at least BIG_TOWN inhabitants and
//   DOMINANCE times larger (Angres, Pas-de-Calais, 4,600 inhabitants, and Angers) is taken, and
//   the town is offered ("Vouliez-vous dire Angers ?"), unless the text gave a département or a
//   postcode.
// The list and its index are lib/geo/commune-index.ts (with DOMINANCE, BIG_TOWN and FEW), the
// compact keys lib/geo/commune-keys.ts, the close spellings lib/geo/commune-spelling.ts.
import { biggerLookAlikes, closeSpellings } from './commune-spelling';
import { arrondissementOf, byPopulation, dedupe, departementsOfPostcode, DOMINANCE, FEW, load, type CommuneRef } from './commune-index';
import { ARTICLE, nameKey, words } from './commune-keys';
import { comparableName } from './fold';

export { BIG_TOWN, DOMINANCE, FEW, communeByCode, communeBySlug, communesOfDepartement, departementName, type CommuneRef } from './commune-index';
export { nameKey } from './commune-keys';
export { allowedEdits } from './commune-spelling';

export type CommuneLookup =
  | {
      kind: 'found';
      commune: CommuneRef;
      /** Taken for a close spelling in the département the text gave ("Angres 49" → Angers). */
      corrected: boolean;
      /** Found from the last words of a longer text (an address): an address API may do better. */
      partial: boolean;
      /** The homonyms, or the communes sharing the postcode, that were not taken. */
      others: CommuneRef[];
      othersReason: 'homonyms' | 'postcode' | null;
      /** Much larger towns one edit away ("Vouliez-vous dire Angers ?"). */
      bigger: CommuneRef[];
    }
  | { kind: 'choice'; reason: 'homonyms' | 'postcode'; candidates: CommuneRef[]; more: number }
  | { kind: 'suggestions'; reason: 'spelling' | 'postcode' | 'departement'; candidates: CommuneRef[] }
  | { kind: 'none' };

const CHOICES = 8;
const SUGGESTIONS = 3;
type Query = {
  tokens: string[];
  /** The words as separated by spaces or commas (a hyphen joins a name: "Zzyzx-sur-Mer" is one). */
  spaced: string[];
  postcode: string | null;
  departement: string | null;
  cedex: boolean;
};

function parse(text: string): Query {
  const raw = text.slice(0, 200);
  let tokens = words(raw);
  const cedex = tokens.includes('cedex');
  if (cedex) {
    // "49035 Angers Cedex 01": the word and its office number say nothing of the place.
    tokens = tokens.filter((t, i) => t !== 'cedex' && !(tokens[i - 1] === 'cedex' && /^\d{1,2}$/.test(t)));
  }
  let postcode: string | null = null;
  const at = tokens.findIndex((t) => /^\d{5}$/.test(t));
  if (at >= 0) {
    postcode = tokens[at];
    tokens = tokens.filter((_, i) => i !== at);
  }
  // A département: "Angers (49)" anywhere, or "Angres 49", "Saint-Denis 974" at the end — not at
  // the start, where a number is a house number ("12 rue de la Gare Cholet").
  let departement: string | null = null;
  const isDepartement = (t: string) => /^(\d{2}|2a|2b|97\d)$/.test(t) && load().departementNames.has(t.toUpperCase());
  const inParentheses = /\(\s*(\d{2}|2[ab]|97\d)\s*\)/i.exec(raw)?.[1].toLowerCase();
  if (tokens.length > 1 && inParentheses && isDepartement(inParentheses)) {
    departement = inParentheses.toUpperCase();
    tokens.splice(tokens.lastIndexOf(inParentheses), 1);
  } else if (tokens.length > 1 && !arrondissementOf(tokens) && isDepartement(tokens[tokens.length - 1])) {
    departement = tokens.pop()!.toUpperCase();
  }
  const dropped = new Set([postcode, departement?.toLowerCase(), 'cedex']);
  const spaced = raw.split(/[\s,;()]+/).filter((w) => words(w).length && !words(w).every((t) => dropped.has(t)));
  return { tokens, spaced, postcode, departement, cedex };
}

/** The longest ending of the words that is a département's name (article optional), and the rest. */
function departementAtEnd(tokens: string[]): { tokens: string[]; code: string } | undefined {
  const { departementByKey } = load();
  for (let n = Math.min(4, tokens.length - 1); n >= 1; n--) {
    const code = departementByKey.get(nameKey(tokens.slice(-n).join(' ').replace(ARTICLE, '')));
    if (code) return { tokens: tokens.slice(0, -n), code };
  }
  return undefined;
}

/** Exact name: the communes whose compact key (with or without their article) is the text's. */
function byName(tokens: string[]): CommuneRef[] {
  const { byKey } = load();
  const folded = tokens.join(' ');
  const found = byKey.get(nameKey(folded)) ?? [];
  // "Le Mureaux" for Les Mureaux: the article typed may be the wrong one — but when the name
  // with its article exists ("Le Lamentin"), it is not also "Lamentin".
  if (!found.length && ARTICLE.test(folded)) return [...(byKey.get(nameKey(folded.replace(ARTICLE, ''))) ?? [])];
  return [...found];
}

function found(commune: CommuneRef, extra: Partial<Extract<CommuneLookup, { kind: 'found' }>> = {}): Extract<CommuneLookup, { kind: 'found' }> {
  return { kind: 'found', commune, corrected: false, partial: false, others: [], othersReason: null, bigger: [], ...extra };
}

/** Several communes for one text: the dominant one, or a choice. */
function pick(list: CommuneRef[], reason: 'homonyms' | 'postcode', key: string | null, precise: boolean): CommuneLookup {
  const sorted = dedupe(list).sort(byPopulation);
  const [first, ...rest] = sorted;
  const dominant =
    reason === 'postcode'
      ? // A postcode bears the name of its main town (La Poste's "localité"): the commune with more
        // inhabitants than all the others of the code together.
        first.population > rest.reduce((sum, c) => sum + c.population, 0)
      : sorted.length <= FEW && first.population >= DOMINANCE * Math.max(rest[0]?.population ?? 0, 1);
  if (!rest.length || dominant) {
    const commune = sorted[0];
    const others = sorted.slice(1, 1 + CHOICES);
    return { ...found(commune), others, othersReason: others.length ? reason : null, bigger: key && !precise ? biggerLookAlikes(key, commune) : [] };
  }
  return { kind: 'choice', reason, candidates: sorted.slice(0, CHOICES), more: Math.max(0, sorted.length - CHOICES) };
}

const STREET_WORDS =
  /\b(rue|avenue|av|bd|boulevard|place|pl|chemin|ch|allee|route|rte|impasse|imp|quai|cours|square|sq|lieu dit|lieudit|ld|hameau|lotissement|residence|zac|za|zi|parvis|esplanade|voie|passage|sentier|mail|rond point|faubourg|fg|bp|cs)\b/;

/** A number (house number, postcode) or a kind of street: "12 rue de la Gare" (then "Cholet"). */
function looksLikeAddress(text: string): boolean {
  return /\d/.test(text) || STREET_WORDS.test(comparableName(text));
}

type Filter = (c: CommuneRef) => boolean;

/** An address ("12 rue de la Gare Cholet"): its last words as a commune name. */
function addressTail(text: string, spaced: string[], inDepartement: Filter): CommuneLookup | undefined {
  for (let n = Math.min(5, spaced.length - 1); n >= 1; n--) {
    // Only after something that makes the text an address ("DROP TABLE Place" is not one).
    if (!looksLikeAddress(spaced.slice(0, -n).join(' ')) && !text.includes(',')) continue;
    const tail = words(spaced.slice(-n).join(' '));
    if (nameKey(tail.join(' ')).length < 3) continue;
    const candidates = byName(tail).filter(inDepartement);
    if (!candidates.length) continue;
    const picked = pick(candidates, 'homonyms', null, true);
    return picked.kind === 'found' ? { ...picked, partial: true } : picked;
  }
  return undefined;
}

/** The text as a name: exact, in the département or postcode given, close spellings, an address's end. */
function lookupByName(text: string, query: Query, key: string, inDepartement: Filter, withPostcode: Filter): CommuneLookup | undefined {
  const { arrondissementByPostcode } = load();
  const { tokens, postcode, departement } = query;
  const named = byName(tokens);
  if (named.length) {
    // "Paris 75015": the arrondissement of that postcode.
    const arr = postcode ? arrondissementByPostcode.get(postcode) : undefined;
    if (arr && named.some((c) => c.code === arr.parent)) return found(arr);
    const exact = named.filter(withPostcode);
    if (exact.length) return pick(exact, 'homonyms', null, true);
    const near = named.filter(inDepartement);
    if (near.length) return pick(near, 'homonyms', key, departement !== null || postcode !== null);
  }
  const precise = departement !== null || postcode !== null;
  if (precise) {
    // "Angres 49": no Angres there; a close spelling in that département decides.
    const close = closeSpellings(key, inDepartement);
    if (close.length) return found(close[0].commune, { corrected: true });
    if (named.length) return { kind: 'suggestions', reason: 'departement', candidates: named.slice(0, SUGGESTIONS) };
  }
  const { spaced } = query;
  if (!named.length && spaced.length > 1) {
    const fromAddress = addressTail(text, spaced, inDepartement);
    if (fromAddress) return fromAddress;
  }
  if (!named.length) {
    const close = closeSpellings(key);
    if (close.length) return { kind: 'suggestions', reason: 'spelling', candidates: close.slice(0, SUGGESTIONS).map((c) => c.commune) };
  }
  return undefined;
}

/** The text's postcode: an arrondissement's, its communes', or suggestions for a code of no commune. */
function lookupByPostcode(postcode: string): CommuneLookup | undefined {
  const { byPostcode, byCode, arrondissementByPostcode, arrondissementByCode, all } = load();
  const arr = arrondissementByPostcode.get(postcode);
  if (arr) return found(arr);
  const communes = byPostcode.get(postcode);
  if (communes?.length) return pick(communes, 'postcode', null, true);
  // Not a postcode of any commune: a CEDEX code (of businesses and offices, "49035" for
  // Angers), a mistyped one, or an INSEE code (49035 is also Bouchemaine's) — offered, not
  // taken: the main communes sharing its first three digits, and the commune of that code.
  const prefix = postcode.slice(0, 3);
  const insee = byCode.get(postcode) ?? arrondissementByCode.get(postcode);
  const sharing = all
    .filter((c) => c.postcodes.some((p) => p.startsWith(prefix)))
    .sort(byPopulation)
    .slice(0, SUGGESTIONS);
  const candidates = dedupe([...sharing.slice(0, insee ? SUGGESTIONS - 1 : SUGGESTIONS), ...(insee ? [insee] : [])]);
  if (candidates.length) return { kind: 'suggestions', reason: 'postcode', candidates };
  return undefined;
}

/** What a free text designates, as a lookup result (see the rules at the top of this file). */
export function lookupCommune(text: string): CommuneLookup {
  const { byCode } = load();
  const query = parse(text);
  const { tokens, postcode, departement } = query;
  const name = tokens.join(' ');
  const key = nameKey(name);

  const arrondissement = arrondissementOf(tokens);
  if (arrondissement) return found(arrondissement);

  // "Saint-Pierre La Réunion", "Beaumont (Puy-de-Dôme)": a département's name at the end, when
  // the whole is no commune's name ("Chalonnes-sur-Loire" keeps its Loire).
  if (departement === null && tokens.length > 1 && !byName(tokens).length) {
    const split = departementAtEnd(tokens);
    if (split) return lookupCommune(`${split.tokens.join(' ')} ${postcode ?? ''} (${split.code})`);
  }

  const inDepartement = (c: CommuneRef) =>
    (departement === null || c.departement === departement) &&
    (postcode === null || c.postcodes.includes(postcode) || departementsOfPostcode(postcode).includes(c.departement));
  const withPostcode = (c: CommuneRef) => postcode !== null && c.postcodes.includes(postcode);

  if (key) {
    const byNameResult = lookupByName(text, query, key, inDepartement, withPostcode);
    if (byNameResult) return byNameResult;
  }

  if (postcode) {
    const byPostcodeResult = lookupByPostcode(postcode);
    if (byPostcodeResult) return byPostcodeResult;
  }
  // An INSEE code of Corsica ("2A004").
  const insee = tokens.length === 1 && /^2[ab]\d{3}$/.test(tokens[0]) ? byCode.get(tokens[0].toUpperCase()) : undefined;
  if (insee) return found(insee);
  return { kind: 'none' };
}

/**
 * The commune a free text designates, when it designates one: a postcode ("49400"), an INSEE
 * code, a name as people write it, optionally with a postcode ("Saint-Barthélemy-d'Anjou 49124").
 * Among homonyms the most populous is taken; a misspelling gives nothing (see lookupCommune).
 */
export function resolveCommune(query: string): CommuneRef | undefined {
  const lookup = lookupCommune(query);
  if (lookup.kind === 'found') return lookup.commune;
  if (lookup.kind === 'choice') return lookup.candidates[0];
  return undefined;
}

/** Communes whose name starts with (then contains) the text, most populous first; else close spellings. */
export function suggestCommunes(query: string, limit = 6): CommuneRef[] {
  const { all, keys, byPostcode } = load();
  const text = query.trim();
  if (/^\d{2,5}$/.test(text)) {
    const out: CommuneRef[] = [];
    for (const [postcode, communes] of byPostcode) if (postcode.startsWith(text)) out.push(...communes);
    return dedupe(out.sort(byPopulation)).slice(0, limit);
  }
  const key = nameKey(text);
  if (key.length < 2) return [];
  // Keys computed once at load: folding 35,000 names on every keystroke cost about 100 ms.
  const starts: CommuneRef[] = [];
  const contains: CommuneRef[] = [];
  for (let i = 0; i < keys.length; i++) {
    const at = keys[i].indexOf(key);
    if (at === 0) starts.push(all[i]);
    else if (at > 0) contains.push(all[i]);
  }
  if (!starts.length && !contains.length) {
    // Nothing starts or contains the text: a misspelling ("Angrs"), its close spellings.
    return closeSpellings(key)
      .slice(0, limit)
      .map((c) => c.commune);
  }
  return [...starts.sort(byPopulation), ...(starts.length >= limit ? [] : contains.sort(byPopulation))].slice(0, limit);
}
