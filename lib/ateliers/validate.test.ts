import { describe, expect, it } from 'vitest';
import { checkAtelier, type AtelierFields } from './validate';

const now = new Date('2027-01-04T10:00:00Z');
const base: AtelierFields = {
  title: 'Prendre en main son smartphone',
  summary: 'Allumer, appeler, photographier : les gestes de base, à son rythme.',
  themes: ['MaitriseDesOutilsNumeriquesDuQuotidien'],
  date: '2027-01-05',
  start: '14:00',
  end: '16:00',
};

describe('checkAtelier', () => {
  it('accepts a weekly series and reads the times in the place’s zone', () => {
    const r = checkAtelier({ ...base, repetition: 'weekly', until: '2027-03-30', capacity: '8', registrationMode: 'REPERES' }, 'Europe/Paris', now);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.startsAt.toISOString()).toBe('2027-01-05T13:00:00.000Z');
    expect(r.data.rrule).toBe('FREQ=WEEKLY;INTERVAL=1;UNTIL=20270330T235959Z');
    const reunion = checkAtelier(base, 'Indian/Reunion', now);
    expect(reunion.ok && reunion.data.startsAt.toISOString()).toBe('2027-01-05T10:00:00.000Z');
  });

  it('says in French what is wrong', () => {
    const errorsOf = (f: AtelierFields) => {
      const r = checkAtelier({ ...base, ...f }, 'Europe/Paris', now);
      return r.ok ? {} : r.errors;
    };
    expect(errorsOf({ end: '13:00' }).end).toBe('La fin doit être après le début.');
    expect(errorsOf({ date: '2026-12-01' }).date).toBe('Cette date est passée : choisissez une date à venir.');
    expect(errorsOf({ date: '2027-02-30' }).date).toMatch(/Indiquez la date/);
    expect(errorsOf({ repetition: 'weekly' }).until).toMatch(/La répétition doit s’arrêter/);
    expect(errorsOf({ rrule: 'FREQ=DAILY;UNTIL=20300101T000000Z' }).until).toMatch(/plus de 300 séances/);
    expect(errorsOf({ themes: ['Cuisine'] }).themes).toMatch(/thème/);
    expect(errorsOf({ title: '' }).title).toMatch(/titre/);
    expect(errorsOf({ registrationMode: 'REPERES' }).capacity).toMatch(/nombre de places/);
    expect(errorsOf({ registrationMode: 'PHONE', registrationContact: 'abc' }).registrationContact).toMatch(/numéro/);
    expect(errorsOf({ registrationMode: 'EXTERNAL', registrationContact: 'javascript:alert(1)' }).registrationContact).toMatch(/https/);
    expect(errorsOf({ capacity: '0' }).capacity).toMatch(/entre 1 et 1000/);
  });
});
