import { describe, expect, it } from 'vitest';
import { isValidHours } from '../hours';
import { checkCoordinates, normaliseEmail, normalisePhone, normaliseUrl, parseFrenchDate, parseNumber, weekdayHoursToOsm } from './normalize';

describe('import normalisation', () => {
  it('normalises French phones to E.164, overseas included', () => {
    expect(normalisePhone('02 41 00 00 00')).toBe('+33241000000');
    expect(normalisePhone('06.48.82.86.34 / 02 41 00 00 00')).toBe('+33648828634');
    expect(normalisePhone('241000000')).toBe('+33241000000');
    expect(normalisePhone('0262 20 00 00', '97411')).toBe('+262262200000');
    expect(normalisePhone('+33 2 41 00 00 00')).toBe('+33241000000');
    expect(normalisePhone('12')).toBeNull();
  });

  it('checks coordinates are in France and fixes swapped ones', () => {
    expect(checkCoordinates(47.47, -0.55)).toEqual({ lat: 47.47, lng: -0.55, swapped: false });
    expect(checkCoordinates(-0.55, 47.47)).toEqual({ lat: 47.47, lng: -0.55, swapped: true });
    expect(checkCoordinates(-20.88, 55.45)).toEqual({ lat: -20.88, lng: 55.45, swapped: false });
    expect(checkCoordinates(40.7, -74)).toEqual({ error: 'coordonnées hors de France (40.7, -74)' });
    expect(checkCoordinates(null, 2)).toBeNull();
  });

  it('reads numbers with a decimal comma, French dates, emails and URLs', () => {
    expect(parseNumber('475198,121680863')).toBeCloseTo(475198.12168);
    expect(parseFrenchDate('19/02/2020')?.toISOString().slice(0, 10)).toBe('2020-02-19');
    expect(parseFrenchDate('2023-05-04 10:12:00')?.toISOString().slice(0, 10)).toBe('2023-05-04');
    expect(parseFrenchDate('31/02/2020')).toBeNull();
    expect(normaliseEmail('A@B.fr; c@d.org, pas-un-mail')).toEqual(['a@b.fr', 'c@d.org']);
    expect(normaliseUrl('www.exemple.fr')).toEqual(['https://www.exemple.fr']);
  });

  it('turns weekday hours into valid OSM opening_hours', () => {
    const osm = weekdayHoursToOsm([
      '09:00 - 12:00 / 13:30 - 17:00',
      '09:00 - 12:00 / 13:30 - 17:00',
      '09:00 - 12:00 / 13:30 - 17:00',
      '09:00 - 12:00 / 13:30 - 17:00',
      '09:00 - 12:00 / 13:30 - 16:00',
      '',
      '',
    ]);
    expect(osm).toBe('Mo-Th 09:00-12:00,13:30-17:00; Fr 09:00-12:00,13:30-16:00');
    expect(isValidHours(osm!)).toBe(true);
    expect(weekdayHoursToOsm(['9:30 - 16:30', '', '9:30 - 16:30'])).toBe('Mo 09:30-16:30; We 09:30-16:30');
    expect(weekdayHoursToOsm(['', '', ''])).toBeNull();
  });
});
