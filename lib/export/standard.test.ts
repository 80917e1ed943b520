import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STANDARD_COLUMNS, csvLine, neutralise, type StandardRecord } from './standard';

describe('CSV cells and spreadsheet formulas', () => {
  it('neutralises cells that start like a formula, in every column', () => {
    for (const value of ['=HYPERLINK("http://evil.example","x")', '+SUM(1,2)', "-2+3+cmd|' /C calc'!A0", '@SUM(A1)', '\t=1', '\r=1']) {
      for (const column of ['nom', 'site_web', 'courriels', 'telephone', 'horaires', 'source', 'fiche_acces_libre'] as const) {
        expect(neutralise(column, value)).toBe(`'${value}`);
      }
    }
  });

  it('keeps a phone in the standard’s format and plain numbers (a western longitude)', () => {
    expect(neutralise('telephone', '+33241000000')).toBe('+33241000000');
    expect(neutralise('telephone', '+590590123456')).toBe('+590590123456');
    expect(neutralise('telephone', '+33 2 41 00 00 00')).toBe("'+33 2 41 00 00 00");
    // Any plain number is read as a number by a spreadsheet, never as a formula.
    expect(neutralise('telephone', '+44123456789')).toBe('+44123456789');
    expect(neutralise('telephone', '+44(1)2')).toBe("'+44(1)2");
    expect(neutralise('longitude', '-0.55')).toBe('-0.55');
    expect(neutralise('nom', '+33241000000')).toBe("'+33241000000");
    expect(neutralise('nom', 'Espace numérique')).toBe('Espace numérique');
  });

  it('never lets a cell start with a formula character, whatever the text', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STANDARD_COLUMNS), fc.string(), (column, text) => {
        const record = Object.fromEntries(STANDARD_COLUMNS.map((c) => [c, c === column ? text : ''])) as unknown as StandardRecord;
        const line = csvLine(record);
        // Each cell is quoted; read back the one we set.
        const cells = line.slice(1, -3).split('","');
        const index = STANDARD_COLUMNS.indexOf(column);
        if (!text.includes('"')) {
          const cell = cells[index];
          const legit = (column === 'telephone' && /^\+33\d{6,9}$/.test(text)) || /^[+-]?\d+(\.\d+)?$/.test(text);
          if (!legit) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        }
      }),
    );
  });
});
