import { describe, expect, it } from 'vitest';
import { completeness, type CompletenessInput } from './completeness';

const empty: CompletenessInput = {
  phone: null,
  emails: [],
  websites: [],
  openingHours: null,
  summary: null,
  presentation: null,
  latitude: null,
  longitude: null,
  services: [],
  fees: [],
  accessModes: [],
  supportModes: [],
  publics: [],
  typologies: [],
  accesLibreUrl: null,
  pivot: null,
};
const full: CompletenessInput = {
  phone: '+33241000000',
  emails: ['a@b.fr'],
  websites: ['https://x.fr'],
  openingHours: 'Mo 09:00-12:00',
  summary: 'x',
  presentation: 'y',
  latitude: 47,
  longitude: -0.5,
  services: ['x'],
  fees: ['x'],
  accessModes: ['x'],
  supportModes: ['x'],
  publics: ['x'],
  typologies: ['EPN'],
  accesLibreUrl: 'https://acceslibre.beta.gouv.fr/x',
  pivot: '12345678900012',
};

describe('completeness score', () => {
  it('is 0 for an empty listing and 100 for a full one', () => {
    expect(completeness(empty).score).toBe(0);
    expect(completeness(empty).missing[0]).toEqual({ field: 'openingHours', label: 'Horaires' });
    expect(completeness(full)).toEqual({ score: 100, missing: [] });
  });

  it('weighs what visitors need most: hours count more than a website', () => {
    const withoutHours = completeness({ ...full, openingHours: null });
    const withoutWebsite = completeness({ ...full, websites: [] });
    expect(withoutHours.score).toBeLessThan(withoutWebsite.score);
    expect(withoutHours.missing).toEqual([{ field: 'openingHours', label: 'Horaires' }]);
  });

  it('accepts an email instead of a phone', () => {
    expect(completeness({ ...full, phone: null }).score).toBe(100);
    expect(completeness({ ...full, phone: null, emails: [] }).missing.map((m) => m.field)).toEqual(['contact']);
  });

  it('does not count blank text as filled, and lists what is missing in order of usefulness', () => {
    const result = completeness({ ...full, openingHours: '   ', summary: ' ', websites: [], pivot: null });
    expect(result.missing.map((m) => m.field)).toEqual(['openingHours', 'summary', 'websites', 'pivot']);
    // 23 points in all: hours 3, summary, website and SIRET 1 each → 17/23.
    expect(result.score).toBe(74);
  });

  it('gives a whole percentage between 0 and 100 for every combination of one missing field', () => {
    const keys = Object.keys(full) as Array<keyof CompletenessInput>;
    for (const key of keys) {
      const value = Array.isArray(full[key]) ? [] : null;
      const { score } = completeness({ ...full, [key]: value });
      expect(Number.isInteger(score)).toBe(true);
      expect(score).toBeGreaterThanOrEqual(80);
      expect(score).toBeLessThanOrEqual(100);
    }
  });
});
