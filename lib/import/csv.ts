// Reading CSV files as they come from the field: the encoding (UTF-8, UTF-8 with a BOM,
// Windows-1252 / Latin-1) and the delimiter are detected, and the records are streamed so that a
// large file never sits in memory as objects all at once.
import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import iconv from 'iconv-lite';
import { CsvReader, type CsvRecord } from './csv-reader';

export type { CsvRecord } from './csv-reader';

export type Encoding = 'utf8' | 'utf8-bom' | 'windows-1252';

/** UTF-8 (with or without a BOM) when the bytes are valid UTF-8, else Windows-1252 (a superset of Latin-1's printable range). */
export function detectEncoding(bytes: Buffer): Encoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf8-bom';
  return isUtf8(bytes) ? 'utf8' : 'windows-1252';
}

/** Bytes to text, in the detected encoding, without the BOM. */
export function decode(bytes: Buffer): string {
  const encoding = detectEncoding(bytes);
  if (encoding === 'utf8-bom') return bytes.subarray(3).toString('utf8');
  return encoding === 'utf8' ? bytes.toString('utf8') : iconv.decode(bytes, 'win1252');
}

/** The CSV delimiter: the candidate that splits the header line into the most columns (outside quotes). */
export function detectDelimiter(text: string): string {
  let header = '';
  let quoted = false;
  for (let i = 0; i < text.length && i < 65_536; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    if (!quoted) header += c;
  }
  const counts = [',', ';', '\t', '|'].map((d) => [d, header.split(d).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0][0];
}

/** Every record of a CSV file at once (small files, tests). Read as csv-parse reads with the options of lib/import/csv-reader.ts. */
export function csvRecords(bytes: Buffer, delimiter?: string): CsvRecord[] {
  const content = decode(bytes);
  const records: CsvRecord[] = [];
  new CsvReader(delimiter ?? detectDelimiter(content)).read(content, true, records);
  return records;
}

const CHUNK = 256 * 1024;

/** A CSV's bytes: in memory, or a file on disk, read piece by piece and never whole (`npm run import` of a large file). */
export type CsvInput = Buffer | { path: string };

type Bytes = { size: number; read(offset: number, length: number): Buffer; close(): void };

function bytesOf(input: CsvInput): Bytes {
  if (Buffer.isBuffer(input)) return { size: input.length, read: (offset, length) => input.subarray(offset, offset + length), close: () => undefined };
  const fd = fs.openSync(input.path, 'r');
  return {
    size: fs.fstatSync(fd).size,
    read(offset, length) {
      const piece = Buffer.allocUnsafe(length);
      return piece.subarray(0, fs.readSync(fd, piece, 0, length, offset));
    },
    close: () => fs.closeSync(fd),
  };
}

/** detectEncoding() of a file read piece by piece: a character cut by a piece's end is checked with the next piece. */
function detectEncodingOf(bytes: Bytes, chunkSize: number): Encoding {
  const head = bytes.read(0, 3);
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf8-bom';
  let carried = Buffer.alloc(0);
  for (let offset = 0; offset < bytes.size;) {
    const piece = bytes.read(offset, chunkSize);
    if (!piece.length) break;
    offset += piece.length;
    const text = carried.length ? Buffer.concat([carried, piece]) : piece;
    let end = text.length;
    if (offset < bytes.size) {
      // Back to the first byte of the last character (continuation bytes are 10xxxxxx): it goes with the next piece.
      let first = end - 1;
      while (first > 0 && first > end - 4 && (text[first] & 0xc0) === 0x80) first--;
      if (text[first] >= 0xc0) end = first;
    }
    if (!isUtf8(text.subarray(0, end))) return 'windows-1252';
    carried = Buffer.from(text.subarray(end));
  }
  return isUtf8(carried) ? 'utf8' : 'windows-1252';
}

/**
 * The records of a CSV file one by one, decoded and parsed in chunks of 256 KB. `progress()` tells
 * the share of the bytes handed to the parser so far (0 to 1).
 */
export function streamCsvRecords(input: CsvInput, delimiter?: string, chunkSize = CHUNK): { records: AsyncIterable<CsvRecord>; progress: () => number } {
  const bytes = bytesOf(input);
  let encoding: Encoding;
  try {
    encoding = Buffer.isBuffer(input) ? detectEncoding(input) : detectEncodingOf(bytes, chunkSize);
  } catch (error) {
    bytes.close();
    throw error;
  }
  const start = encoding === 'utf8-bom' ? 3 : 0;
  const decoder = iconv.getDecoder(encoding === 'windows-1252' ? 'win1252' : 'utf8');
  let offset = start;
  const headBytes = bytes.read(start, 65_536);
  const head = encoding === 'windows-1252' ? iconv.decode(headBytes, 'win1252') : headBytes.toString('utf8');
  const chosen = delimiter ?? detectDelimiter(head);
  const reader = new CsvReader(chosen);
  async function* records(): AsyncGenerator<CsvRecord> {
    const read: CsvRecord[] = [];
    try {
      for (let last = false; !last;) {
        const piece = offset < bytes.size ? bytes.read(offset, chunkSize) : Buffer.alloc(0);
        offset += piece.length;
        last = piece.length === 0;
        const text = last ? decoder.end() : decoder.write(piece);
        let error: unknown = null;
        try {
          if (text || last) reader.read(text ?? '', last, read);
        } catch (caught) {
          error = caught;
        }
        // The records before an error are given, then the error.
        for (const record of read) yield record;
        read.length = 0;
        if (error) throw error;
      }
    } finally {
      bytes.close();
    }
  }
  return { records: records(), progress: () => (bytes.size <= start ? 1 : (offset - start) / (bytes.size - start)) };
}
