// Every language says everything French says, with the same placeholders: a key missing in one
// file, a placeholder renamed, dropped or added, or a message the ICU parser rejects fails here.
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { LOCALES, MESSAGES, translator, type MessageKey } from './index';
import { PLACE_TYPES, SERVICE_PLAIN, SUPPORT_MODE_PLAIN } from '@/lib/standard/plain-words';
import { ACCESS_MODE_LABELS, FEE_LABELS, PROGRAMME_LABELS, PUBLIC_LABELS, SPECIFIC_SUPPORT_LABELS } from '@/lib/standard/enums';
import fr from './messages/fr.json';

/** The arguments a message uses, with their kind ("count:plural", "name:argument"). */
export function placeholders(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.argument) found.add(`${element.value}:argument`);
      else if (element.type === TYPE.number) found.add(`${element.value}:number`);
      else if (element.type === TYPE.date || element.type === TYPE.time) found.add(`${element.value}:date`);
      else if (element.type === TYPE.plural || element.type === TYPE.select) {
        found.add(`${element.value}:${element.type === TYPE.plural ? 'plural' : 'select'}`);
        for (const option of Object.values(element.options)) walk(option.value);
      } else if (element.type === TYPE.tag) walk(element.children);
    }
  };
  walk(parse(message));
  return [...found].sort();
}

/** The names alone: a translation may say a count as a plural, a number or a plain value ("المختارة: {count}"). */
const kindless = (list: string[]) => [...new Set(list.map((p) => p.replace(/:\w+$/, '')))].sort();

const KEYS = Object.keys(fr) as MessageKey[];

describe('message files', () => {
  it.each(LOCALES.filter((l) => l !== 'fr'))('%s has every French key and no other', (locale) => {
    const keys = Object.keys(MESSAGES[locale]);
    expect(KEYS.filter((key) => !keys.includes(key))).toEqual([]);
    expect(keys.filter((key) => !(key in fr))).toEqual([]);
  });

  it.each(LOCALES.filter((l) => l !== 'fr'))('%s uses the same placeholders as French in every message', (locale) => {
    const mismatched = KEYS.filter((key) => {
      const message = MESSAGES[locale][key];
      return message !== undefined && kindless(placeholders(message)).join() !== kindless(placeholders(fr[key])).join();
    }).map((key) => `${key}: ${placeholders(MESSAGES[locale][key]!).join(' ')} ≠ ${placeholders(fr[key]).join(' ')}`);
    expect(mismatched).toEqual([]);
  });

  it.each(LOCALES)('%s: no message is empty, none is left in French by mistake where French words are expected to change', (locale) => {
    expect(KEYS.filter((key) => !MESSAGES[locale][key]?.trim() && key !== 'list.separator')).toEqual([]);
    if (locale === 'fr') return;
    // Sentences (several words, not proper names) must differ from the French.
    const sentences = KEYS.filter(
      (key) => /\s\S+\s/.test(fr[key]) && !key.startsWith('programme.') && !key.startsWith('typology.') && !key.startsWith('placeType.'),
    );
    expect(sentences.filter((key) => MESSAGES[locale][key] === fr[key])).toEqual([]);
  });

  it('the placeholder check itself sees a renamed, a dropped and a plural placeholder', () => {
    expect(placeholders('Ouvert — ferme {when}')).toEqual(['when:argument']);
    expect(placeholders('{count, plural, one {# lieu} other {# lieux}} à {km} km')).toEqual(['count:plural', 'km:argument']);
    expect(kindless(placeholders('Open until {time}'))).not.toEqual(kindless(placeholders('Ouvert — ferme {when}')));
    expect(() => parse('{count, plural, one {# lieu}')).toThrow();
  });

  it('French repeats the plain words of lib/standard exactly', () => {
    for (const [key, { label, hint }] of Object.entries(SERVICE_PLAIN)) {
      expect(fr[`service.${key}` as MessageKey]).toBe(label);
      expect(fr[`service.${key}.hint` as MessageKey]).toBe(hint);
    }
    for (const [key, label] of Object.entries(SUPPORT_MODE_PLAIN)) expect(fr[`supportMode.${key}` as MessageKey]).toBe(label);
    for (const [slug, { label }] of Object.entries(PLACE_TYPES)) expect(fr[`placeType.${slug}` as MessageKey]).toBe(label);
    const lists = { fee: FEE_LABELS, access: ACCESS_MODE_LABELS, public: PUBLIC_LABELS, specific: SPECIFIC_SUPPORT_LABELS, programme: PROGRAMME_LABELS };
    for (const [family, labels] of Object.entries(lists))
      for (const [key, label] of Object.entries(labels)) expect(fr[`${family}.${key}` as MessageKey]).toBe(label);
  });

  it('formats plurals and numbers in each language', () => {
    expect(translator('fr')('search.count', { count: 1 })).toBe('1 lieu.');
    expect(translator('fr')('search.count', { count: 12 })).toBe('12 lieux.');
    expect(translator('en')('search.count', { count: 1 })).toBe('1 place.');
    expect(translator('uk')('search.count', { count: 3 })).toMatch(/^3 /);
    expect(translator('ar')('search.count', { count: 2 })).toBe('مكانان.');
    // Latin digits in Arabic and Dari, like the addresses beside them.
    expect(translator('ar')('search.countTooMany', { count: 9999 })).toMatch(/9.?999/);
    expect(translator('fa')('search.countTooMany', { count: 9999 })).toMatch(/9.?999/);
    expect(translator('ar').dir).toBe('rtl');
    expect(translator('fa').dir).toBe('rtl');
    expect(translator('uk').dir).toBe('ltr');
  });
});
