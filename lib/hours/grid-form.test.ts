// The hours grid as a plain form posts it: each mistake a person can make gets its French sentence.
import { describe, expect, it } from 'vitest';
import { gridToOsm, osmToGrid } from './editor';
import { formGrid, gridFormValues, readClock, readGridForm } from './grid-form';

const form = (values: Record<string, string>) => (name: string) => values[name] ?? '';

describe('reading the hours grid form', () => {
  it.each([
    ['14:30', '14:30'],
    ['14h30', '14:30'],
    ['14 h 30', '14:30'],
    ['9h', '09:00'],
    ['9.30', '09:30'],
    ['1430', '14:30'],
    ['', ''],
    ['25:00', null],
    ['midi', null],
    ['14:75', null],
  ])('reads the time %s as %s', (typed, read) => {
    expect(readClock(typed)).toBe(read);
  });

  it('writes the OSM value of a filled week, with holidays and summer closing as options', () => {
    const reading = readGridForm(
      form({
        'h-Tu-0-a': '14:00',
        'h-Tu-0-b': '18:00',
        'h-We-0-a': '09:00',
        'h-We-0-b': '12:00',
        'h-We-1-a': '14:00',
        'h-We-1-b': '18:00',
        'h-feries': 'oui',
        'h-ete': 'Aug',
      }),
    );
    expect(reading.errors).toEqual({});
    expect(gridToOsm(reading.grid)).toBe('Tu 14:00-18:00; We 09:00-12:00,14:00-18:00; Aug off; PH off');
    // And back: the form shows the same.
    expect(gridFormValues(osmToGrid(gridToOsm(reading.grid))!)).toMatchObject({ 'h-Tu-0-a': '14:00', 'h-ete': 'Aug', 'h-feries': 'oui' });
  });

  it('refuses overlapping ranges, naming the day and the ranges', () => {
    const reading = readGridForm(form({ 'h-Tu-0-a': '09:00', 'h-Tu-0-b': '13:00', 'h-Tu-1-a': '12:00', 'h-Tu-1-b': '18:00' }));
    expect(reading.errors['h-Tu']).toBe('Mardi : les plages 9 h – 13 h et 12 h – 18 h se chevauchent. Réunissez-les ou corrigez l’une d’elles.');
  });

  it('refuses a range past midnight, and reads midnight as an end', () => {
    expect(readGridForm(form({ 'h-Fr-0-a': '20:00', 'h-Fr-0-b': '02:00' })).errors['h-Fr']).toMatch(/^Vendredi : la plage 20 h – 2 h passe minuit/);
    const late = readGridForm(form({ 'h-Fr-0-a': '20:00', 'h-Fr-0-b': '00:00' }));
    expect(late.errors).toEqual({});
    expect(gridToOsm(late.grid)).toBe('Fr 20:00-24:00');
  });

  it('asks for both ends, a real time, and an end after the start', () => {
    expect(readGridForm(form({ 'h-Mo-0-a': '09:00' })).errors['h-Mo']).toBe('Lundi : indiquez le début et la fin de chaque plage.');
    expect(readGridForm(form({ 'h-Mo-0-a': '9h', 'h-Mo-0-b': 'midi' })).errors['h-Mo']).toBe('Lundi : « midi » n’est pas une heure (exemple : 14:30).');
    expect(readGridForm(form({ 'h-Mo-0-a': '09:00', 'h-Mo-0-b': '09:00' })).errors['h-Mo']).toMatch(/la fin de la plage doit suivre son début/);
  });

  it('says the week is empty, and refuses a summer option it does not offer', () => {
    expect(readGridForm(form({})).empty).toBe(true);
    expect(readGridForm(form({ 'h-ete': 'Dec' })).errors['h-ete']).toBe('Choisissez une des possibilités proposées pour l’été.');
  });

  it('keeps quotes and line breaks out of the precision (OSM comments are quoted)', () => {
    const reading = readGridForm(form({ 'h-Mo-0-a': '09:00', 'h-Mo-0-b': '12:00', 'h-precision': 'sur "rendez-vous"\nle matin' }));
    expect(gridToOsm(reading.grid)).toBe('Mo 09:00-12:00 "sur  rendez-vous  le matin"');
  });

  it('shows in the form only what it can show whole', () => {
    expect(formGrid('Mo-Fr 09:00-12:00,14:00-17:00')).not.toBeNull();
    expect(formGrid('Mo 08:00-09:00,10:00-11:00,12:00-13:00')).toBeNull();
    expect(formGrid('Mo-Fr 09:00-12:00; Jul-Aug Mo-Fr 10:00-12:00')).toBeNull();
    expect(formGrid('Aug off; Mo 09:00-12:00')).toBeNull();
  });
});
