// The standard's closed lists and place names in the visitor's language (lib/standard/plain-words.ts
// keeps the French ones, which messages/fr.json repeats: lib/i18n/messages.test.ts checks they agree).
import type { Typologie } from '@prisma/client';
import { withDe } from '@/lib/geo/french';
import { PLACE_TYPES } from '@/lib/standard/plain-words';
import type { MessageKey, Translator } from './index';
import fr from './messages/fr.json';

/** A place name after "près"/"autour": French writes the "de" ("d’Angers", "du Mans"), the other languages the name alone. */
export function placeName(t: Translator, name: string, typeLiaison?: number | null): string {
  return t.locale === 'fr' ? withDe(name, typeLiaison) : name;
}

/** A short name for a typology code, in the visitor's language (falls back to the code). */
export function typologyName(t: Translator, code: Typologie): string {
  for (const [slug, type] of Object.entries(PLACE_TYPES)) if ((type.codes as readonly string[]).includes(code)) return t(`placeType.${slug}` as MessageKey);
  const key = `typology.${code}`;
  return key in MESSAGE_KEYS ? t(key as MessageKey) : code;
}

const MESSAGE_KEYS: Record<string, string> = fr;

/** A label of one of the standard's lists: `family` is the message prefix (service, fee, access, public, specific, programme, supportMode). */
export function listLabel(t: Translator, family: 'service' | 'fee' | 'access' | 'public' | 'specific' | 'programme' | 'supportMode', value: string): string {
  const key = `${family}.${value}`;
  return key in MESSAGE_KEYS ? t(key as MessageKey) : value;
}

/** "a, b, c" with the language's comma ("a، b، c" in Arabic and Dari). */
export function listText(t: Translator, items: string[]): string {
  return items.join(t('list.separator'));
}

/** Values of one of the standard's lists as one phrase: "Gratuit, Payant". */
export function listLabels(t: Translator, family: Parameters<typeof listLabel>[1], values: readonly string[]): string {
  return listText(
    t,
    values.map((value) => listLabel(t, family, value)),
  );
}
