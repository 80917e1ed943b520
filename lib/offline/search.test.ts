import { describe, expect, it } from 'vitest';
import { buildOfflinePackage, type OfflinePlaceRow } from './package';
import { ageInWords, weekLines, distanceKm, findCommune, formatDistance, isStale, localTime, openAtMinute, openNow, searchOffline } from './search';

const SAUMUR = { latitude: 47.26, longitude: -0.0769 };
const ANGERS = { latitude: 47.4784, longitude: -0.5632 };

function row(slug: string, latitude: number, longitude: number, slots: OfflinePlaceRow['slots'] = [], over: Partial<OfflinePlaceRow> = {}): OfflinePlaceRow {
  return {
    slug,
    name: slug,
    street: 'rue',
    postcode: '49000',
    commune: 'X',
    latitude,
    longitude,
    phone: null,
    timeZone: 'Europe/Paris',
    services: [],
    fees: [],
    accessModes: [],
    closedFrom: null,
    closedUntil: null,
    demo: false,
    slots,
    ...over,
  };
}

// Mondays to Fridays 09:00-17:00.
const WEEKDAYS = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 540, endMinute: 1020 }));

const pkg = buildOfflinePackage(
  { code: '49', name: 'Maine-et-Loire' },
  [
    row('angers', ANGERS.latitude, ANGERS.longitude, WEEKDAYS),
    row('saumur-centre', 47.2601, -0.077, WEEKDAYS),
    row('saumur-sud', 47.245, -0.07),
    row('doue', 47.193, -0.275, WEEKDAYS, { closedFrom: new Date('2026-12-01'), closedUntil: new Date('2026-12-31') }),
  ],
  [
    ['Angers', '49000', ANGERS.latitude, ANGERS.longitude],
    ['Saumur', '49400', SAUMUR.latitude, SAUMUR.longitude],
    ['Saint-Barthélemy-d’Anjou', '49124', 47.467, -0.495],
  ].map(([name, postcode, latitude, longitude]) => ({
    name: name as string,
    postcodes: [postcode as string],
    latitude: latitude as number,
    longitude: longitude as number,
  })),
  new Date('2026-12-01T00:00:00Z'),
);

// Monday 7 December 2026, 10:00 in Paris (09:00 UTC).
const MONDAY_10H = new Date('2026-12-07T09:00:00Z');

describe('offline search', () => {
  it('measures distances on the sphere', () => {
    expect(distanceKm(SAUMUR, ANGERS)).toBeGreaterThan(43);
    expect(distanceKm(SAUMUR, ANGERS)).toBeLessThan(45);
    expect(distanceKm(SAUMUR, SAUMUR)).toBe(0);
  });

  it('finds a commune by name whatever its accents, case and hyphens, or by postcode', () => {
    expect(findCommune(pkg, 'saumur')?.name).toBe('Saumur');
    expect(findCommune(pkg, 'SAINT BARTHELEMY D ANJOU')?.name).toBe('Saint-Barthélemy-d’Anjou');
    expect(findCommune(pkg, '49400')?.name).toBe('Saumur');
    expect(findCommune(pkg, 'Saum')?.name).toBe('Saumur');
    expect(findCommune(pkg, 'Cholet')).toBeNull();
    expect(findCommune(pkg, '  ')).toBeNull();
  });

  it('ranks the nearest first, with their distances', () => {
    const found = searchOffline(pkg, SAUMUR, MONDAY_10H);
    expect(found.map((r) => r.place[0])).toEqual(['saumur-centre', 'saumur-sud', 'doue', 'angers']);
    expect(found.map((r) => r.distanceKm)).toEqual([...found.map((r) => r.distanceKm)].sort((a, b) => a - b));
    expect(searchOffline(pkg, SAUMUR, MONDAY_10H, { limit: 2 })).toHaveLength(2);
  });

  it('says open now from the weekly slots in the place’s zone, and closed during a temporary closure', () => {
    const found = Object.fromEntries(searchOffline(pkg, SAUMUR, MONDAY_10H).map((r) => [r.place[0], r]));
    expect(found['saumur-centre'].open).toBe(true);
    expect(found['saumur-sud'].open).toBe(false);
    expect(found.doue).toMatchObject({ open: false, closedNow: true });
    // 18:00 in Paris: everyone is closed.
    expect(searchOffline(pkg, SAUMUR, new Date('2026-12-07T17:00:00Z')).some((r) => r.open)).toBe(false);
    // Only open places when asked.
    expect(searchOffline(pkg, SAUMUR, MONDAY_10H, { openOnly: true }).map((r) => r.place[0])).toEqual(['saumur-centre', 'angers']);
  });

  it('reads the local minute of the week across zones and the summer time change', () => {
    expect(localTime(MONDAY_10H, 'Europe/Paris')).toEqual({ date: '2026-12-07', minute: 600 });
    // Sunday 23:30 in Paris in summer (21:30 UTC) is minute 6×1440 + 1410.
    expect(localTime(new Date('2026-07-05T21:30:00Z'), 'Europe/Paris').minute).toBe(6 * 1440 + 1410);
    // Same instant on Réunion (UTC+4): Monday 01:30.
    expect(localTime(new Date('2026-07-05T21:30:00Z'), 'Indian/Reunion')).toEqual({ date: '2026-07-06', minute: 90 });
    const place = pkg.places.find((p) => p[0] === 'saumur-centre')!;
    expect(openNow(place, 'Indian/Reunion', MONDAY_10H).open).toBe(true); // 13:00 there
    expect(openAtMinute([540, 1020], 1020)).toBe(false);
    expect(openAtMinute([540, 1020], 540)).toBe(true);
  });

  it('tells how old the data is and when to refresh it', () => {
    const now = new Date('2026-12-07T12:00:00Z');
    expect(ageInWords('2026-12-07T08:00:00Z', now)).toBe('aujourd’hui');
    expect(ageInWords('2026-12-06T08:00:00Z', now)).toBe('hier');
    expect(ageInWords('2026-12-01T08:00:00Z', now)).toBe('il y a 6 jours');
    expect(isStale('2026-12-01T08:00:00Z', now)).toBe(false);
    expect(isStale('2026-11-29T08:00:00Z', now)).toBe(true);
    expect(formatDistance(0.34)).toBe('340 m');
    expect(formatDistance(12.345)).toBe('12,3 km');
  });

  it('writes the usual week in French, a night across midnight on both days', () => {
    expect(weekLines([540, 720, 840, 1050, 2 * 1440 + 540, 2 * 1440 + 720])).toEqual(['Lundi : 9 h – 12 h, 14 h – 17 h 30', 'Mercredi : 9 h – 12 h']);
    expect(weekLines([5 * 1440 + 1320, 6 * 1440 + 120])).toEqual(['Samedi : 22 h – 24 h', 'Dimanche : 0 h – 2 h']);
    expect(weekLines([])).toEqual([]);
  });
});
