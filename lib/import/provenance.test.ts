import { describe, expect, it } from 'vitest';
import {
  fieldSourceRows,
  fingerprint,
  initialSources,
  initialStoredSources,
  mergeRow,
  readSources,
  storedSources,
  type CurrentPlace,
  type FieldSources,
} from './provenance';
import { emptyFields } from './readers';
import type { ImportedFields } from './types';

const fields = (over: Partial<ImportedFields> = {}): ImportedFields => ({
  ...emptyFields(),
  name: 'Espace numérique',
  street: '1 rue A',
  postcode: '49000',
  commune: 'Angers',
  latitude: 47.47,
  longitude: -0.55,
  dateMaj: new Date('2024-01-01'),
  ...over,
});
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A place as the import created it from `source`. */
function placeFrom(source: string, f: ImportedFields): CurrentPlace {
  return { ...f, sourceName: source, fieldSources: initialSources(f, source), locationApproximate: false };
}

describe('merging a row into a place field by field', () => {
  it('lets the more recent row win, and the same row again changes nothing', () => {
    const place = placeFrom('a', fields({ phone: '+33241000001' }));
    const row = { source: 'b', fields: fields({ phone: '+33241000002', dateMaj: new Date('2025-01-01') }), approximate: false };
    const first = mergeRow(place, row, byName);
    expect(first.data).toMatchObject({ phone: '+33241000002', dateMaj: new Date('2025-01-01') });
    expect(first.fieldSources.phone.s).toBe('b');
    const after = { ...place, ...first.data, fieldSources: first.fieldSources };
    expect(mergeRow(after, row, byName)).toMatchObject({ data: {}, changes: {}, provenanceChanged: false });
    // The older source again: it keeps nothing of its own where the newer one gave a value.
    expect(mergeRow(after, { source: 'a', fields: fields({ phone: '+33241000001' }), approximate: false }, byName).data).toEqual({});
  });

  it('breaks a tie of dates by the sources’ order', () => {
    const place = placeFrom('b', fields({ phone: '+33241000002' }));
    expect(mergeRow(place, { source: 'a', fields: fields({ phone: '+33241000001' }), approximate: false }, byName).data.phone).toBe('+33241000001');
    expect(
      mergeRow(placeFrom('a', fields({ phone: '+33241000001' })), { source: 'b', fields: fields({ phone: '+33241000002' }), approximate: false }, byName).data
        .phone,
    ).toBeUndefined();
  });

  it('never overwrites a value a person changed, and says so', () => {
    const place = { ...placeFrom('a', fields({ phone: '+33241000001' })), phone: '+33241000099' };
    expect(
      mergeRow(place, { source: 'a', fields: fields({ phone: '+33241000003', dateMaj: new Date('2030-01-01') }), approximate: false }, byName).data.phone,
    ).toBeUndefined();
    expect(fieldSourceRows(place).find((r) => r.field === 'phone')).toMatchObject({ source: null });
    expect(fieldSourceRows(place).find((r) => r.field === 'name')).toMatchObject({ source: 'a', date: '2024-01-01' });
  });

  it('clears only what the source gave itself', () => {
    const place = placeFrom('a', fields({ phone: '+33241000001' }));
    const filled = {
      ...place,
      websites: ['https://b.example'],
      fieldSources: { ...(place.fieldSources as object), websites: { s: 'b', d: '2024-01-01', h: fingerprint(['https://b.example']) } },
    };
    const outcome = mergeRow(filled, { source: 'a', fields: fields({ phone: null, websites: [] }), approximate: false }, byName);
    expect(outcome.data).toEqual({ phone: null });
    expect(outcome.fieldSources.phone).toBeUndefined();
    expect(outcome.fieldSources.websites.s).toBe('b');
  });

  it('prefers a precise position to a commune’s centre, whatever the dates', () => {
    const approximate = { ...placeFrom('a', fields({ latitude: 47.4, longitude: -0.6, dateMaj: new Date('2026-01-01') })), locationApproximate: true };
    const precise = mergeRow(approximate, { source: 'b', fields: fields({ latitude: 47.47, longitude: -0.55 }), approximate: false }, byName);
    expect(precise.data).toMatchObject({ latitude: 47.47, longitude: -0.55, locationApproximate: false });
    const kept = mergeRow(
      placeFrom('a', fields()),
      { source: 'b', fields: fields({ latitude: 47.4, longitude: -0.6, dateMaj: new Date('2030-01-01') }), approximate: true },
      byName,
    );
    expect(kept.data.latitude).toBeUndefined();
  });
});

describe('provenance as stored', () => {
  it('writes the commonest source and date once, reads back every entry, and still reads the full form', () => {
    const created = initialStoredSources(fields({ phone: '+33241000001' }), 'a');
    expect(created).toMatchObject({ s: 'a', d: '2024-01-01', f: { name: fingerprint('Espace numérique'), phone: expect.any(String) } });
    expect(Object.values(created.f).every((entry) => typeof entry === 'string')).toBe(true);
    const full = initialSources(fields({ phone: '+33241000001' }), 'a');
    expect(full.phone).toEqual({ s: 'a', d: '2024-01-01', h: created.f.phone });
    // A place two sources completed: the commonest pair is factored out, the other kept whole.
    const mixed = { ...full, phone: { s: 'b', d: '2025-02-03', h: fingerprint('+33241000002') } };
    const stored = storedSources(mixed);
    expect(stored.s).toBe('a');
    expect(stored.f.phone).toEqual(mixed.phone);
    expect(readSources(stored)).toEqual(mixed);
    expect(readSources(JSON.parse(JSON.stringify(stored)))).toEqual(mixed);
    // Rows written before the stored form, and places made by hand.
    expect(readSources(mixed)).toEqual(mixed);
    expect(readSources(null)).toEqual({});
    expect(storedSources({})).toEqual({ s: '', d: '', f: {} });
    expect(readSources(storedSources({}))).toEqual({});
  });

  it('merges and shows a stored place as it did the full form', () => {
    const place = placeFrom('a', fields({ phone: '+33241000001' }));
    const stored = { ...place, fieldSources: storedSources(place.fieldSources as FieldSources) };
    const row = { source: 'b', fields: fields({ phone: '+33241000002', dateMaj: new Date('2025-01-01') }), approximate: false };
    expect(mergeRow(stored, row, byName)).toEqual(mergeRow(place, row, byName));
    expect(fieldSourceRows(stored)).toEqual(fieldSourceRows(place));
    expect(mergeRow(stored, { source: 'a', fields: fields({ phone: '+33241000001' }), approximate: false }, byName).provenanceChanged).toBe(false);
  });
});
