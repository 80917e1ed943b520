import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { weeklySlots } from '../hours';
import { buildOfflinePackage, packWeek, type OfflinePlaceRow } from './package';

const DEP = { code: '49', name: 'Maine-et-Loire' };
const DATE = new Date('2026-12-01T10:00:00Z');

function row(slug: string, over: Partial<OfflinePlaceRow> = {}): OfflinePlaceRow {
  return {
    slug,
    name: `Lieu ${slug}`,
    street: '1 rue de la Gare',
    postcode: '49400',
    commune: 'Saumur',
    latitude: 47.2600123456,
    longitude: -0.0769876543,
    phone: '+33241000000',
    timeZone: 'Europe/Paris',
    services: ['AideAuxDemarchesAdministratives', 'AccesInternetEtMaterielInformatique'],
    fees: ['Gratuit'],
    accessModes: ['SePresenter'],
    closedFrom: null,
    closedUntil: null,
    demo: false,
    slots: (weeklySlots('Mo-Fr 09:00-12:00,14:00-17:00') ?? []).map((s) => ({ weekday: s.weekday, startMinute: s.startMinute, endMinute: s.endMinute })),
    ...over,
  };
}

describe('the offline package builder', () => {
  it('packs a place as one array, its words as indexes into one dictionary, its hours as minutes of the week', () => {
    const pkg = buildOfflinePackage(DEP, [row('a')], [], DATE);
    const [place] = pkg.places;
    expect(place.slice(0, 8)).toEqual(['a', 'Lieu a', '1 rue de la Gare', '49400', 'Saumur', 47.26001, -0.07699, '+33241000000']);
    expect(place[8].map((i) => pkg.words.services[i])).toEqual(['Aide pour mes papiers en ligne', 'Accéder à un ordinateur, à internet, imprimer']);
    expect(place[9].map((i) => pkg.words.fees[i])).toEqual(['Gratuit']);
    // Monday 09:00-12:00 is 540-720; Friday 14:00-17:00 is 4×1440+840 … +1020.
    expect(place[11].slice(0, 4)).toEqual([540, 720, 840, 1020]);
    expect(place[11].slice(-2)).toEqual([4 * 1440 + 840, 4 * 1440 + 1020]);
    expect(pkg.date).toBe(DATE.toISOString());
    expect(pkg.departement).toEqual(DEP);
  });

  it('leaves out places without coordinates, flags demo places, keeps closures and other zones', () => {
    const pkg = buildOfflinePackage(
      DEP,
      [
        row('sans-position', { latitude: null, longitude: null }),
        row('demo', { demo: true, closedFrom: new Date('2026-12-20'), closedUntil: new Date('2027-01-03') }),
        row('reunion', { timeZone: 'Indian/Reunion' }),
      ],
      [],
      DATE,
    );
    expect(pkg.places.map((p) => p[0])).toEqual(['demo', 'reunion']);
    expect(pkg.places[0][12]).toBe(1);
    expect(pkg.places[0][13]).toEqual(['2026-12-20', '2027-01-03']);
    expect(pkg.zones).toEqual({ reunion: 'Indian/Reunion' });
  });

  it('joins touching slots and sorts them', () => {
    expect(
      packWeek([
        { weekday: 2, startMinute: 600, endMinute: 720 },
        { weekday: 1, startMinute: 540, endMinute: 600 },
        { weekday: 1, startMinute: 600, endMinute: 700 },
      ]),
    ).toEqual([540, 700, 1440 + 600, 1440 + 720]);
  });

  it('the same data gives the same bytes (a stable ETag), and stays compact: 400 places under 100 kB gzipped', () => {
    const rows = Array.from({ length: 400 }, (_, i) => row(`lieu-${i}`, { name: `Espace numérique de la commune numéro ${i}`, latitude: 47 + i / 1000 }));
    const communes = Array.from({ length: 180 }, (_, i) => ({ name: `Commune ${i}`, postcodes: ['49000'], latitude: 47.1, longitude: -0.5 }));
    const a = JSON.stringify(buildOfflinePackage(DEP, rows, communes, DATE));
    const b = JSON.stringify(buildOfflinePackage(DEP, [...rows].reverse(), communes, DATE));
    expect(a).toBe(b);
    expect(gzipSync(a).length).toBeLessThan(100_000);
  });

  it('holds nothing but public place data: no email, no id, no note', () => {
    const pkg = JSON.stringify(buildOfflinePackage(DEP, [row('a')], [], DATE));
    expect(pkg).not.toMatch(/@|"id"|email|courriel/i);
  });
});
