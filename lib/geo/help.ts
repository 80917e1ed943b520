// What the search page says about the place a person typed, when it is not simply found: close
// spellings ("Vouliez-vous dire … ?"), homonyms or a shared postcode (a short choice), a much
// larger town one letter away. Each option carries a text that designates exactly one commune,
// for the `ou` parameter of a link (which keeps the other filters), so it works without JavaScript.
import { departementName, lookupCommune, type CommuneLookup, type CommuneRef } from './communes';
import { withDe } from './french';

export type PlaceOption = { label: string; value: string; code: string };

/**
 * What `text` says, as data: the public pages say it in the visitor's language through the
 * message `geo.<key>` (lib/i18n/explain.ts; `place` takes French's "de" there, from `typeLiaison`).
 */
export type PlaceHelpMessage = {
  key: 'postcodeUnknown' | 'notFoundDepartement' | 'notFound' | 'postcodeMany' | 'homonyms' | 'corrected' | 'around' | 'postcodeAlso' | 'namesakes';
  typed: string;
  place?: string;
  typeLiaison?: number | null;
};

export type PlaceHelp = {
  /** did-you-mean: "… Vouliez-vous dire A ou B ?"; choose: a list; also: "… : A, B." */
  kind: 'did-you-mean' | 'choose' | 'also';
  /** In French (messages/fr.json's geo.* say the same: lib/i18n/explain.test.ts). */
  text: string;
  message: PlaceHelpMessage | null;
  options: PlaceOption[];
  /** Candidates left out of a choice list. */
  more: number;
};

/** "Angers (Maine-et-Loire)"; with the postcode when the list holds homonyms of one département. */
function optionsFor(communes: CommuneRef[]): PlaceOption[] {
  return communes.map((c) => {
    const twin = communes.some((o) => o !== c && o.name === c.name && o.departement === c.departement);
    const where = departementName(c.departement) ?? c.departement;
    return { label: `${c.name} (${where}${twin && c.postcodes[0] ? `, ${c.postcodes[0]}` : ''})`, value: valueFor(c), code: c.code };
  });
}

/** A text the geocoder resolves to exactly this commune: "Angers (49)", else with its postcode. */
export function valueFor(commune: CommuneRef): string {
  if (commune.parent) return commune.name;
  for (const value of [`${commune.name} (${commune.departement})`, ...commune.postcodes.map((p) => `${commune.name} ${p}`)]) {
    const lookup = lookupCommune(value);
    if (lookup.kind === 'found' && lookup.commune.code === commune.code && !lookup.corrected) return value;
  }
  return `${commune.name} ${commune.postcodes[0] ?? commune.departement}`;
}

/** `located`: whether the search could place the commune found (else it says "not found" itself). */
export function placeHelp(typed: string, lookup: CommuneLookup, located = true): PlaceHelp | null {
  const shown = typed.trim().slice(0, 80);
  const quoted = `« ${shown} »`;
  switch (lookup.kind) {
    case 'none':
      return null;
    case 'suggestions': {
      const text =
        lookup.reason === 'postcode'
          ? `Le code postal ${quoted} ne correspond à aucune commune (c’est peut-être un code CEDEX, réservé au courrier).`
          : lookup.reason === 'departement'
            ? `Nous n’avons pas trouvé ${quoted} dans ce département.`
            : `Nous n’avons pas trouvé ${quoted}.`;
      const key = lookup.reason === 'postcode' ? 'postcodeUnknown' : lookup.reason === 'departement' ? 'notFoundDepartement' : 'notFound';
      return { kind: 'did-you-mean', text, message: { key, typed: shown }, options: optionsFor(lookup.candidates), more: 0 };
    }
    case 'choice':
      return {
        kind: 'choose',
        text:
          lookup.reason === 'postcode'
            ? `Le code postal ${quoted} couvre plusieurs communes : laquelle ?`
            : `Plusieurs communes s’appellent ${quoted} : laquelle ?`,
        message: { key: lookup.reason === 'postcode' ? 'postcodeMany' : 'homonyms', typed: shown },
        options: optionsFor(lookup.candidates),
        more: lookup.more,
      };
    case 'found': {
      const { commune } = lookup;
      const here = `${commune.name} (${departementName(commune.departement) ?? commune.departement})`;
      if (lookup.corrected && !located) return null;
      const place = { place: here, typeLiaison: commune.typeLiaison };
      if (lookup.corrected)
        return {
          kind: 'also',
          text: `Nous n’avons pas trouvé ${quoted} : voici les lieux autour ${withDe(here, commune.typeLiaison)}.`,
          message: { key: 'corrected', typed: shown, ...place },
          options: [],
          more: 0,
        };
      if (lookup.bigger.length)
        return {
          kind: 'did-you-mean',
          text: located ? `Voici les lieux autour ${withDe(here, commune.typeLiaison)}.` : '',
          message: located ? { key: 'around', typed: shown, ...place } : null,
          options: optionsFor(lookup.bigger),
          more: 0,
        };
      if (lookup.others.length) {
        const text = lookup.othersReason === 'postcode' ? `Le code postal ${quoted} couvre aussi :` : `Autres communes nommées ${commune.name} :`;
        const message: PlaceHelpMessage =
          lookup.othersReason === 'postcode' ? { key: 'postcodeAlso', typed: shown } : { key: 'namesakes', typed: shown, place: commune.name };
        return { kind: 'also', text, message, options: optionsFor(lookup.others), more: 0 };
      }
      return null;
    }
  }
}
