import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { csvRecords, decode, detectDelimiter, detectEncoding, streamCsvRecords, type CsvRecord } from './csv';

describe('reading CSV files from the field', () => {
  it('detects the encoding: UTF-8, UTF-8 with a BOM, else Windows-1252', () => {
    expect(detectEncoding(Buffer.from('Médiathèque;Ville', 'utf8'))).toBe('utf8');
    expect(detectEncoding(Buffer.from('\uFEFFMédiathèque', 'utf8'))).toBe('utf8-bom');
    expect(detectEncoding(iconv.encode('Médiathèque – Œuvre', 'win1252'))).toBe('windows-1252');
    expect(decode(iconv.encode('Médiathèque – Œuvre', 'win1252'))).toBe('Médiathèque – Œuvre');
    expect(decode(Buffer.from('\uFEFFnom', 'utf8'))).toBe('nom');
  });

  it('detects the delimiter from the header, ignoring what is inside quotes', () => {
    expect(detectDelimiter('"nom;court","adresse","cp"\n1;2;3')).toBe(',');
    expect(detectDelimiter('nom;adresse;cp\r\nA,B;C;D')).toBe(';');
    expect(detectDelimiter('nom\tadresse\tcp\n')).toBe('\t');
    expect(detectDelimiter('"multi\nligne";b;c\n')).toBe(';');
  });

  it('streams in pieces of any size the records read at once, and after the records before it the error that fails reading at once (property)', async () => {
    // Pieces cut characters, `\r\n` and `""` in two; quotes, lone `\r`, unclosed or misplaced quotes.
    const text = fc
      .array(fc.constantFrom('a', 'é', '€', '𝔸', ' ', ',', ';', '"', '""', '\r', '\n', '\r\n', ',"x"', ',"y\r\nz"', '\n"é;""\r"'), { maxLength: 30 })
      .map((parts) => parts.join(''));
    await fc.assert(
      fc.asyncProperty(text, fc.constantFrom('utf8', 'utf8-bom', 'windows-1252'), fc.integer({ min: 1, max: 7 }), async (content, encoding, chunkSize) => {
        const bytes =
          encoding === 'windows-1252'
            ? iconv.encode(content.replace(/[€𝔸]/g, 'e'), 'win1252')
            : Buffer.from(`${encoding === 'utf8-bom' ? '\uFEFF' : ''}${content}`);
        let whole: CsvRecord[] | string;
        try {
          whole = csvRecords(bytes);
        } catch (error) {
          whole = (error as Error).message;
        }
        const streamed: CsvRecord[] = [];
        let failure: string | null = null;
        try {
          for await (const record of streamCsvRecords(bytes, undefined, chunkSize).records) streamed.push(record);
        } catch (error) {
          failure = (error as Error).message;
        }
        if (typeof whole === 'string') expect(failure).toBe(whole);
        else expect({ streamed, failure }).toEqual({ streamed: whole, failure: null });
      }),
      { numRuns: 500 },
    );
  });

  it('gives every record before an error, then the error', async () => {
    const rows = ['a;b', ...Array.from({ length: 3000 }, (_, i) => `x${i};${'y'.repeat(200)}`), 'x"y;z', 'p;q'];
    const streamed: CsvRecord[] = [];
    await expect(async () => {
      for await (const record of streamCsvRecords(Buffer.from(rows.join('\n'))).records) streamed.push(record);
    }).rejects.toThrow('Invalid Opening Quote: a quote is found on field "a" at line 3002, value is "x"');
    expect(streamed).toHaveLength(3000);
    expect(streamed[2999]).toEqual({ record: { a: 'x2999', b: 'y'.repeat(200) }, line: 3001 });
  });
});
