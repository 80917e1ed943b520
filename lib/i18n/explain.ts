// What the search explains, in the visitor's language: "Pourquoi ce lieu" (the criteria a place
// meets, data from lib/search/results.ts) and what it understood of the town typed (lib/geo/help.ts).
// Both are data until here, so that no French sentence reaches a page in another language.
import type { PlaceHelpMessage } from '@/lib/geo/help';
import type { MatchReason } from '@/lib/search/results';
import type { MessageKey, Translator } from './index';
import { listLabel, placeName } from './words';

const DAY_CODES = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'] as const;

/** One reason as a short phrase: "Gratuit", "Public : Seniors", "Ouvert le samedi matin ou le lundi après-midi". */
export function reasonText(t: Translator, reason: MatchReason): string {
  switch (reason.kind) {
    case 'public':
      return t('why.public', { label: listLabel(t, 'public', reason.key) });
    case 'service':
    case 'fee':
    case 'specific':
    case 'supportMode':
    case 'access':
      return listLabel(t, reason.kind, reason.key);
    case 'open':
      return reason.when === 'now' ? t('search.whenNow') : reason.when === 'saturday' ? t('search.whenSaturday') : t('why.openAt');
    case 'ateliers':
      return t('why.ateliers');
    case 'halfDays': {
      const slots = reason.slots.map((slot) =>
        t('why.halfDay', { day: DAY_CODES[slot.day] ?? 'su', half: slot.halfDay === 'matin' ? 'morning' : 'afternoon' }),
      );
      return t('why.halfDays', { list: slots.join(` ${t('search.or')} `) });
    }
  }
}

/** The reasons of a card, one phrase each. */
export function reasonsText(t: Translator, reasons: readonly MatchReason[]): string[] {
  return reasons.map((reason) => reasonText(t, reason));
}

/** What the search understood of the place typed ("Nous n’avons pas trouvé « Angrs ».") in the language of `t`. */
export function placeHelpText(t: Translator, message: PlaceHelpMessage): string {
  const place = message.place === undefined ? '' : message.key === 'namesakes' ? message.place : placeName(t, message.place, message.typeLiaison);
  return t(`geo.${message.key}` as MessageKey, { typed: message.typed, place });
}
