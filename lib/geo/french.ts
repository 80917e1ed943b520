// "de" before a place name, as French typography writes it: "autour du Mans", "des Ponts-de-Cé",
// "de La Rochelle" (La is part of the name: kept, capital included), "de L'Isle-Adam", "d’Angers".
// INSEE says which form each commune takes (its "type de nom en clair", TNCC, published by Etalab
// as `typeLiaison`): 0 "de", 1 "d’" (a vowel or a mute h: "d’Hérouville", but "de Hambach"),
// 2 article Le → "du", 3 La → "de La", 4 Les → "des", 5 L' → "de L'", 6 Aux, 7 Las, 8 Los.

export function withDe(name: string, typeLiaison?: number | null): string {
  switch (typeLiaison) {
    case 0:
      return `de ${name}`;
    case 1:
      return `d’${name}`;
    case 2:
      return /^Le\s/.test(name) ? `du ${name.slice(3)}` : `de ${name}`;
    case 4:
      return /^Les\s/.test(name) ? `des ${name.slice(4)}` : `de ${name}`;
    case 6:
      // "Aux Marais": "de" + "aux" would be "des", which loses the name's own word; INSEE writes "d'Aux".
      return `d’${name}`;
    case 3:
    case 5:
    case 7:
    case 8:
      return `de ${name}`;
    default:
      // Not a commune of the reference (an address, a position): the usual rules on the text.
      if (/^Le\s/.test(name)) return `du ${name.slice(3)}`;
      if (/^Les\s/.test(name)) return `des ${name.slice(4)}`;
      // An initial h is ambiguous (mute or aspirated): without INSEE's word, no elision before it.
      return /^[aeiouyàâäéèêëîïôöùûü]/i.test(name) && !/^h/i.test(name) ? `d’${name}` : `de ${name}`;
  }
}
