import { describe, expect, it } from 'vitest';
import { atelierQuery, parseAtelierParams, window } from './filters';

describe('parseAtelierParams', () => {
  it('reads the filters and names what it dropped', () => {
    const { filters, problems } = parseAtelierParams({
      ou: 'Cholet',
      rayon: '500',
      theme: ['MaitriseDesOutilsNumeriquesDuQuotidien', 'Cuisine'],
      quand: 'demain',
      gratuit: '1',
      lieu: '../x',
    });
    expect(filters).toMatchObject({
      ou: 'Cholet',
      rayon: 100,
      themes: ['MaitriseDesOutilsNumeriquesDuQuotidien'],
      quand: null,
      gratuit: true,
      enLigne: false,
      lieu: null,
    });
    expect(problems).toEqual(['Un thème inconnu a été ignoré.', 'La date « demain » n’a pas été comprise : toutes les dates à venir sont montrées.']);
    expect(atelierQuery(filters)).toBe('?ou=Cholet&rayon=100&theme=MaitriseDesOutilsNumeriquesDuQuotidien&gratuit=1');
  });
});

describe('window', () => {
  // Wednesday 6 January 2027, 10:00 in Paris.
  const now = new Date('2027-01-06T09:00:00Z');
  it('« cette semaine » runs to Sunday night, « ce week-end » is Saturday and Sunday, in Paris time', () => {
    expect(window({ kind: 'semaine', date: null }, now)).toEqual({ from: now, to: new Date('2027-01-10T23:00:00Z') });
    expect(window({ kind: 'weekend', date: null }, now)).toEqual({ from: new Date('2027-01-08T23:00:00Z'), to: new Date('2027-01-10T23:00:00Z') });
    expect(window({ kind: 'date', date: '2027-01-07' }, now)).toEqual({ from: new Date('2027-01-06T23:00:00Z'), to: new Date('2027-01-07T23:00:00Z') });
  });
  it('on a Sunday the week-end is today; overseas reads its own day', () => {
    const sunday = new Date('2027-01-10T10:00:00Z');
    expect(window({ kind: 'weekend', date: null }, sunday)).toEqual({ from: sunday, to: new Date('2027-01-10T23:00:00Z') });
    expect(window({ kind: 'date', date: '2027-01-07' }, now, 'Pacific/Noumea')).toEqual({
      from: new Date('2027-01-06T13:00:00Z'),
      to: new Date('2027-01-07T13:00:00Z'),
    });
  });
});
