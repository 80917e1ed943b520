// Readers of the real sources: each turns a file into rows of places in the standard's terms, or
// rejections with a reason. Nothing here writes. One module per source format under formats/
// (the legacy v0.1 standard's tables apart); this file picks the reader and streams the rows.
import fs from 'node:fs';
import { csvRecords, decode, streamCsvRecords, type CsvInput, type CsvRecord } from './csv';
import { readAngers } from './formats/angers';
import { franceServicesRow } from './formats/france-services';
import { legacyStandardRow } from './formats/legacy-standard';
import { readMaineEtLoire } from './formats/maine-et-loire';
import { isLegacyStandard, standardRow } from './formats/standard';
import { genericRowReader, type ColumnMapping } from './generic';
import type { ParsedRow } from './types';

export { decode, detectDelimiter } from './csv';
export { emptyFields, finish, text } from './formats/common';
export { franceServicesRow } from './formats/france-services';
export { readMaineEtLoire } from './formats/maine-et-loire';
export { isLegacyStandard, keyOf, standardRow } from './formats/standard';
export { legacyStandardRow } from './formats/legacy-standard';
export { readAngers } from './formats/angers';

export const FORMATS = ['standard', 'france-services', 'maine-et-loire', 'angers', 'generic'] as const;
export type SourceFormat = (typeof FORMATS)[number];
export const FORMAT_LABELS: Record<SourceFormat, string> = {
  standard: 'Standard national (CSV v1.0 ou v0.1)',
  'france-services': 'Liste nationale France Services (CSV)',
  'maine-et-loire': 'Annuaire de Maine-et-Loire (JSON, Lambert-93)',
  angers: 'Guide de la Ville d’Angers (JSON)',
  generic: 'Autre CSV, avec une correspondance de colonnes',
};

export type ReadOptions = { mapping?: ColumnMapping | null; /** bytes decoded at a time when streaming (tests use tiny ones) */ chunkSize?: number };

function csvRowReader(format: string, columns: string[], options: ReadOptions): (record: CsvRecord) => ParsedRow {
  if (format === 'france-services') return franceServicesRow;
  if (format === 'generic') {
    if (!options.mapping) throw new Error('Le format « generic » demande une correspondance de colonnes (--mapping fichier.json).');
    return genericRowReader(options.mapping, columns);
  }
  return isLegacyStandard(columns) ? legacyStandardRow : standardRow;
}

function unknownFormat(format: string): never {
  throw new Error(`Format inconnu « ${format} » : ${FORMATS.join(', ')}.`);
}

const unreadable = (error: unknown): ParsedRow => ({
  line: 1,
  sourceId: null,
  name: null,
  place: null,
  errors: [`CSV illisible : ${(error as Error).message}`],
  warnings: [],
});

/** Every row of a source at once (small files, tests). */
export function readSource(format: string, bytes: Buffer, options: ReadOptions = {}): ParsedRow[] {
  if (format === 'maine-et-loire') return readMaineEtLoire(decode(bytes));
  if (format === 'angers') return readAngers(decode(bytes));
  if (!['standard', 'france-services', 'generic'].includes(format)) unknownFormat(format);
  if (format === 'generic' && !options.mapping) csvRowReader(format, [], options);
  let records: CsvRecord[];
  try {
    records = csvRecords(bytes, format === 'generic' ? (options.mapping?.delimiter ?? undefined) : undefined);
  } catch (error) {
    return [unreadable(error)];
  }
  if (records.length === 0) return [];
  const reader = csvRowReader(format, Object.keys(records[0].record), options);
  return records.map(reader);
}

export type RowStream = { rows: AsyncIterable<ParsedRow>; progress: () => number };

/**
 * The rows of a source one by one: CSV files are decoded and parsed in chunks, never whole (a file
 * given by its path is read from disk chunk by chunk, never held in memory).
 */
export function streamSource(format: string, input: CsvInput, options: ReadOptions = {}): RowStream {
  if (format === 'maine-et-loire' || format === 'angers') {
    const rows = readSource(format, Buffer.isBuffer(input) ? input : fs.readFileSync(input.path), options);
    let done = 0;
    return {
      rows: (async function* () {
        for (const row of rows) {
          done++;
          yield row;
        }
      })(),
      progress: () => (rows.length ? done / rows.length : 1),
    };
  }
  if (!['standard', 'france-services', 'generic'].includes(format)) unknownFormat(format);
  if (format === 'generic' && !options.mapping) csvRowReader(format, [], options);
  const csv = streamCsvRecords(input, format === 'generic' ? (options.mapping?.delimiter ?? undefined) : undefined, options.chunkSize);
  return {
    rows: (async function* () {
      let reader: ((record: CsvRecord) => ParsedRow) | null = null;
      try {
        for await (const record of csv.records) {
          reader ??= csvRowReader(format, Object.keys(record.record), options);
          yield reader(record);
        }
      } catch (error) {
        yield unreadable(error);
      }
    })(),
    progress: csv.progress,
  };
}
