// The compact keys commune names are compared on (rules in lib/geo/communes.ts and
// docs/geocoder.md): folded text, œ/æ spelt out, the optional article, and each key's set of
// letters as a bit mask for the close-spelling scan (lib/geo/commune-spelling.ts).
import { comparableName } from './fold';

/** Folded, with œ and æ spelt out (NFD leaves them whole): "Œuilly" → "oeuilly". */
export function comparableCommuneName(text: string): string {
  return comparableName(
    text
      .replace(/œ/g, 'oe')
      .replace(/Œ/g, 'Oe')
      .replace(/æ/g, 'ae')
      .replace(/Æ/g, 'Ae')
      // "Chalonnes s/ Loire": the postal shorthand for "sur".
      .replace(/(^|\s)s\s*\/\s*/gi, '$1sur '),
  );
}

/** The compact form names are compared on: "Saint-Barthélemy-d'Anjou" → "saintbarthelemydanjou". */
export function nameKey(text: string): string {
  return comparableCommuneName(text).replace(/[^a-z0-9]+/g, '');
}

/** Words, folded: "(49)" → "49", "Paris 15ème" → "paris 15eme". */
export function words(text: string): string[] {
  return comparableCommuneName(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

export const ARTICLE = /^(le|la|les|l)\s/;

/** One bit per letter (digits share bits with letters: the test stays a necessary condition). */
export function letterMask(key: string): number {
  let mask = 0;
  for (let i = 0; i < key.length; i++) mask |= 1 << (key.charCodeAt(i) & 31);
  return mask;
}

export function bitCount(n: number): number {
  n -= (n >>> 1) & 0x55555555;
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
