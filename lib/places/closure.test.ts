import { describe, expect, it } from 'vitest';
import { instantAt } from '../hours';
import { temporaryClosure } from './closure';

const PARIS = 'Europe/Paris';
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('temporary closure', () => {
  const works = { closedFrom: day('2026-12-01'), closedUntil: day('2026-12-14'), closureMessage: 'Travaux d’accessibilité.' };

  it('is announced before it starts', () => {
    expect(temporaryClosure(works, instantAt(PARIS, 2026, 11, 24, 10), PARIS)).toMatchObject({
      active: false,
      title: 'Fermeture temporaire du mardi 1er décembre au lundi 14 décembre inclus',
      message: 'Travaux d’accessibilité.',
    });
  });

  it('is active from its first day to its last, in the place’s zone', () => {
    // 30 November 23:30 UTC is already 1 December in Paris.
    expect(temporaryClosure(works, new Date('2026-11-30T23:30:00Z'), PARIS)).toMatchObject({
      active: true,
      title: 'Fermé temporairement jusqu’au lundi 14 décembre inclus',
      reopening: 'Réouverture prévue le mardi 15 décembre',
    });
    expect(temporaryClosure(works, instantAt(PARIS, 2026, 12, 14, 18), PARIS)?.active).toBe(true);
  });

  it('disappears once over, and is open-ended without an end date', () => {
    expect(temporaryClosure(works, instantAt(PARIS, 2026, 12, 15, 8), PARIS)).toBeNull();
    expect(temporaryClosure({ closedFrom: null, closedUntil: null, closureMessage: 'x' }, new Date(), PARIS)).toBeNull();
    expect(temporaryClosure({ closedFrom: day('2026-01-01'), closedUntil: null, closureMessage: null }, instantAt(PARIS, 2026, 6, 1, 10), PARIS)).toMatchObject(
      {
        active: true,
        title: 'Fermé temporairement',
        reopening: null,
      },
    );
  });
});
