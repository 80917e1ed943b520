import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeOpening } from '../../components/search/format';
import { instantAt } from './index';
import { presentHours } from './present';

const PARIS = 'Europe/Paris';
// Tuesday 10 March 2026
const TUESDAY_10 = instantAt(PARIS, 2026, 3, 10, 10, 0);

describe('opening hours presentation', () => {
  const cases: Array<[string, string]> = [
    ['Mo-Fr 09:00-12:00,14:00-17:30; Sa 09:00-12:00; PH off', '9 h – 12 h, 14 h – 17 h 30'],
    ['Mo-Fr 08:30-12:00,13:30-17:00', '8 h 30 – 12 h, 13 h 30 – 17 h'],
    ['Tu,Th 14:00-18:00', '14 h – 18 h'],
    ['Mo-Sa 10:00-19:00', '10 h – 19 h'],
    ['Tu 09:00-12:00 "sur rendez-vous"', '9 h – 12 h — sur rendez-vous'],
    ['24/7', '0 h – 24 h'],
    ['Mo-Fr 09:00-12:00; Tu off', 'Fermé'],
    // On the second Tuesday of the month (10 March 2026) the later rule replaces the first.
    ['Tu 09:00-12:30; Tu[2] 14:00-16:00', '14 h – 16 h'],
    ['We 10:00-12:00,14:00-18:00; Sa 10:00-17:00', 'Fermé'],
    // 10 March 2026 is in ISO week 11: an odd week, closed on Tuesday.
    ['Mo-Fr 09:00-17:00; week 1-53/2 Tu off', 'Fermé'],
  ];
  it.each(cases)('presents %s on a Tuesday', (value, tuesday) => {
    const presentation = presentHours(value, PARIS, TUESDAY_10);
    expect(presentation.known).toBe(true);
    if (!presentation.known) return;
    const today = presentation.week.find((d) => d.isToday)!;
    expect(today.day).toBe('mardi');
    expect(today.text).toBe(tuesday);
    expect(presentation.week.map((d) => d.day)).toEqual(['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche']);
  });

  it('marks public holidays (14 July 2026) as closed with PH off', () => {
    const presentation = presentHours('Mo-Fr 09:00-12:00; PH off', PARIS, instantAt(PARIS, 2026, 7, 14, 10));
    if (!presentation.known) throw new Error('should parse');
    expect(presentation.week[1]).toMatchObject({ day: 'mardi', isToday: true, holiday: true, text: 'Fermé (jour férié)' });
    expect(presentation.state.status).toBe('closed');
    expect(presentation.closedOnHolidays).toBe(true);
  });

  it.each([
    'du lundi au vendredi de 9h à 12h',
    'Lundi : 9h-12h / Mardi : fermé',
    'Mo-Fr 25:00-26:00',
    'de 9h à 12h',
  ])('shows rejected strings as unknown with their text, never crashing: %s', (value) => {
    expect(presentHours(value, PARIS, TUESDAY_10)).toEqual({ known: false, raw: value });
  });

  it('says "Horaires non communiqués" when nothing is known', () => {
    expect(presentHours(null, PARIS, TUESDAY_10)).toEqual({ known: false, raw: null });
  });

  it('describes the current state in plain French', () => {
    const open = presentHours('Mo-Fr 09:00-12:00,14:00-17:00', PARIS, TUESDAY_10);
    if (!open.known) throw new Error('should parse');
    expect(describeOpening(open.state, TUESDAY_10, PARIS).label).toBe('Ouvert — ferme à 12 h');
    const evening = instantAt(PARIS, 2026, 3, 10, 19, 0);
    const closed = presentHours('Mo-Fr 09:00-12:00,14:00-17:00', PARIS, evening);
    if (!closed.known) throw new Error('should parse');
    expect(describeOpening(closed.state, evening, PARIS).label).toBe('Fermé — ouvre demain à 9 h');
    const friday = instantAt(PARIS, 2026, 3, 13, 19, 0);
    const weekend = presentHours('Mo-Fr 09:00-12:00', PARIS, friday);
    if (!weekend.known) throw new Error('should parse');
    expect(describeOpening(weekend.state, friday, PARIS).label).toBe('Fermé — ouvre lundi à 9 h');
  });

  it('reads real weekday hours of the national France Services list', () => {
    const file = path.join(__dirname, '..', '..', '..', 'shared', 'data', 'sources', 'france-services-2022-12.csv');
    const text = fs.readFileSync(file, 'utf8');
    // e.g. "09:00 - 12:00 / 13:30 - 17:00" → "09:00-12:00,13:30-17:00"
    const samples = [...new Set(text.match(/\d{2}:\d{2} - \d{2}:\d{2}(?: \/ \d{2}:\d{2} - \d{2}:\d{2})?/g) ?? [])].slice(0, 12);
    expect(samples.length).toBeGreaterThan(5);
    for (const sample of samples) {
      const osm = `Mo-Fr ${sample.replace(/ - /g, '-').replace(/ \/ /g, ',')}`;
      const presentation = presentHours(osm, PARIS, TUESDAY_10);
      expect(presentation.known, osm).toBe(true);
    }
  });
});
