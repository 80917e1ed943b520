import { describe, expect, it } from 'vitest';
import { frenchHoursToOsm } from './french-hours';
import { parseFrenchDate } from './normalize';

describe('opening hours in French words', () => {
  it('turns day groups and time ranges into OSM opening_hours', () => {
    expect(frenchHoursToOsm('9h-12h et 14h-17h du lundi au vendredi')).toBe('Mo-Fr 09:00-12:00,14:00-17:00');
    expect(frenchHoursToOsm('Du Lundi au samedi : 8h30 à 20h')).toBe('Mo-Sa 08:30-20:00');
    expect(frenchHoursToOsm('Lundi et Jeudi : 9h à 12h30 et 13h30 à 17h Mardi 9h à 12h30')).toBe(
      'Mo 09:00-12:30,13:30-17:00; Tu 09:00-12:30; Th 09:00-12:30,13:30-17:00',
    );
    expect(frenchHoursToOsm('Lundi, mercredi, jeudi : 10h -12h30 / 14h - 18h Mardi, vendredi : 14h - 18h')).toBe(
      'Mo 10:00-12:30,14:00-18:00; Tu 14:00-18:00; We-Th 10:00-12:30,14:00-18:00; Fr 14:00-18:00',
    );
    expect(frenchHoursToOsm('Lundi, Mercredi, Jeudi et Vendredi de 9 à 12h et de 14 à 18h30 Mardi de 14 à 18h30')).toBe(
      'Mo 09:00-12:00,14:00-18:30; Tu 14:00-18:30; We-Fr 09:00-12:00,14:00-18:30',
    );
    expect(frenchHoursToOsm('Mardi : 15h à18h30 Samedi : 9h30 à 12h30')).toBe('Tu 15:00-18:30; Sa 09:30-12:30');
  });

  it('gives up rather than guess: exceptions, seasons, appointments, no days, impossible times', () => {
    expect(frenchHoursToOsm('9h à 12h, 14h à 17h hors vacances scolaires')).toBeNull();
    expect(frenchHoursToOsm('Du lundi au vendredi, de 8h30 à 17h, sur rendez-vous uniquement')).toBeNull();
    expect(frenchHoursToOsm('Lundi au vendredi : 9h à 18h (lundi et jeudi matin fermé)')).toBeNull();
    expect(frenchHoursToOsm('Ligne Irigo N° 6, 11 - arrêt les Deniers')).toBeNull();
    expect(frenchHoursToOsm('9h à 12h / 13h à 17h')).toBeNull();
    expect(frenchHoursToOsm('Lundi : 14h à 9h')).toBeNull();
    expect(frenchHoursToOsm('Lundi : 10h à 12h Mercredi')).toBeNull();
  });
});

describe('French dates', () => {
  it('reads the forms local files use', () => {
    const iso = (v: string) => parseFrenchDate(v)?.toISOString().slice(0, 10) ?? null;
    expect(iso('03/02/2024')).toBe('2024-02-03');
    expect(iso('3.2.2024')).toBe('2024-02-03');
    expect(iso('15/01/24')).toBe('2024-01-15');
    expect(iso('2024-02-03 10:12:00')).toBe('2024-02-03');
    expect(iso('3 février 2024')).toBe('2024-02-03');
    expect(iso('1er mars 2024')).toBe('2024-03-01');
    expect(iso('lundi 4 déc. 2023')).toBe('2023-12-04');
    expect(iso('31/02/2024')).toBeNull();
    expect(iso('hier')).toBeNull();
  });
});
