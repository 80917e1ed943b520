import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, parseSearchParams, RADIUS, toSearchParams } from './filters';

describe('search URL parameters', () => {
  it('round-trips a search state through the URL', () => {
    const { filters, problems } = parseSearchParams(
      new URLSearchParams('ou=Saumur&rayon=20&besoin=AideAuxDemarchesAdministratives&frais=Gratuit&type=epn&ouvert=samedi&creneau=mardi-matin&page=2'),
    );
    expect(problems).toEqual([]);
    expect(parseSearchParams(toSearchParams(filters)).filters).toEqual(filters);
    expect(toSearchParams(filters).toString()).toBe(
      'ou=Saumur&rayon=20&besoin=AideAuxDemarchesAdministratives&frais=Gratuit&type=epn&ouvert=samedi&creneau=mardi-matin&page=2',
    );
  });

  it('accepts the standard’s labels as well as keys', () => {
    expect(parseSearchParams({ besoin: 'Aide aux démarches administratives' }).filters.besoin).toEqual(['AideAuxDemarchesAdministratives']);
  });

  it('never mutates the defaults', () => {
    parseSearchParams({ type: 'epn', creneau: 'lundi-matin' });
    expect(EMPTY_FILTERS.type).toEqual([]);
    expect(EMPTY_FILTERS.creneau).toEqual([]);
  });

  it('never throws and never yields out-of-range values, whatever the URL (property)', () => {
    const key = fc.constantFrom(
      'ou',
      'lat',
      'lng',
      'rayon',
      'besoin',
      'frais',
      'type',
      'itinerance',
      'reseau',
      'q',
      'ouvert',
      'creneau',
      'page',
      'public',
      'autre',
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.string({ maxLength: 300 })), { maxLength: 20 }), (pairs) => {
        const params = new URLSearchParams();
        for (const [k, v] of pairs) params.append(k, v);
        const { filters, problems } = parseSearchParams(params);
        expect(filters.rayon).toBeGreaterThanOrEqual(RADIUS.min);
        expect(filters.rayon).toBeLessThanOrEqual(RADIUS.max);
        expect(filters.page).toBeGreaterThanOrEqual(1);
        expect((filters.q ?? '').length).toBeLessThanOrEqual(100);
        expect((filters.ou ?? '').length).toBeLessThanOrEqual(200);
        expect(Array.isArray(problems)).toBe(true);
        if (filters.reseau) expect(filters.reseau).toMatch(/^[a-z0-9-]+$/);
      }),
      { numRuns: 300 },
    );
  });
});
