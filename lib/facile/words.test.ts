import { describe, expect, it } from 'vitest';
import { SERVICE_LABELS } from '@/lib/standard/enums';
import { presentHours } from '@/lib/hours/present';
import { hourWords, stateWords, weekLines, whenWords } from './time';
import { distanceWords, feeWords, NEED_WORDS, NEEDS, phoneHref, phoneWords } from './words';

const PARIS = 'Europe/Paris';
// Tuesday 8 December 2026, 10:00 in Paris.
const TUESDAY_10H = new Date('2026-12-08T09:00:00Z');

describe('easy-to-read words', () => {
  it('names every need of the standard, in short words without abbreviations', () => {
    expect(Object.keys(NEED_WORDS).sort()).toEqual(Object.keys(SERVICE_LABELS).sort());
    expect(NEEDS).toHaveLength(Object.keys(SERVICE_LABELS).length);
    for (const need of NEEDS) {
      expect(need.label.split(' ').length, need.label).toBeLessThanOrEqual(8);
      // No abbreviation in capitals (CAF, ANTS, ENT…), no "etc.", no ellipsis.
      expect(`${need.label} ${need.example}`).not.toMatch(/\b[A-Z]{2,}\b|etc\.|…/);
    }
  });

  it('says distances, hours and phone numbers in full words and digits', () => {
    expect(distanceWords(0.26)).toBe('À 250 mètres');
    expect(distanceWords(1.24)).toBe('À 1,2 kilomètre');
    expect(distanceWords(3)).toBe('À 3 kilomètres');
    expect(distanceWords(12.6)).toBe('À 13 kilomètres');
    expect(hourWords(new Date('2026-12-08T08:00:00Z'), PARIS)).toBe('9 heures');
    expect(hourWords(new Date('2026-12-08T16:30:00Z'), PARIS)).toBe('17 heures 30');
    expect(hourWords(new Date('2026-12-08T11:00:00Z'), PARIS)).toBe('midi');
    expect(hourWords(new Date('2026-12-08T00:00:00Z'), PARIS)).toBe('1 heure');
    expect(phoneWords('+33241000000')).toBe('02 41 00 00 00');
    expect(phoneHref('02 41 00 00 00')).toBe('tel:0241000000');
    expect(feeWords(['Gratuit', 'Payant'])).toEqual(['C’est gratuit.']);
    expect(feeWords(['GratuitSousCondition'])).toEqual(['C’est gratuit pour certaines personnes.', 'Demandez au lieu.']);
    expect(feeWords([])).toBeNull();
  });

  it('says when a place is open in one or two short sentences', () => {
    const hours = 'Mo-Fr 09:00-12:00,14:00-18:00';
    const open = presentHours(hours, PARIS, TUESDAY_10H);
    expect(open.known && stateWords(open.state, TUESDAY_10H, PARIS)).toEqual({ tone: 'open', first: 'Ouvert maintenant.', then: 'Ferme à midi.' });
    const lunch = new Date('2026-12-08T12:00:00Z');
    const closed = presentHours(hours, PARIS, lunch);
    expect(closed.known && stateWords(closed.state, lunch, PARIS)).toEqual({
      tone: 'closed',
      first: 'Fermé maintenant.',
      then: 'Ouvre aujourd’hui à 14 heures.',
    });
    const friday = new Date('2026-12-11T18:00:00Z');
    const weekend = presentHours(hours, PARIS, friday);
    expect(weekend.known && stateWords(weekend.state, friday, PARIS).then).toBe('Ouvre lundi à 9 heures.');
    expect(whenWords(new Date('2026-12-09T08:00:00Z'), TUESDAY_10H, PARIS)).toBe('demain à 9 heures');
    expect(whenWords(new Date('2026-12-21T08:00:00Z'), TUESDAY_10H, PARIS)).toBe('le lundi 21 décembre à 9 heures');
    expect(stateWords({ status: 'unknown', nextChange: null, comment: null } as never, TUESDAY_10H, PARIS).first).toBe('Nous ne connaissons pas les horaires.');
  });

  it('writes the week as one short line a day, today marked, holidays said', () => {
    const hours = 'Mo-Fr 09:00-12:00,14:00-17:30; Sa 10:00-12:00 "sur rendez-vous."; PH off';
    const christmasWeek = new Date('2026-12-22T09:00:00Z');
    const presented = presentHours(hours, PARIS, christmasWeek);
    if (!presented.known) throw new Error('hours not understood');
    const lines = weekLines(hours, PARIS, presented.week);
    expect(lines.map((l) => `${l.day} : ${l.text}`)).toEqual([
      'Lundi : de 9 heures à midi, et de 14 heures à 17 heures 30.',
      'Mardi : de 9 heures à midi, et de 14 heures à 17 heures 30.',
      'Mercredi : de 9 heures à midi, et de 14 heures à 17 heures 30.',
      'Jeudi : de 9 heures à midi, et de 14 heures à 17 heures 30.',
      'Vendredi : fermé, c’est un jour férié.',
      'Samedi : de 10 heures à midi. Sur rendez-vous.',
      'Dimanche : fermé.',
    ]);
    expect(lines.filter((l) => l.today).map((l) => l.day)).toEqual(['Mardi']);
  });
});
