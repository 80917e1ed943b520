// What people type for a place, as a table: input → the commune (INSEE code) it must give, the
// close spellings it must offer, or the choice it must ask for. Real spellings, from the examples
// of issue #15 and from what residents write (no article, no hyphens, no accents, St/Ste,
// postcodes in either order, arrondissements, overseas, Corsica, CEDEX, garbage).
import { describe, expect, it } from 'vitest';
import { allowedEdits, lookupCommune, nameKey, resolveCommune, suggestCommunes, type CommuneLookup } from './communes';

type Expected = { found: string; bigger?: string[]; corrected?: boolean; others?: string[] } | { suggests: string[] } | { choice: string[] } | { none: true };

const CASES: Array<[string, Expected]> = [
  // Names without their article, case, spaces, hyphens, accents (issue #15's examples).
  ['Mureaux', { found: '78440' }],
  ['Les Mureaux', { found: '78440' }],
  ['le mureaux', { found: '78440' }],
  ['Ponts de Cé', { found: '49246' }],
  ['ponts-de-ce', { found: '49246' }],
  ['LES PONTS DE CE', { found: '49246' }],
  ['  les   ponts  de   cé  ', { found: '49246' }],
  ['Trinité', { choice: ['97230', '06149'] }],
  ['la trinite 06', { found: '06149' }],
  ['Trinité 972', { found: '97230' }],
  ['Le Mans', { found: '72181' }],
  ['Mans', { found: '72181' }],
  ['La Rochelle', { found: '17300', others: ['70450'] }],
  ['Rochelle', { found: '17300' }],
  ["L'Isle-Adam", { found: '95313' }],
  ['L’Isle-Adam', { found: '95313' }],
  ['Isle Adam', { found: '95313' }],
  ['l isle adam', { found: '95313' }],
  ["L'Haÿ-les-Roses", { found: '94038' }],
  ['Hay les Roses', { found: '94038' }],
  ['La Roche sur Yon', { found: '85191' }],
  ['Roche-sur-Yon', { found: '85191' }],
  ['Le Puy en Velay', { found: '43157' }],
  ["Sables d'Olonne", { found: '85194' }],
  ['Les Sables d Olonne', { found: '85194' }],
  // Saint/Sainte, apostrophes of both kinds, "sur", "lès", "en".
  ["St Barthélemy d'Anjou", { found: '49267' }],
  ['Saint Barthelemy d Anjou', { found: '49267' }],
  ['st-barthelemy-danjou', { found: '49267' }],
  ['Saint-Barthélemy-d’Anjou', { found: '49267' }],
  ['Chalonnes sur Loire', { found: '49063' }],
  ['chalonnes-sur-loire', { found: '49063' }],
  ['Mûrs Érigné', { found: '49223' }],
  ['Murs Erigne', { found: '49223' }],
  ['Ste Gemmes sur Loire', { found: '49278' }],
  ['Sainte-Gemmes-sur-Loire', { found: '49278' }],
  ['St Rémy lès Chevreuse', { found: '78575' }],
  ['Saint Remy les Chevreuse', { found: '78575' }],
  ['Sainte Foy les Lyon', { found: '69202' }],
  ['Villers les Nancy', { found: '54578' }],
  ['Beaupréau en Mauges', { found: '49023' }],
  ['Aix en Provence', { found: '13001' }],
  ['Chalons en Champagne', { found: '51108' }],
  ['Boulogne sur Mer', { found: '62160' }],
  ['Boulogne-Billancourt', { found: '92012' }],
  ['Saint Germain en Laye', { found: '78551' }],
  ['St Etienne', { found: '42218' }],
  ['Saint-Étienne', { found: '42218' }],
  ["Villeneuve d'Ascq", { found: '59009' }],
  ['Val d Isere', { found: '73304' }],
  ['Clermont Ferrand', { found: '63113' }],
  ['Pont a Mousson', { found: '54431' }],
  ['Charleville Mezieres', { found: '08105' }],
  // œ and æ.
  ['Cœuvres-et-Valsery', { found: '02201' }],
  ['Coeuvres et Valsery', { found: '02201' }],
  ['Bonnoeil', { found: '14087' }],
  ['Bonnœil', { found: '14087' }],
  ['Noeux les Mines', { found: '62617' }],
  ['Vœuil-et-Giget', { found: '16418' }],
  ['Œuilly', { choice: ['51410', '02565'] }],
  ['Oeuilly 02', { found: '02565' }],
  ['Ay Champagne', { found: '51030' }],
  // Postcodes, commune + postcode in either order, CEDEX.
  ['49400', { found: '49328' }],
  ['Saumur 49400', { found: '49328' }],
  ['49400 Saumur', { found: '49328' }],
  ['Cholet 49300', { found: '49099' }],
  ['Angers 49100', { found: '49007' }],
  ['49000', { found: '49007', others: ['49129'] }],
  ['Écouflant 49000', { found: '49129' }],
  ['49160', { choice: ['49261', '49180', '49311', '49030'] }],
  ['49130', { found: '49246', others: ['49278', '49288'] }],
  ['49124', { found: '49267', others: ['49241'] }],
  ['Sainte-Gemmes-sur-Loire 49130', { found: '49278' }],
  ['Le Plessis-Grammoire 49124', { found: '49241' }],
  ['49035', { suggests: ['49007'] }],
  ['49035 Angers Cedex', { found: '49007' }],
  ['ANGERS CEDEX 01', { found: '49007' }],
  ['Angers Cedex 49035', { found: '49007' }],
  // Arrondissements of Paris, Lyon, Marseille.
  ['Paris', { found: '75056' }],
  ['Paris 15', { found: '75115' }],
  ['Paris 15e', { found: '75115' }],
  ['paris 15ème', { found: '75115' }],
  ['Paris 15e arrondissement', { found: '75115' }],
  ['75015', { found: '75115' }],
  ['Paris 75015', { found: '75115' }],
  ['75015 Paris', { found: '75115' }],
  ['Paris 1er', { found: '75101' }],
  ['75116', { found: '75116' }],
  ['Lyon 3e', { found: '69383' }],
  ['Lyon 3ème arrondissement', { found: '69383' }],
  ['69003', { found: '69383' }],
  ['Lyon', { found: '69123' }],
  ['Marseille 8', { found: '13208' }],
  ['Marseille 8e', { found: '13208' }],
  ['13008', { found: '13208' }],
  ['Marseille', { found: '13055' }],
  // Overseas (97x) and Corsica (2A/2B).
  ['Fort de France', { found: '97209' }],
  ['Pointe-à-Pitre', { found: '97120' }],
  ['pointe a pitre', { found: '97120' }],
  ['Cayenne', { found: '97302' }],
  ['Mamoudzou', { found: '97611' }],
  ['Saint Laurent du Maroni', { found: '97311' }],
  ['Le Tampon', { found: '97422' }],
  ['Tampon', { found: '97422' }],
  ['Abymes', { found: '97101' }],
  ['Le Lamentin', { found: '97213' }],
  ['Lamentin', { choice: ['97213', '97115'] }],
  ['97400', { found: '97411' }],
  ['Saint-Denis 974', { found: '97411' }],
  ['Saint-Denis (974)', { found: '97411' }],
  ['Saint-Denis 93', { found: '93066' }],
  ['Ajaccio', { found: '2A004' }],
  ['2A004', { found: '2A004' }],
  ['20000', { found: '2A004' }],
  ['Bastia', { found: '2B033' }],
  ['Porto-Vecchio', { found: '2A247' }],
  ['Porto Vechio', { suggests: ['2A247'] }],
  ['Calvi 2B', { found: '2B050' }],
  // Homonyms: a short choice list.
  ['Saint-Pierre', { choice: ['97416', '97225'] }],
  ['Saint Pierre 974', { found: '97416' }],
  ['Saint Martin', { choice: ['97801', '65392', '32389'] }],
  ['Saint-Martin (65)', { found: '65392' }],
  ['Sainte Marie', { choice: ['97418', '97228'] }],
  ['Beaumont', { choice: ['63032', '74031'] }],
  ['Beaumont 63', { found: '63032' }],
  ['Saint-Denis', { choice: ['97411', '93066'] }],
  ['Saint-Paul', { choice: ['97415', '60591'] }],
  ['Valence', { found: '26362', others: ['82186', '16392'] }],
  // A small commune one letter off a large town; likely typos.
  ['Angres', { found: '62032', bigger: ['49007'] }],
  ['Angres 62', { found: '62032', bigger: [] }],
  ['Angres 49', { found: '49007', corrected: true }],
  ['Angers (49)', { found: '49007' }],
  ['Angers', { found: '49007', bigger: [] }],
  ['Angrs', { suggests: ['49007', '62032'] }],
  ['Angerss', { suggests: ['49007'] }],
  ['Marseile', { suggests: ['13055'] }],
  ['Bordaux', { suggests: ['33063'] }],
  ['Toulouze', { suggests: ['31555'] }],
  ['Strasbourgh', { suggests: ['67482'] }],
  ['Nantess', { suggests: ['44109'] }],
  ['Montpelier', { suggests: ['34172'] }],
  ['Saumru', { suggests: ['49328'] }],
  ['Chollet', { suggests: ['49099'] }],
  ['Trelaze', { found: '49353' }],
  ['Saumur 75', { suggests: ['49328'] }],
  // A département's name at the end; the postal "s/".
  ['Saint-Pierre La Réunion', { found: '97416' }],
  ['Beaumont (Puy-de-Dôme)', { found: '63032' }],
  ['Beaumont Puy de Dome', { found: '63032' }],
  ['Saint-Martin Hautes-Pyrénées', { found: '65392' }],
  ['Saint-Denis Seine-Saint-Denis', { found: '93066' }],
  ['Allonnes Sarthe', { found: '72003' }],
  ['Angres Maine-et-Loire', { found: '49007', corrected: true }],
  ['Chalonnes s/ Loire', { found: '49063' }],
  ['Chalonnes S/Loire', { found: '49063' }],
  // Addresses: the commune at the end.
  ['12 rue de la Gare Cholet', { found: '49099' }],
  ['1 rue Jean Jaurès 49800 Trélazé', { found: '49353' }],
  ['3 place du Ralliement, Angers', { found: '49007' }],
  // Garbage: nothing, and no guess.
  ['???', { none: true }],
  ['', { none: true }],
  ['Zzyzx', { none: true }],
  ['Zzyzx-sur-Mer', { none: true }],
  ['<script>alert(1)</script>', { none: true }],
  ['<b>'.repeat(100), { none: true }],
  ['x'.repeat(300), { none: true }],
  ['Lorem ipsum dolor sit amet, consectetur adipiscing elit '.repeat(6), { none: true }],
  ['\'; DROP TABLE "Place"; --', { none: true }],
  ['Rue de la Paix', { none: true }],
  ['rue de la gare placé', { found: '53179' }],
];

function check(input: string, expected: Expected, lookup: CommuneLookup): string | null {
  const codes = (list: Array<{ code: string }>) => list.map((c) => c.code);
  if ('none' in expected) return lookup.kind === 'none' ? null : `expected nothing, got ${lookup.kind}`;
  if ('found' in expected) {
    if (lookup.kind !== 'found') return `expected ${expected.found}, got ${lookup.kind}${'candidates' in lookup ? ` ${codes(lookup.candidates)}` : ''}`;
    if (lookup.commune.code !== expected.found) return `expected ${expected.found}, got ${lookup.commune.code}`;
    if (expected.bigger && JSON.stringify(codes(lookup.bigger)) !== JSON.stringify(expected.bigger)) return `bigger ${codes(lookup.bigger)}`;
    if (expected.others && !expected.others.every((c) => codes(lookup.others).includes(c))) return `others ${codes(lookup.others)}`;
    if ((expected.corrected ?? false) !== lookup.corrected) return `corrected ${lookup.corrected}`;
    return null;
  }
  const kind = 'suggests' in expected ? 'suggestions' : 'choice';
  const wanted = 'suggests' in expected ? expected.suggests : expected.choice;
  if (lookup.kind !== kind) return `expected ${kind} ${wanted}, got ${lookup.kind}${lookup.kind === 'found' ? ` ${lookup.commune.code}` : ''}`;
  const got = codes(lookup.candidates);
  if (!wanted.every((c) => got.includes(c))) return `expected ${kind} with ${wanted}, got ${got}`;
  // The first one named is the likeliest: it comes first.
  if (got[0] !== wanted[0]) return `expected ${wanted[0]} first, got ${got}`;
  return null;
}

describe('what people type for a place', () => {
  it(`resolves the ${CASES.length} real-world spellings of the table`, () => {
    const failures = CASES.map(([input, expected]) => [input, check(input, expected, lookupCommune(input))] as const).filter(([, failure]) => failure);
    // Every failure listed at once, with what went wrong.
    expect(failures).toEqual([]);
    expect(CASES.length).toBeGreaterThanOrEqual(80);
  });

  it('takes a choice list of at most 8, and says how many more there are', () => {
    const lookup = lookupCommune('Saint-Martin');
    expect(lookup.kind).toBe('choice');
    if (lookup.kind !== 'choice') return;
    expect(lookup.candidates.length).toBeLessThanOrEqual(8);
    const colombe = lookupCommune('Sainte-Colombe');
    expect(colombe).toMatchObject({ kind: 'choice', more: 4 });
    expect(colombe.kind === 'choice' && colombe.candidates.length).toBe(8);
  });

  it('never picks a close spelling silently: a misspelt name gives suggestions, not a commune', () => {
    for (const input of ['Angrs', 'Marseile', 'Bordaux', 'Saumru']) expect(resolveCommune(input)).toBeUndefined();
    // Homonyms still resolve for address forms: the most populous, as before.
    expect(resolveCommune('Saint-Denis')?.code).toBe('97411');
    expect(resolveCommune('Saint-Barthélemy-d’Anjou 49124')?.code).toBe('49267');
  });

  it('allows more edits to longer names', () => {
    expect([3, 4, 7, 8, 20].map(allowedEdits)).toEqual([0, 1, 1, 2, 2]);
    // "Lyon" is four letters: one edit. "Lyin" is offered Lyon; "Lxxn" nothing.
    expect(lookupCommune('Lyin')).toMatchObject({ kind: 'suggestions' });
    expect(lookupCommune('Lxxn')).toMatchObject({ kind: 'none' });
  });

  it('compares names on a compact key', () => {
    expect(nameKey('Saint-Barthélemy-d’Anjou')).toBe('saintbarthelemydanjou');
    expect(nameKey('St Barthelemy d Anjou')).toBe('saintbarthelemydanjou');
    expect(nameKey('Cœuvres-et-Valsery')).toBe('coeuvresetvalsery');
  });

  it('suggests as you type from names and postcodes, article optional', () => {
    expect(suggestCommunes('Saum')[0].code).toBe('49328');
    expect(suggestCommunes('mureaux')[0].code).toBe('78440');
    expect(suggestCommunes('4930').map((c) => c.code)).toContain('49099');
    // Nothing begins so: the close spellings.
    expect(suggestCommunes('Angrs')[0].code).toBe('49007');
  });

  it('costs under 20 ms for an unresolved name or a typo, once the index is built', () => {
    lookupCommune('Saumur'); // builds the index
    const inputs = Array.from({ length: 200 }, (_, i) => (i % 2 ? `Zq${i.toString(36)}wxyzkq` : `Angersz${i.toString(36)}`));
    const times = inputs.map((input) => {
      const started = performance.now();
      lookupCommune(input);
      return performance.now() - started;
    });
    times.sort((a, b) => a - b);
    // The median; the p95 is in docs/geocoder.md (this machine is shared, tails are noisy).
    expect(times[Math.floor(times.length / 2)]).toBeLessThan(20);
  });
});
