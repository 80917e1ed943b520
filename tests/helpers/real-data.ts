// The real open data of data/ as the tests read it, in one place: the shipped sources read by
// their importer's reader, and the commune reference loaded into the database. Files come through
// lib/data/files.ts (never from outside the repository).
import type { PrismaClient } from '@prisma/client';
import { importCommunes, parseCommunesCsv, type CommuneRecord } from '../../lib/coverage/communes';
import { readDataFile } from '../../lib/data/files';
import { readSource, streamSource } from '../../lib/import/readers';

/** Each shipped source's reader format and its file in data/. */
const SOURCE_FILES = { 'france-services': 'franceServices', 'maine-et-loire': 'maineEtLoire', angers: 'angers' } as const;
export type RealSource = keyof typeof SOURCE_FILES;

/** Every row of a shipped source, read at once. */
export function realRows(source: RealSource) {
  return readSource(source, readDataFile(SOURCE_FILES[source]));
}

/** The rows of a shipped source as a stream (what `npm run import` reads). */
export function realRowStream(source: RealSource) {
  return streamSource(source, readDataFile(SOURCE_FILES[source]));
}

/** The commune reference (data/reference/communes.csv.gz), parsed. */
export function realCommunes(): CommuneRecord[] {
  return parseCommunesCsv(readDataFile('communes'));
}

/** Loads the commune reference, or the communes `keep` keeps, into the database; how many. */
export function loadRealCommunes(db: Pick<PrismaClient, '$executeRaw'>, keep: (commune: CommuneRecord) => boolean = () => true) {
  return importCommunes(db, realCommunes().filter(keep));
}
