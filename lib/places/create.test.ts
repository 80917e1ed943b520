import { describe, expect, it } from 'vitest';
import { sameName } from './create';

describe('sameName', () => {
  it('tells apart places that only share the generic words', () => {
    expect(sameName('Espace numérique des Rives', 'Espace numérique des Tilleuls', 0.62)).toBe(false);
    expect(sameName('France Services de Segré', 'France Services de Baugé', 0.55)).toBe(false);
  });
  it('recognises the same place written differently', () => {
    expect(sameName('Espace numerique des Tilleuls', 'Espace numérique des Tilleuls', 0.95)).toBe(true);
    expect(sameName('EPN des Tilleuls', 'Espace public numérique des Tilleuls', 0.4)).toBe(true);
    expect(sameName('Médiathèque', 'Mediatheque', 0.65)).toBe(true);
  });
});
