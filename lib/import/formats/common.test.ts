import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { text } from './common';

/** The reading of a cell before its fast path: every run of whitespace one space, trimmed, "-" and "" as nothing. */
function reference(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const t = String(value).replace(/\s+/g, ' ').trim();
  return t === '' || t === '-' ? null : t;
}

describe('a text cell', () => {
  it('reads as before its fast path, whatever its whitespace (property)', () => {
    const pieces = fc.constantFrom(' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2009', '\u3000', '-', 'a', 'é', 'Rue', '’', '');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const value = parts.join('');
        expect(text(value)).toBe(reference(value));
      }),
      { numRuns: 2000 },
    );
    for (const value of [null, undefined, 12, ' - ', 'Maison  des\tservices ', 'a\u00a0b']) expect(text(value)).toBe(reference(value));
  });
});
