// The CSV records of a text given piece by piece, read exactly as csv-parse reads them with the
// importer's options ({ columns: true, skip_empty_lines: true, relax_column_count: true, trim: false,
// info: true }, a one-character delimiter), at a fifth of its CPU: the same records, the same line
// numbers (info.lines), the same errors with the same messages. csv-parse goes byte by byte through
// function calls and builds an `info` object per record; this goes field by field with indexOf.
// Hand-written rather than papaparse: papaparse accepts what csv-parse refuses (a quote inside an
// unquoted field, spaces after a closing quote, a quote never closed), tells no line numbers and
// cannot tell an empty line from a line holding `""`; checking all that would be a parser again.
// lib/import/csv-reader.test.ts compares both on random texts, errors included.
//
// What csv-parse does, and this does too:
// - The record delimiter is the first line break met outside quotes: `\r\n`, else `\n`, else `\r`;
//   any other `\r` or `\n` (inside quotes, or not that delimiter) is a character of its field.
// - The line of a record (info.lines) is the line where it ends: 1 + the `\r` and `\n` characters
//   before its delimiter, a `\r\n` delimiter counting once but a `\r\n` inside a field twice.
// - A quote opens a quoted field only at the start of an empty field, anywhere else it is an error;
//   inside quotes `""` is a quote; a closing quote must be followed by the delimiter, the record
//   delimiter, the end of the text or a NUL character (the field then goes on unquoted).
// - A line with nothing on it is skipped (a line holding `""` is a record of one empty field); the
//   first record names the columns; a record's cells beyond the header are dropped, missing ones
//   are absent.

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** csv-parse's error (same code and message): the import reports the message. */
export class CsvError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export type CsvRecord = { record: Record<string, string>; line: number };

/**
 * A string of its own: a slice of a long string keeps the whole string alive, and a file's values
 * (its ids, kept for the whole import) must not keep its pieces in memory. Short slices are copies.
 */
function own(value: string): string {
  return value.length < 13 ? value : (' ' + value).slice(1);
}

function unescape(content: string, escaped: boolean): string {
  return escaped ? content.replaceAll('""', '"') : content;
}

export class CsvReader {
  private readonly delimiter: number;
  /** The text kept for the next piece: a character not yet decided on (a `\r`, a quote). */
  private pending = '';
  /** 0: not known yet, 1: `\n`, 2: `\r`, 3: `\r\n`. */
  private recordDelimiter = 0;
  private quoted = false;
  /** The current field, read from earlier pieces. */
  private field = '';
  private wasQuoting = false;
  private fields: string[] = [];
  private columns: string[] | null = null;
  /** A record with every column, copied for a record that has them all (cheaper than adding them one by one). */
  private template: Record<string, string> | null = null;
  /** csv-parse's line at the start of the current text, and whether the last character given was a line break. */
  private line = 1;
  private lastBreak = false;
  /** Where the text is kept from when a character waits for the next piece; whether the end of the file is read. */
  private waitFrom = 0;
  private done = false;
  // The line breaks of the current text, counted lazily up to a position.
  private text = '';
  private nextLf = 0;
  private nextCr = 0;
  private breaks = 0;

  constructor(delimiter: string) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /**
   * Reads a piece of text (`last`: the end of the file), pushing the records it completes to `out`.
   * Throws csv-parse's error where csv-parse would; the records before it are in `out`.
   */
  read(piece: string, last: boolean, out: CsvRecord[]): void {
    const text = this.pending ? this.pending + piece : piece;
    if (piece.length) {
      const end = piece.charCodeAt(piece.length - 1);
      this.lastBreak = end === CR || end === LF;
    }
    this.text = text;
    this.breaks = 0;
    this.nextLf = this.find('\n', 0);
    this.nextCr = this.find('\r', 0);
    let at = 0;
    try {
      while (at < text.length || (last && !this.done)) {
        if (this.quoted) at = this.readQuoted(at, last);
        else if (at < text.length && this.field.length === 0 && text.charCodeAt(at) === QUOTE) {
          this.quoted = true;
          at++;
          continue;
        }
        if (this.quoted) break;
        at = this.readUnquoted(at, last, out);
        if (at < 0) break;
      }
    } finally {
      if (at < 0) at = this.waitFrom;
      this.line = this.lineAt(at);
      this.pending = text.slice(at);
      this.text = '';
    }
  }

  /** A quoted field from `at` (after its opening quote): the position after its closing quote, or after the text read if it goes on. */
  private readQuoted(at: number, last: boolean): number {
    const text = this.text;
    const length = text.length;
    let from = at;
    let escaped = false;
    for (;;) {
      const quote = text.indexOf('"', from);
      if (quote === -1) {
        if (last) throw this.quoteNotClosed(length);
        this.field += unescape(text.slice(at, length), escaped);
        return length;
      }
      if (!last && quote + 2 >= length) {
        // Two characters after a quote decide it (`""`, or a `\r\n` after a closing quote): wait for them.
        this.field += unescape(text.slice(at, quote), escaped);
        return quote;
      }
      const next = text.charCodeAt(quote + 1);
      if (next === QUOTE) {
        escaped = true;
        from = quote + 2;
        continue;
      }
      if (quote + 1 === length || next === this.delimiter || next === 0 || ((next === CR || next === LF) && this.recordDelimiterAt(quote + 1, last) > 0)) {
        this.field += unescape(text.slice(at, quote), escaped);
        this.quoted = false;
        this.wasQuoting = true;
        return quote + 1;
      }
      throw this.invalidClosingQuote(quote);
    }
  }

  /**
   * The rest of a field from `at`, up to the delimiter or the record delimiter (a quote there is an
   * error): the position after them, or -1 when the text is read (from `waitFrom` on, it waits for the next piece).
   */
  private readUnquoted(at: number, last: boolean, out: CsvRecord[]): number {
    const text = this.text;
    const length = text.length;
    const delimiter = this.delimiter;
    let end = at;
    let breakLength = 0;
    for (; end < length; end++) {
      const c = text.charCodeAt(end);
      if (c === delimiter) break;
      if (c === CR || c === LF) {
        breakLength = this.recordDelimiterAt(end, last);
        if (breakLength !== 0) break;
      } else if (c === QUOTE) {
        throw this.invalidOpeningQuote(end, this.field + text.slice(at, end));
      }
    }
    const value = end > at ? this.field + text.slice(at, end) : this.field;
    if (breakLength < 0 || (end === length && !last)) {
      // A `\r` at the end of the text (is a `\n` next?), or the end of the piece.
      this.field = value;
      this.waitFrom = end;
      return -1;
    }
    const fields = this.fields;
    if (breakLength === 0 && end < length) {
      fields.push(own(value));
    } else {
      // The record delimiter, or the end of the file: an empty line is skipped.
      if (this.wasQuoting || fields.length !== 0 || value.length !== 0) {
        fields.push(own(value));
        this.record(fields, end < length ? this.lineAt(end) : this.lineAt(length) - (this.lastBreak ? 1 : 0), out);
        this.fields = [];
      }
      if (breakLength === 2) this.breaks--;
      if (end === length) this.done = true;
    }
    this.field = '';
    this.wasQuoting = false;
    return end === length ? length : end + (breakLength || 1);
  }

  private find(character: string, from: number): number {
    const index = this.text.indexOf(character, from);
    return index === -1 ? this.text.length : index;
  }

  /** csv-parse's info.lines at a position of the current text. */
  private lineAt(position: number): number {
    while (this.nextLf < position) {
      this.breaks++;
      this.nextLf = this.find('\n', this.nextLf + 1);
    }
    while (this.nextCr < position) {
      this.breaks++;
      this.nextCr = this.find('\r', this.nextCr + 1);
    }
    return this.line + this.breaks;
  }

  /** The length of the record delimiter at a `\r` or `\n` of the text outside quotes: 0 if none, -1 if the next piece tells. */
  private recordDelimiterAt(position: number, last: boolean): number {
    const text = this.text;
    const c = text.charCodeAt(position);
    switch (this.recordDelimiter) {
      case 1:
        return c === LF ? 1 : 0;
      case 2:
        return c === CR ? 1 : 0;
      case 3:
        if (c !== CR) return 0;
        if (position + 1 === text.length) return last ? 0 : -1;
        return text.charCodeAt(position + 1) === LF ? 2 : 0;
      default:
        if (c === LF) {
          this.recordDelimiter = 1;
          return 1;
        }
        if (position + 1 === text.length && !last) return -1;
        this.recordDelimiter = text.charCodeAt(position + 1) === LF ? 3 : 2;
        return this.recordDelimiter === 3 ? 2 : 1;
    }
  }

  private record(fields: string[], line: number, out: CsvRecord[]): void {
    const columns = this.columns;
    if (columns === null) {
      this.columns = fields;
      if (!fields.includes('__proto__')) this.template = Object.fromEntries(fields.map((name) => [name, '']));
      return;
    }
    const record: Record<string, string> = this.template !== null && fields.length >= columns.length ? { ...this.template } : {};
    const count = Math.min(fields.length, columns.length);
    for (let i = 0; i < count; i++) {
      const name = columns[i];
      // csv-parse defines the properties: a column named __proto__ is a property, not the prototype.
      if (name === '__proto__') Object.defineProperty(record, name, { value: fields[i], enumerable: true, writable: true, configurable: true });
      else record[name] = fields[i];
    }
    out.push({ record, line });
  }

  private invalidOpeningQuote(position: number, value: string): CsvError {
    const index = this.fields.length;
    const column = this.columns === null ? index : index < this.columns.length ? this.columns[index] : null;
    return new CsvError(
      'INVALID_OPENING_QUOTE',
      `Invalid Opening Quote: a quote is found on field ${JSON.stringify(column)} at line ${this.lineAt(position)}, value is ${JSON.stringify(value)}${value === '\uFEFF' ? ' (utf8 bom)' : ''}`,
    );
  }

  private invalidClosingQuote(position: number): CsvError {
    // csv-parse names the byte after the quote: the first of its character in UTF-8.
    const byte = Buffer.from(this.text.slice(position + 1, position + 3), 'utf8')[0];
    return new CsvError(
      'CSV_INVALID_CLOSING_QUOTE',
      `Invalid Closing Quote: got "${String.fromCharCode(byte)}" at line ${this.lineAt(position)} instead of delimiter, record delimiter, trimable character (if activated) or comment`,
    );
  }

  private quoteNotClosed(length: number): CsvError {
    return new CsvError(
      'CSV_QUOTE_NOT_CLOSED',
      `Quote Not Closed: the parsing is finished with an opening quote at line ${this.lineAt(length) - (this.lastBreak ? 1 : 0)}`,
    );
  }
}
