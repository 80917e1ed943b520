// The orientation pages' words (issue #20): the selection sheet formats its messages in the browser
// with plain {name} replacement (components/orientation/words.tsx), so every message it receives
// must come out of it exactly as FormatJS formats it on the server, in every language; and the
// closed lists the steps show are the search's own words.
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { fillPlaceholders, isBrowserKey } from '../../components/orientation/words';
import { INTL_LOCALES, LOCALES, MESSAGES, translator, type MessageKey } from '../../lib/i18n';
import fr from '../../lib/i18n/messages/fr.json';

const BROWSER = (Object.keys(fr) as MessageKey[]).filter(isBrowserKey);

describe('the orientation words', () => {
  it('sends the sheet its keys: the sheet, the fiche, the mail, and the few shared ones', () => {
    expect(BROWSER).toEqual(expect.arrayContaining(['orient.sheet.pdf', 'orient.fiche.title', 'orient.mail.subject', 'place.phone', 'island.addToSelection']));
    expect(BROWSER).not.toContain('orient.pdf.footer');
    expect(BROWSER).not.toContain('search.count');
  });

  it.each(LOCALES)('%s: the browser formats each of the sheet’s messages as the server does', (locale) => {
    const differ = BROWSER.filter((key) => {
      const message = MESSAGES[locale][key]!;
      const values = {
        count: 3,
        name: 'Amina',
        url: 'https://x.example/a',
        mailApp: 'M',
        questions: 'Q',
        search: 'S',
        add: 'A',
        link: 'L',
        zone: 'Z',
        day: 'D',
        hours: 'H',
      };
      return String(new IntlMessageFormat(message, INTL_LOCALES[locale]).format(values)) !== fillPlaceholders(message, values);
    });
    expect(differ).toEqual([]);
  });

  it('says the steps’ closed lists with the search’s words, and the fiche’s sentences in each language', () => {
    expect(translator('ar')('service.AideAuxDemarchesAdministratives')).toBe('مساعدة في معاملاتي الإدارية عبر الإنترنت');
    expect(translator('uk')('orient.stepCount', { step: 2, count: 4 })).toBe('Крок 2 з 4');
    expect(translator('fr')('orient.stepCount', { step: 2, count: 4 })).toBe('Étape 2 sur 4');
    expect(translator('fr')('orient.fiche.dayHours', { day: 'Mardi', hours: '9 h – 12 h' })).toBe('Mardi : 9 h – 12 h');
    expect(translator('fr')('orient.slot.morning', { day: 'mardi' })).toBe('mardi matin');
  });

  it('keeps {placeholders} it has no value for, and interprets nothing else', () => {
    expect(fillPlaceholders('« {mailApp} » ouvre {x}', { mailApp: 'Écrire' })).toBe('« Écrire » ouvre {x}');
    expect(fillPlaceholders('{count} lieu(x)', { count: 2 })).toBe('2 lieu(x)');
  });
});
