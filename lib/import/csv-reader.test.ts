import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvReader, type CsvRecord } from './csv-reader';

// The importer's reading before CsvReader: csv-parse with these options. CsvReader must read the same.
const OPTIONS = { columns: true, skip_empty_lines: true, relax_column_count: true, trim: false, info: true } as const;

function csvParse(text: string, delimiter: string): CsvRecord[] | string {
  try {
    const records = parse(text, { ...OPTIONS, delimiter }) as Array<{ record: Record<string, string>; info: { lines: number } }>;
    return records.map(({ record, info }) => ({ record, line: info.lines }));
  } catch (error) {
    return (error as Error).message;
  }
}

/** Read at once, or in pieces of the given sizes (the last piece empty, as the file's end). */
function read(text: string, delimiter: string, sizes: number[] = []): CsvRecord[] | string {
  const reader = new CsvReader(delimiter);
  const records: CsvRecord[] = [];
  try {
    let at = 0;
    for (let i = 0; at < text.length && sizes.length; i++) {
      const size = sizes[i % sizes.length];
      reader.read(text.slice(at, at + size), false, records);
      at += size;
    }
    reader.read(text.slice(at), true, records);
    return records;
  } catch (error) {
    return (error as Error).message;
  }
}

const same = (text: string, delimiter = ',') => expect(read(text, delimiter)).toEqual(csvParse(text, delimiter));

describe('reading CSV records as csv-parse does', () => {
  it('reads records, quotes, line breaks, empty lines and uneven rows the same, with the same lines', () => {
    same('a,b,c\n1,2,3\n');
    same('a,b,c\r\n1,"2\r\n2",3\r\n\r\n4,5\r\n6,7,8,9\r\n"",,\r\n""\r\n');
    same('a;b\rx;"y\n\r";z\r\r\ru;v');
    same('a,b\nx\ry,z\n"p\r\nq",r\nlast,"no newline"');
    same('a,b\r\nx\ry,z\r\n"p\r\nq",r\r\ns\n,t\r');
    same('a,b\nx,y\r\nz,w\r');
    same('\n\n\na,b\n\n1,2\n\n\n');
    same('"a""b","c"\n"x""","""y"\n""""\n');
    same('a,b\n"x"\u0000q,z\n""\u0000,w\n');
    same('__proto__,constructor,a,a\n1,2,3,4\n');
    same('2,1,b\nx,y,z\n');
    same('a,b\n,\n');
    same('');
    same('a,b');
    same('a,b\n');
    same('é,€\n"è ’",œ');
  });

  it('fails where csv-parse fails, with its message', () => {
    for (const text of [
      'a,b\nx"y,z\n',
      'a,b\nx,y"z\n',
      'a,b"c\nx,y\n',
      'a,b\n"x"y,z\n',
      'a,b\n"x"é,z\n',
      'a,b\n"x" ,z\n',
      'a,b\n"x"\r\r,z\n',
      'a,b\n"x,z\n\n',
      'a,b\r\n"x,z\r\n',
      'a,b\n"x,z',
      'a,b\n\uFEFF"x",y\n',
      'a,b\n"x"\u0000"q,z\n',
      'a,b,c\n1,2,3,"4\n',
      '"a\n',
    ]) {
      expect(read(text, ','), text).toEqual(csvParse(text, ','));
      expect(typeof read(text, ','), text).toBe('string');
    }
  });

  it('reads any text the same, at once or in pieces of any size (property)', () => {
    const text = fc
      .array(fc.constantFrom('a', 'é', '€', '𝔸', ' ', ',', ';', '"', '""', '\r', '\n', '\r\n', '\u0000', '\uFEFF'), { maxLength: 40 })
      .map((parts) => parts.join(''));
    // Mostly well-formed: quoted cells with anything inside.
    const cell = fc.oneof(
      fc.stringMatching(/^[a-zé ;|]{0,4}$/),
      fc.array(fc.constantFrom('a', 'é', ',', ';', '""', '\r', '\n', '\r\n', ' '), { maxLength: 6 }).map((parts) => `"${parts.join('')}"`),
    );
    const row = fc.array(cell, { minLength: 1, maxLength: 4 }).map((cells) => cells.join(','));
    const csv = fc
      .tuple(fc.array(row, { maxLength: 6 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
      .map(([rows, lineBreak, trailing]) => rows.join(lineBreak) + (trailing ? lineBreak : ''));
    fc.assert(
      fc.property(
        fc.oneof(text, csv),
        fc.constantFrom(',', ';'),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 }),
        (input, delimiter, sizes) => {
          const expected = csvParse(input, delimiter);
          expect(read(input, delimiter)).toEqual(expected);
          const pieces = read(input, delimiter, sizes);
          // In pieces, an error comes after the records read before it; at once, alone.
          if (typeof expected === 'string') expect(typeof pieces === 'string' ? pieces : null).toBe(expected);
          else expect(pieces).toEqual(expected);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
