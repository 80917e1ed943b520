// Property-based tests (fast-check) over the search URL: whatever a person, a stale link or a
// scraper puts in it, parsing never throws, and the state it yields survives a trip through the
// URL unchanged.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACCESS_MODE_LABELS, FEE_LABELS, SERVICE_LABELS } from '@/lib/standard/enums';
import { PLACE_TYPES } from '@/lib/standard/plain-words';
import { DAYS, HALF_DAYS, parseSearchParams, RADIUS, toSearchParams, type SearchFilters } from './filters';

const KEYS = [
  'ou',
  'lat',
  'lng',
  'rayon',
  'besoin',
  'public',
  'prise_en_charge',
  'frais',
  'accompagnement',
  'acces',
  'dispositif',
  'label',
  'type',
  'itinerance',
  'reseau',
  'q',
  'ouvert',
  'creneau',
  'ateliers',
  'page',
];

// Text of every kind: ASCII, any Unicode (lone surrogates included), and values close to valid ones.
const text = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc.string({
    unit: fc.oneof(
      fc.constantFrom('a', '😀', 'é'),
      fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
    ),
    minLength: 95,
    maxLength: 210,
  }),
  fc.constantFrom(
    '',
    ' ',
    ',',
    ',,',
    'NaN',
    'Infinity',
    '-0',
    '1e309',
    '0x10',
    '  12 ',
    '2,5',
    'maintenant',
    'samedi',
    'lundi-matin',
    'fixe',
    '2026-02-30T25:61',
    '<script>alert(1)</script>',
    '__proto__',
    'constructor',
    'toString',
  ),
  fc.constantFrom(...Object.keys(SERVICE_LABELS), ...Object.values(FEE_LABELS), ...Object.keys(PLACE_TYPES)),
  fc.double().map(String),
  fc.integer().map(String),
);

const rawRecord = fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 10 })), fc.oneof(text, fc.array(text, { maxLength: 40 })), {
  maxKeys: 25,
});
const rawQuery = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 10 })), text), { maxLength: 60 }).map((pairs) => {
  const params = new URLSearchParams();
  for (const [k, v] of pairs) params.append(k, v);
  // And through a real URL, as the server gets it.
  return new URL(`https://reperes.example/recherche?${params.toString()}`).searchParams;
});

describe('search URL parameters (properties)', () => {
  it('parsing never throws and always yields a usable state', () => {
    fc.assert(
      fc.property(fc.oneof(rawRecord, rawQuery), (raw) => {
        const { filters, problems } = parseSearchParams(raw);
        expect(filters.rayon).toBeGreaterThanOrEqual(RADIUS.min);
        expect(filters.rayon).toBeLessThanOrEqual(RADIUS.max);
        expect(Number.isInteger(filters.page) && filters.page >= 1).toBe(true);
        expect(filters.q === null || filters.q.length <= 100).toBe(true);
        expect(filters.ou === null || filters.ou.length <= 200).toBe(true);
        expect((filters.lat === null) === (filters.lng === null)).toBe(true);
        if (filters.lat !== null) expect(Math.abs(filters.lat) <= 90 && Math.abs(filters.lng!) <= 180).toBe(true);
        for (const s of filters.besoin) expect(Object.keys(SERVICE_LABELS)).toContain(s);
        for (const problem of problems) expect(typeof problem).toBe('string');
      }),
      { numRuns: 1500 },
    );
  });

  it('round-trips: the URL of a parsed state parses back to the same state, with no problem', () => {
    fc.assert(
      fc.property(fc.oneof(rawRecord, rawQuery), (raw) => {
        const first = parseSearchParams(raw).filters;
        const again = parseSearchParams(new URL(`https://reperes.example/recherche?${toSearchParams(first)}`).searchParams);
        expect(again.problems).toEqual([]);
        expect(again.filters).toEqual(first);
      }),
      { numRuns: 1500 },
    );
  });

  it('round-trips any valid state built directly', () => {
    const sub = <T extends string>(values: readonly T[]) => fc.subarray([...values]);
    const state = fc.record({
      ou: fc.option(
        fc
          .string({ minLength: 1, maxLength: 200 })
          .map((s) => s.trim())
          .filter(Boolean),
      ),
      position: fc.option(fc.tuple(fc.double({ min: -90, max: 90, noNaN: true }), fc.double({ min: -180, max: 180, noNaN: true }))),
      rayon: fc.integer({ min: RADIUS.min, max: RADIUS.max }),
      besoin: sub(Object.keys(SERVICE_LABELS) as Array<keyof typeof SERVICE_LABELS>),
      frais: sub(Object.keys(FEE_LABELS) as Array<keyof typeof FEE_LABELS>),
      acces: sub(Object.keys(ACCESS_MODE_LABELS) as Array<keyof typeof ACCESS_MODE_LABELS>),
      type: sub(Object.keys(PLACE_TYPES) as Array<keyof typeof PLACE_TYPES>),
      itinerance: fc.constantFrom(null, 'fixe' as const, 'itinerant' as const),
      reseau: fc.option(fc.stringMatching(/^[a-z0-9-]{1,60}$/)),
      q: fc.option(
        fc
          .string({ minLength: 1, maxLength: 100 })
          .map((s) => s.trim())
          .filter(Boolean),
      ),
      creneau: fc.uniqueArray(
        fc.record({ day: fc.constantFrom(...DAYS), halfDay: fc.constantFrom(...(Object.keys(HALF_DAYS) as Array<keyof typeof HALF_DAYS>)) }),
        { selector: (s) => `${s.day}-${s.halfDay}`, maxLength: 5 },
      ),
      ateliers: fc.boolean(),
      page: fc.integer({ min: 1, max: 500 }),
    });
    fc.assert(
      fc.property(state, ({ position, ...rest }) => {
        const filters: Partial<SearchFilters> = {
          ...rest,
          lat: position ? Math.round(position[0] * 1e5) / 1e5 || 0 : null,
          lng: position ? Math.round(position[1] * 1e5) / 1e5 || 0 : null,
        };
        const parsed = parseSearchParams(toSearchParams(filters));
        expect(parsed.problems).toEqual([]);
        expect(parsed.filters).toMatchObject(filters);
      }),
      { numRuns: 1000 },
    );
  });
});
