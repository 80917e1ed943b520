// Writes parsed rows, streamed: rows are read one by one and written in batches of 500 (two at a
// time), one transaction per batch (a batch is written whole or not at all), with set-based SQL — one statement
// for the new places with their weekly hours and revisions, one UPDATE … FROM for the changed ones (their weekly
// hours with them) and one INSERT for their revisions (batch.ts, statements.ts), sent through node-postgres (bulk.ts).
// Re-importing a source updates by sourceName + sourceId, so a second
// import of the same file changes nothing. New places are compared with the places already known
// from other sources (name similarity with pg_trgm, address, distance): the same place is
// completed instead of created (its values merged field by field, see provenance.ts, and the row
// linked to it so that re-imports find it again), a possible duplicate is created and flagged for a
// manual merge; two rows of the file describing one place are flagged the same way (in-file.ts).
// Rows without coordinates are placed at their commune's centre, marked approximate.
// Trust: an import run by a coordinator changes only places of the network it imports into, under
// a source name of that network (sources.ts); any other place it meets is left alone and reported
// with one neutral line, and drafts of other networks are never compared at all.
//
// runImport's phases: authorise (rights, source name), read (rows streamed, rejected or routed
// into batches), write (each batch in its transaction), then the in-file duplicates, the places
// missing from the source (--archive-missing) and the report.
import type { PrismaClient } from '@prisma/client';
import { canImport, canImportOver, isAdmin } from '../auth/permissions';
import { writeBatch, type RunContext } from './batch';
import { openBulkConnection, type BulkConnection } from './bulk';
import { flagInFileDuplicates, RowKeys } from './in-file';
import { addWarning, emptyReport, type ImportOptions, type ImportReport } from './report';
import { ImportRefusedError, SOURCE_REFUSALS, claimSource, sourceRefusal, sourcesInfo } from './sources';
import type { RowStream } from './readers';
import type { ParsedRow } from './types';

export { ImportRefusedError } from './sources';
export { scoreMatch } from './matching';
export { FOREIGN_PLACE, duplicatesCsv, rejectedCsv } from './report';
export type { DuplicateAction, DuplicateMatch, ImportOptions, ImportProgress, ImportReport } from './report';

export async function runImport(db: PrismaClient, input: ParsedRow[] | RowStream, options: ImportOptions): Promise<ImportReport> {
  const report = emptyReport(options);
  const run = await authorise(db, options);
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const bulk = openBulkConnection(db, concurrency);
  try {
    const { seen, rowKeys } = await readAndWrite(bulk, run, input, report, concurrency);
    // Two rows of the file describing one place: flagged like a place already known.
    // Through node-postgres like the batches: the pairs' JSON (megabytes at 100,000 rows) would grow the
    // memory of Prisma's WebAssembly query compiler by tens of megabytes, for good.
    if (options.detectDuplicates !== false && run.createdRows.size)
      await flagInFileDuplicates(bulk.sql, report, rowKeys, run.ownRows, run.createdRows, options);
    report.rejected.sort((a, b) => a.line - b.line);
    report.duplicates.sort((a, b) => a.line - b.line);
    if (options.archiveMissing) await archiveMissing(db, run, seen, report);
    return report;
  } finally {
    await bulk.end();
  }
}

/** Who may import what under this source name; the source claimed (not by a dry run). */
async function authorise(db: PrismaClient, options: ImportOptions): Promise<RunContext> {
  const network = options.networkSlug ? await db.network.findUnique({ where: { slug: options.networkSlug } }) : null;
  if (options.networkSlug && !network) throw new Error(`Réseau inconnu : « ${options.networkSlug} ».`);
  const networkId = network?.id ?? null;
  const importer = options.importer ?? null;
  if (importer && !canImport(importer, networkId)) throw new ImportRefusedError('droits', 'Vous ne pouvez importer que dans un de vos réseaux.');
  const refusal = await sourceRefusal(db, importer, options.sourceName, networkId);
  if (refusal) throw new ImportRefusedError(refusal, SOURCE_REFUSALS[refusal]);
  if (!options.dryRun) {
    await claimSource(db, options.sourceName, networkId, importer?.id ?? null);
    // Two first imports under one name at the same time: the one that lost the claim stops here.
    const lost = await sourceRefusal(db, importer, options.sourceName, networkId);
    if (lost) throw new ImportRefusedError(lost, SOURCE_REFUSALS[lost]);
  }
  const { owners, order } = await sourcesInfo(db);
  if (!owners.has(options.sourceName)) owners.set(options.sourceName, networkId); // a dry run under a new name
  return {
    options,
    author: options.author ?? `Import ${options.sourceName}`,
    networkId,
    admin: !importer || isAdmin(importer),
    order,
    mayChange: (place) =>
      !importer ||
      canImportOver(importer, networkId, {
        networkIds: place.networks.map((n) => n.networkId),
        sourceOwner: place.sourceName === null ? undefined : (owners.get(place.sourceName) ?? null),
      }),
    runSlugs: new Set(),
    ownRows: new Set(),
    createdRows: new Set(),
    facetSets: new Map(),
  };
}

/** Rows parsed between two turns of the event loop (about a millisecond of parsing). */
const YIELD_EVERY = 20;

/**
 * The rows, read one by one: rejected (unreadable, or an id seen before in the file) or added to
 * the current batch; while PostgreSQL writes batches (two at a time by default, each in its own
 * transaction), the next one is read and parsed.
 */
async function readAndWrite(bulk: BulkConnection, run: RunContext, input: ParsedRow[] | RowStream, report: ImportReport, concurrency: number) {
  const { options } = run;
  const rows = Array.isArray(input) ? input : input.rows;
  const fraction = Array.isArray(input) ? () => (input.length ? report.total / input.length : 1) : input.progress;
  const batchSize = options.batchSize ?? 500;
  const seen = new Set<string>();
  const rowKeys = new RowKeys(!!options.dryRun);
  const writing = new Set<Promise<void>>();
  const launch = async (batch: ParsedRow[]) => {
    while (writing.size >= concurrency) await Promise.race(writing);
    const done: Promise<void> = writeInTransaction(bulk, run, batch, report)
      .then(() => options.onProgress?.({ done: report.total, fraction: fraction() }))
      .finally(() => writing.delete(done));
    writing.add(done);
  };
  let batch: ParsedRow[] = [];
  let sinceYield = 0;
  for await (const row of rows) {
    // A file in memory is parsed in long synchronous stretches (its rows come through promises,
    // never through I/O): every few rows, the batches being written read PostgreSQL's answers and
    // send their next statement, instead of leaving the database idle until a batch is parsed.
    if (++sinceYield === YIELD_EVERY) {
      sinceYield = 0;
      await new Promise((resolve) => setImmediate(resolve));
    }
    report.total++;
    for (const warning of row.warnings) addWarning(report, { line: row.line, name: row.name, warning });
    if (!row.place) {
      report.rejected.push({ line: row.line, sourceId: row.sourceId, name: row.name, reason: row.errors.join(' ; ') || 'ligne illisible' });
    } else if (seen.has(row.place.sourceId)) {
      report.rejected.push({ line: row.line, sourceId: row.sourceId, name: row.name, reason: `identifiant en double dans le fichier (${row.place.sourceId})` });
    } else {
      seen.add(row.place.sourceId);
      if (options.detectDuplicates !== false) rowKeys.add(row.line, row.place.sourceId, row.place.fields);
      batch.push(row);
      if (batch.length >= batchSize) {
        await launch(batch);
        batch = [];
      }
    }
  }
  if (batch.length) await launch(batch);
  await Promise.all(writing);
  return { seen, rowKeys };
}

/** One batch in its transaction: its outcome added to the report, or every row rejected when it rolled back. */
async function writeInTransaction(bulk: BulkConnection, run: RunContext, batch: ParsedRow[], report: ImportReport) {
  try {
    const outcome = await bulk.transaction((sql) => writeBatch(sql, run, batch));
    report.created += outcome.counts.created;
    report.updated += outcome.counts.updated;
    report.unchanged += outcome.counts.unchanged;
    report.foreign += outcome.counts.foreign;
    for (const [lists, id] of outcome.facetSets) run.facetSets.set(lists, id);
    report.duplicates.push(...outcome.duplicates);
    report.rejected.push(...outcome.rejected);
    for (const w of outcome.warnings) addWarning(report, w);
  } catch (error) {
    // The batch's transaction rolled back: nothing of it was written.
    for (const row of batch) {
      run.ownRows.delete(row.place!.sourceId);
      run.createdRows.delete(row.place!.sourceId);
    }
    report.failedBatches.push({
      fromLine: batch[0].line,
      toLine: batch[batch.length - 1].line,
      reason: (error as Error).message.split('\n').pop() ?? 'erreur',
    });
    for (const row of batch)
      report.rejected.push({ line: row.line, sourceId: row.sourceId, name: row.name, reason: 'lot non écrit (erreur de base de données), réessayez l’import' });
  }
}

/** This source's places missing from the file, archived (only those of the network a coordinator imports into). */
async function archiveMissing(db: PrismaClient, run: RunContext, seen: Set<string>, report: ImportReport) {
  const { options } = run;
  const gone = await db.$queryRawUnsafe<Array<{ id: string; status: string; version: number }>>(
    `SELECT p.id::text AS id, upper(p.status::text) AS status, p.version FROM "Place" p
     WHERE p."sourceName" = $1 AND p.status <> 'archived'
       AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text($2::jsonb) AS s(id) WHERE s.id = p."sourceId")
       AND ($3::boolean OR EXISTS (SELECT 1 FROM "NetworkMembership" m WHERE m."placeId" = p.id AND m."networkId" = $4::uuid))`,
    options.sourceName,
    JSON.stringify([...seen]),
    run.admin,
    run.networkId,
  );
  report.archived = gone.length;
  if (options.dryRun || !gone.length) return;
  await db.$transaction([
    db.place.updateMany({ where: { id: { in: gone.map((p) => p.id) } }, data: { status: 'ARCHIVED', archivedAt: new Date(), version: { increment: 1 } } }),
    db.placeRevision.createMany({
      data: gone.map((p) => ({
        placeId: p.id,
        kind: 'STATUS' as const,
        authorLabel: run.author,
        changes: { status: { before: p.status, after: 'ARCHIVED' } },
        baseVersion: p.version,
        reason: `Absent de la source ${options.sourceName}`,
      })),
    }),
  ]);
}
