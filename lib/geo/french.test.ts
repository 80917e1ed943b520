import { describe, expect, it } from 'vitest';
import { communeByCode } from './communes';
import { withDe } from './french';

describe('"de" before a place name, as French writes it', () => {
  const around = (code: string) => {
    const commune = communeByCode(code)!;
    return `autour ${withDe(commune.name, commune.typeLiaison)}`;
  };

  it('contracts Le and Les, keeps La and L’ with their capital, elides before a vowel', () => {
    expect(around('72181')).toBe('autour du Mans');
    expect(around('49246')).toBe('autour des Ponts-de-Cé');
    expect(around('78440')).toBe('autour des Mureaux');
    expect(around('17300')).toBe('autour de La Rochelle');
    expect(around('06149')).toBe('autour de La Trinité');
    expect(around('95313')).toBe("autour de L'Isle-Adam");
    expect(around('49007')).toBe('autour d’Angers');
    expect(around('49328')).toBe('autour de Saumur');
    expect(around('13001')).toBe('autour d’Aix-en-Provence');
  });

  it('follows INSEE for an initial h, mute or aspirated', () => {
    // Hérouville-Saint-Clair: mute h ("d'Hérouville"); Le Havre: "du Havre"; Hambach: "de Hambach".
    expect(around('14327')).toBe('autour d’Hérouville-Saint-Clair');
    expect(around('76351')).toBe('autour du Havre');
    expect(around('57289')).toBe('autour de Hambach');
  });

  it('applies the usual rules to a text that is not a commune of the reference', () => {
    expect(withDe('Le Bourg')).toBe('du Bourg');
    expect(withDe('Les Halles')).toBe('des Halles');
    expect(withDe('La Défense')).toBe('de La Défense');
    expect(withDe('Orly')).toBe('d’Orly');
    expect(withDe('Hauteville')).toBe('de Hauteville');
    expect(withDe('12 Rue de la Gare 49300 Cholet')).toBe('de 12 Rue de la Gare 49300 Cholet');
  });
});
