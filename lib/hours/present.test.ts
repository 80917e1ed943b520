import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { readDataText } from '../data/files';
import { weekdayHoursToOsm } from '../import/normalize';
import { instantAt, parseHours } from './index';
import { describeState, frenchDate, presentHours } from './present';

const PARIS = 'Europe/Paris';
// Tuesday 10 March 2026, 10:00 in Paris
const TUESDAY_10 = instantAt(PARIS, 2026, 3, 10, 10, 0);

function known(value: string, now = TUESDAY_10) {
  const presentation = presentHours(value, PARIS, now);
  if (!presentation.known) throw new Error(`should parse: ${value}`);
  return presentation;
}

describe('opening hours presentation', () => {
  // Values as found in OSM and in the national standard's files (its own example included).
  const cases: Array<[string, string]> = [
    ['Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00', '9 h – 12 h, 14 h – 18 h 30'],
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
    ['Mo-Fr 09:00-12:00,14:00-17:00; Jul,Aug off; PH off', '9 h – 12 h, 14 h – 17 h'],
    ['Tu-Sa 10:00-12:30,13:30-18:00; Su,Mo off', '10 h – 12 h 30, 13 h 30 – 18 h'],
    ['Mo-Fr 08:00-12:00; Tu 14:00-16:00 open "atelier tablette"', '14 h – 16 h — atelier tablette'],
  ];
  it.each(cases)('presents %s on a Tuesday', (value, tuesday) => {
    const presentation = known(value);
    const today = presentation.week.find((d) => d.isToday)!;
    expect(today).toMatchObject({ day: 'mardi', date: '2026-03-10', text: tuesday });
    expect(presentation.week.map((d) => d.day)).toEqual(['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche']);
    expect(presentation.week.filter((d) => d.isToday)).toHaveLength(1);
  });

  it('marks public holidays (14 July 2026) as closed with PH off, and says when it reopens', () => {
    const presentation = known('Mo-Fr 09:00-12:00; PH off', instantAt(PARIS, 2026, 7, 14, 10));
    expect(presentation.week[1]).toMatchObject({ day: 'mardi', isToday: true, holiday: true, text: 'Fermé (jour férié)' });
    expect(presentation.state.status).toBe('closed');
    expect(presentation.label).toBe('Fermé — ouvre demain à 9 h');
    expect(presentation.closedOnHolidays).toBe(true);
  });

  it('lists the public holidays ahead as special days', () => {
    // Monday 14 December 2026: Christmas (Friday 25) and New Year's Day (Friday 1 January) are ahead.
    const presentation = known('Mo-Fr 09:00-12:00; PH off', instantAt(PARIS, 2026, 12, 14, 10));
    expect(presentation.specialDays.map((d) => d.label)).toEqual(['vendredi 25 décembre (jour férié)', 'vendredi 1er janvier (jour férié)']);
    expect(presentation.specialDays[0].text).toBe('Fermé (jour férié)');
    // Without "PH off", the library keeps the usual hours on holidays.
    const open = known('Mo-Fr 09:00-12:00', instantAt(PARIS, 2026, 12, 14, 10));
    expect(open.specialDays[0]).toMatchObject({ date: '2026-12-25', text: '9 h – 12 h' });
  });

  it('shows explicit holiday hours', () => {
    const presentation = known('Mo-Sa 09:00-19:00; PH 10:00-12:00', instantAt(PARIS, 2026, 5, 14, 9)); // Ascension 2026
    expect(presentation.week.find((d) => d.isToday)).toMatchObject({ day: 'jeudi', holiday: true, text: '10 h – 12 h — Ascension' });
    expect(presentation.label).toBe('Fermé — ouvre à 10 h');
  });

  it('describes the current state in plain French', () => {
    expect(known('Mo-Fr 09:00-12:00,14:00-17:00').label).toBe('Ouvert — ferme à 12 h');
    expect(known('Mo-Fr 09:00-12:00,14:00-17:00', instantAt(PARIS, 2026, 3, 10, 15, 30)).label).toBe('Ouvert — ferme à 17 h');
    expect(known('Mo-Fr 09:00-12:00,14:00-17:00', instantAt(PARIS, 2026, 3, 10, 19)).label).toBe('Fermé — ouvre demain à 9 h');
    expect(known('Mo-Fr 09:00-12:00', instantAt(PARIS, 2026, 3, 13, 19)).label).toBe('Fermé — ouvre lundi à 9 h');
    expect(known('Mo-Fr 08:30-12:00', instantAt(PARIS, 2026, 3, 10, 7)).label).toBe('Fermé — ouvre à 8 h 30');
    const nightOwl = known('Fr 18:00-02:00', instantAt(PARIS, 2026, 3, 13, 23));
    expect(nightOwl.label).toBe('Ouvert — ferme demain à 2 h');
    // More than a week away: the date is given.
    expect(known('Mo-Fr 09:00-12:00; Mar 09-Mar 20 off', instantAt(PARIS, 2026, 3, 10, 10)).label).toBe('Fermé — ouvre lundi 23 mars à 9 h');
    expect(describeState({ status: 'unknown', nextChange: null, comment: null }, TUESDAY_10, PARIS).label).toBe('Horaires non communiqués');
  });

  it('evaluates in the place’s zone, not the server’s', () => {
    // 10:00 in Paris is 05:00 in Martinique: closed there, open in Paris.
    expect(presentHours('Mo-Fr 09:00-12:00', 'America/Martinique', TUESDAY_10)).toMatchObject({ label: 'Fermé — ouvre à 9 h' });
    expect(presentHours('Mo-Fr 09:00-12:00', PARIS, TUESDAY_10)).toMatchObject({ label: 'Ouvert — ferme à 12 h' });
  });

  it.each(['du lundi au vendredi de 9h à 12h', 'Lundi : 9h-12h / Mardi : fermé', 'de 9h à 12h', '<b>9h</b>'])(
    'shows rejected strings as unknown with their text, never crashing: %s',
    (value) => {
      expect(presentHours(value, PARIS, TUESDAY_10)).toEqual({ known: false, label: 'Horaires non communiqués', raw: value });
    },
  );

  it.each(['Mo-Fr 25:00-26:00', 'Tu-Fr 14:00-18:00 ; Mx 10:00-12:00', 'Mo,We 09:00-12:00 xx', 'PH off; Sa 10:00-12:00 extra'])(
    'shows rejected OSM syntax as unknown without its text (never OSM syntax to a resident): %s',
    (value) => {
      expect(presentHours(value, PARIS, TUESDAY_10)).toEqual({ known: false, label: 'Horaires non communiqués', raw: null });
    },
  );

  it('says "Horaires non communiqués" when nothing is known', () => {
    expect(presentHours(null, PARIS, TUESDAY_10)).toEqual({ known: false, label: 'Horaires non communiqués', raw: null });
    expect(presentHours('   ', PARIS, TUESDAY_10)).toEqual({ known: false, label: 'Horaires non communiqués', raw: null });
  });

  it('writes dates in French', () => {
    expect(frenchDate('2026-05-01')).toBe('vendredi 1er mai');
    expect(frenchDate('2026-08-15')).toBe('samedi 15 août');
  });
});

describe('opening hours presentation on real data', () => {
  it('presents the weekday hours of the national France Services list, converted to OSM', () => {
    const rows = parse(readDataText('franceServices'), { columns: true, skip_empty_lines: true, relax_column_count: true }) as Array<Record<string, string>>;
    const values = [
      ...new Set(rows.map((r) => weekdayHoursToOsm([r.h_lundi, r.h_mardi, r.h_mercredi, r.h_jeudi, r.h_vendredi, r.h_samedi])).filter((v): v is string => !!v)),
    ].slice(0, 300); // enough variety, and the suite stays quick
    expect(values.length).toBeGreaterThan(100);
    let rejected = 0;
    for (const value of values) {
      const presentation = presentHours(value, PARIS, TUESDAY_10);
      if (!presentation.known) {
        rejected++;
        expect(presentation.raw).toBeNull();
        continue;
      }
      expect(presentation.week).toHaveLength(7);
      // Whatever the table says for today agrees with the open/closed state.
      const today = presentation.week.find((d) => d.isToday)!;
      if (presentation.state.status === 'open') expect(today.text).not.toMatch(/^Fermé/);
      expect(presentation.label).toMatch(/^(Ouvert|Fermé)/);
    }
    // The conversion only writes valid ranges; a few odd source values (e.g. 12:00-12:00) may be rejected.
    expect(rejected / values.length).toBeLessThan(0.02);
  });

  it('shows the free-text hours of the Angers guide as "Horaires non communiqués" with the text', () => {
    const rows = JSON.parse(readDataText('angers')) as Array<{ HORAIRE?: string | null }>;
    const values = [...new Set(rows.map((r) => r.HORAIRE?.trim()).filter((v): v is string => !!v))];
    expect(values.length).toBeGreaterThan(20);
    for (const value of values) {
      // The library rejects French prose: never a crash, the person still reads the original text.
      expect(parseHours(value).ok, value).toBe(false);
      expect(presentHours(value, PARIS, TUESDAY_10)).toEqual({ known: false, label: 'Horaires non communiqués', raw: value });
    }
  });
});
