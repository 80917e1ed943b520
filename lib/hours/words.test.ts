// Hours in words for the people who check them: a week table and sentences, never OSM syntax.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { readDataText } from '../data/files';
import { weekdayHoursToOsm } from '../import/normalize';
import { OSM_SYNTAX } from './present';
import { hoursInWords } from './words';

const NOW = new Date('2026-12-08T09:00:00Z');

describe('hours in words', () => {
  it('says a week as a table and its special cases as sentences', () => {
    expect(hoursInWords('Tu-Fr 14:00-18:00; We 09:00-12:00,14:00-18:00; Aug off; PH off', 'Europe/Paris', NOW)).toEqual({
      rows: [
        { day: 'Lundi', text: 'Fermé' },
        { day: 'Mardi', text: '14 h – 18 h' },
        { day: 'Mercredi', text: '9 h – 12 h, 14 h – 18 h' },
        { day: 'Jeudi', text: '14 h – 18 h' },
        { day: 'Vendredi', text: '14 h – 18 h' },
        { day: 'Samedi', text: 'Fermé' },
        { day: 'Dimanche', text: 'Fermé' },
      ],
      notes: ['Fermé les jours fériés.', 'Fermé en août.'],
    });
  });

  it('says the cases without a week', () => {
    expect(hoursInWords(null).notes).toEqual(['Horaires non communiqués.']);
    expect(hoursInWords('"sur rendez-vous"').notes).toEqual(['Pas d’horaires fixes : sur rendez-vous.']);
    expect(hoursInWords('off').notes).toEqual(['Fermé en ce moment.']);
    expect(hoursInWords('Mo-Fr 09:00-12:00 xx').notes).toEqual(['Horaires illisibles : à vérifier.']);
  });

  it('reads a value the grid cannot show for this week, and says it varies', () => {
    const words = hoursInWords('Mo-Fr 09:00-12:00; Jul-Aug Mo-Fr 10:00-12:00', 'Europe/Paris', NOW);
    expect(words.rows[0]).toEqual({ day: 'Lundi', text: '9 h – 12 h' });
    expect(words.notes[0]).toMatch(/changent selon les périodes/);
  });

  it('never shows OSM syntax, on the national France Services hours', () => {
    const rows = parse(readDataText('franceServices'), { columns: true, skip_empty_lines: true, relax_column_count: true }) as Array<Record<string, string>>;
    const values = [...new Set(rows.map((r) => weekdayHoursToOsm([r.h_lundi, r.h_mardi, r.h_mercredi, r.h_jeudi, r.h_vendredi, r.h_samedi])))].slice(0, 200);
    for (const value of [...values, 'Mo-Fr 09:00-12:00; Jul-Aug Mo-Fr 10:00-12:00; PH off', 'Mo-Fr 25:00-26:00']) {
      const words = hoursInWords(value, 'Europe/Paris', NOW);
      const text = [...words.rows.map((r) => `${r.day} : ${r.text}`), ...words.notes].join('\n');
      expect(text, String(value)).not.toMatch(OSM_SYNTAX);
    }
  });
});
