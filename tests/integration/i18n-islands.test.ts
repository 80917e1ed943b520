// The browser script's French words (components/islands/messages.ts, kept out of the page weight
// of the message files) are the French of lib/i18n/messages/fr.json, key for key.
import { describe, expect, it } from 'vitest';
import { ISLAND_FRENCH } from '@/components/islands/messages';
import { islandMessages, LOCALES, translator } from '@/lib/i18n';
import fr from '@/lib/i18n/messages/fr.json';

describe('island messages', () => {
  it('the script says in French what fr.json says', () => {
    const islandKeys = Object.keys(fr).filter((key) => key.startsWith('island.'));
    expect(islandKeys.sort()).toEqual(Object.keys(ISLAND_FRENCH).sort());
    for (const [key, value] of Object.entries(ISLAND_FRENCH)) expect(fr[key as keyof typeof fr]).toBe(value);
  });

  it.each(LOCALES)('every island word is written into a %s page', (locale) => {
    const messages = islandMessages(translator(locale));
    expect(Object.keys(messages).sort()).toEqual(Object.keys(ISLAND_FRENCH).sort());
  });
});
