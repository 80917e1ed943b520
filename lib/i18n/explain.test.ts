// « Pourquoi ce lieu » and the town help as data said through messages (lib/i18n/explain.ts): French
// says exactly what the search said before, the other languages say it in their words (no French
// left), and the Ukrainian weekday takes its accusative after « у ».
import { describe, expect, it } from 'vitest';
import { lookupCommune } from '@/lib/geo/communes';
import { placeHelp } from '@/lib/geo/help';
import { instantAt } from '@/lib/hours';
import { whenText } from '@/lib/hours/present';
import { LEVEL_LABELS, REGISTRATION_LABELS } from '@/lib/ateliers/labels';
import type { RegistrationError } from '@/lib/ateliers/registration';
import type { MatchReason } from '@/lib/search/results';
import { placeHelpText, reasonsText } from './explain';
import { LOCALES, MESSAGES, translator, type MessageKey } from './index';

const REASONS: MatchReason[] = [
  { kind: 'service', key: 'AideAuxDemarchesAdministratives' },
  { kind: 'fee', key: 'Gratuit' },
  { kind: 'specific', key: 'Surdite' },
  { kind: 'public', key: 'Seniors' },
  { kind: 'supportMode', key: 'DansUnAtelier' },
  { kind: 'access', key: 'Telephoner' },
  { kind: 'open', when: 'now' },
  { kind: 'open', when: 'saturday' },
  { kind: 'open', when: 'at' },
  { kind: 'ateliers' },
  {
    kind: 'halfDays',
    slots: [
      { day: 0, halfDay: 'matin' },
      { day: 5, halfDay: 'apresmidi' },
    ],
  },
];

describe('« Pourquoi ce lieu »', () => {
  it('says in French what the search said before', () => {
    expect(reasonsText(translator('fr'), REASONS)).toEqual([
      'Aide pour mes papiers en ligne',
      'Gratuit',
      'Surdité',
      'Public : Seniors',
      'En atelier collectif',
      'Téléphoner',
      'Ouvert maintenant',
      'Ouvert le samedi',
      'Ouvert au moment choisi',
      'Ateliers à venir',
      'Ouvert le lundi matin ou le samedi après-midi',
    ]);
  });

  it('says it in each language, with no French sentence left', () => {
    expect(reasonsText(translator('en'), REASONS)).toEqual(
      expect.arrayContaining(['Free', 'For: Older people', 'Open now', 'Coming workshops', 'Open on Monday morning or on Saturday afternoon']),
    );
    expect(reasonsText(translator('uk'), [REASONS[10]])).toEqual(['Відчинено у понеділок вранці або у суботу після обіду']);
    expect(reasonsText(translator('ar'), [REASONS[10]])).toEqual(['مفتوح يوم الاثنين صباحًا أو يوم السبت بعد الظهر']);
    const french = reasonsText(translator('fr'), REASONS);
    for (const locale of LOCALES.filter((l) => l !== 'fr')) {
      const said = reasonsText(translator(locale), REASONS);
      expect(said).toHaveLength(REASONS.length);
      // Each reason of more than one word differs from the French (single words such as « Gratuit » checked in messages.test.ts).
      for (const [i, text] of said.entries()) if (/\s/.test(french[i])) expect(text, `${locale} ${french[i]}`).not.toBe(french[i]);
    }
  });
});

describe('what the search understood of the town typed', () => {
  const cases = ['Angrs', 'Angres', 'Angres 49', 'Saint-Pierre', '49160', '49000', '49035', 'Valence'];

  it('says in French exactly the text lib/geo gives', () => {
    for (const typed of cases) {
      const help = placeHelp(typed, lookupCommune(typed))!;
      expect(help.message, typed).not.toBeNull();
      expect(placeHelpText(translator('fr'), help.message!), typed).toBe(help.text);
    }
  });

  it('says it in the other languages, the names kept and without French’s « de »', () => {
    const corrected = placeHelp('Angres 49', lookupCommune('Angres 49'))!.message!;
    expect(placeHelpText(translator('en'), corrected)).toBe('We did not find “Angres 49”: here are the places around Angers (Maine-et-Loire).');
    expect(placeHelpText(translator('ar'), placeHelp('Angrs', lookupCommune('Angrs'))!.message!)).toBe('لم نجد «Angrs».');
    expect(placeHelpText(translator('uk'), placeHelp('49160', lookupCommune('49160'))!.message!)).toBe(
      'Поштовий індекс «49160» охоплює кілька населених пунктів: який саме?',
    );
  });
});

describe('hours: the weekday in each language’s grammar', () => {
  // Monday 9 March 2026, 20:00 in Paris; the place opens on Wednesday at 9:00.
  const now = instantAt('Europe/Paris', 2026, 3, 9, 20, 0);
  const wednesday = instantAt('Europe/Paris', 2026, 3, 11, 9, 0);
  const tuesday = instantAt('Europe/Paris', 2026, 3, 10, 9, 0);

  it('Ukrainian puts the day in the accusative after « у »', () => {
    expect(whenText(wednesday, now, 'Europe/Paris', 'uk')).toBe('у середу о 09:00');
    expect(whenText(instantAt('Europe/Paris', 2026, 3, 13, 9, 0), now, 'Europe/Paris', 'uk')).toBe('у пʼятницю о 09:00');
    expect(translator('uk')('hours.closedUntil', { when: whenText(instantAt('Europe/Paris', 2026, 3, 14, 9, 0), now, 'Europe/Paris', 'uk') })).toBe(
      'Зачинено — відчиняється у суботу о 09:00',
    );
  });

  it('French and the others keep their sentences', () => {
    expect(whenText(wednesday, now, 'Europe/Paris', 'fr')).toBe('mercredi à 9 h');
    expect(whenText(tuesday, now, 'Europe/Paris', 'fr')).toBe('demain à 9 h');
    expect(whenText(wednesday, now, 'Europe/Paris', 'en')).toBe('Wednesday at 09:00');
    expect(whenText(wednesday, now, 'Europe/Paris', 'es')).toBe('el miércoles a las 09:00');
    // More than a week away: the date, as before.
    expect(whenText(instantAt('Europe/Paris', 2026, 3, 20, 9, 0), now, 'Europe/Paris', 'fr')).toBe('vendredi 20 mars à 9 h');
  });
});

describe('the ateliers’ words', () => {
  it('French messages repeat the labels the back-office uses', () => {
    const fr = translator('fr');
    for (const [key, label] of Object.entries(LEVEL_LABELS)) expect(fr(`ateliers.level.${key}` as MessageKey)).toBe(label);
    for (const [key, label] of Object.entries(REGISTRATION_LABELS)) expect(fr(`ateliers.registration.${key}` as MessageKey)).toBe(label);
  });

  it('every refusal of a registration has its message in every language', () => {
    const codes: Array<RegistrationError['code']> = [
      'firstName',
      'emailInvalid',
      'phoneInvalid',
      'contactMissing',
      'notSent',
      'tooManyFromHere',
      'noSession',
      'notOnReperes',
      'cancelled',
      'started',
      'tooManyForSession',
      'chooseSession',
    ];
    for (const locale of LOCALES) for (const code of codes) expect(MESSAGES[locale][`ateliers.error.${code}` as MessageKey], `${locale} ${code}`).toBeTruthy();
    expect(translator('fr')('ateliers.error.tooManyFromHere', { minutes: 3 })).toBe(
      'Trop d’inscriptions envoyées depuis cette connexion : réessayez dans 3 minutes.',
    );
    expect(translator('uk')('ateliers.error.tooManyFromHere', { minutes: 5 })).toMatch(/5 хвилин\.$/);
  });
});
