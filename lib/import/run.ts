// Writes parsed rows, streamed: rows are read one by one and written in batches of 500 (two at a
// time), one transaction per batch (a batch is written whole or not at all), with set-based SQL — one multi-row INSERT
// for the new places, one UPDATE … FROM for the changed ones, one INSERT for their revisions and
// one for their opening slots. Re-importing a source updates by sourceName + sourceId, so a second
// import of the same file changes nothing. New places are compared with the places already known
// from other sources (name similarity with pg_trgm, address, distance): the same place is
// completed instead of created, a possible duplicate is created and flagged for a manual merge.
import type { PrismaClient } from '@prisma/client';
import { Prisma } from '@prisma/client';
import { slugify } from '../geo/fold';
import { closedOnHolidays, weeklySlots } from '../hours';
import { STANDARD_LISTS, type StandardListName } from '../standard/enums';
import { mergedLosers } from './merge';
import { simpleWeeklySlots } from './simple-hours';
import type { RowStream } from './readers';
import type { ImportedFields, ParsedRow } from './types';

export type ImportProgress = { done: number; fraction: number };

export type ImportOptions = {
  sourceName: string;
  networkSlug?: string | null;
  dryRun?: boolean;
  archiveMissing?: boolean;
  batchSize?: number;
  /** Batches written at the same time, each in its own transaction (default 2). */
  concurrency?: number;
  author?: string;
  /** Compare new places with the places of other sources (default true). */
  detectDuplicates?: boolean;
  onProgress?: (progress: ImportProgress) => void | Promise<void>;
};

export type DuplicateAction = 'update' | 'merge' | 'create';

/** A place of the file that resembles a place already known from another source. */
export type DuplicateMatch = {
  line: number;
  sourceId: string;
  name: string;
  action: DuplicateAction;
  placeId: string;
  placeName: string;
  placeSlug: string;
  score: number;
  nameSimilarity: number;
  distance: number | null;
  sameAddress: boolean;
};

export type ImportReport = {
  sourceName: string;
  dryRun: boolean;
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  archived: number;
  rejected: Array<{ line: number; sourceId: string | null; name: string | null; reason: string }>;
  warnings: Array<{ line: number; name: string | null; warning: string }>;
  /** Warnings beyond the first MAX_WARNINGS are counted, not kept. */
  warningCount: number;
  duplicates: DuplicateMatch[];
  failedBatches: Array<{ fromLine: number; toLine: number; reason: string }>;
};

const MAX_WARNINGS = 5000;

const COMPARED = [
  'pivot', 'name', 'street', 'addressComplement', 'postcode', 'commune', 'inseeCode', 'latitude', 'longitude', 'timeZone', 'phone', 'openingHours',
  'summary', 'presentation', 'source', 'parentStructure', 'accesLibreUrl', 'appointmentUrl', 'typologies', 'emails', 'websites', 'itinerance',
  'services', 'publics', 'specificSupport', 'fees', 'programmes', 'labels', 'otherLabels', 'accessModes', 'supportModes', 'dateMaj',
] as const satisfies ReadonlyArray<keyof ImportedFields>;

/** The enum list of each enum-array field: the database stores the standard's labels. */
const ENUM_FIELDS: Partial<Record<keyof ImportedFields, StandardListName>> = {
  typologies: 'Typologie', itinerance: 'Itinerance', services: 'Service', publics: 'PublicSpecifiquementAdresse', specificSupport: 'PriseEnChargeSpecifique',
  fees: 'FraisACharge', programmes: 'DispositifProgrammeNational', labels: 'FormationLabel', accessModes: 'ModaliteAcces', supportModes: 'ModaliteAccompagnement',
};
const TEXT_ARRAYS = new Set<keyof ImportedFields>(['emails', 'websites', 'otherLabels']);
const FLOATS = new Set<keyof ImportedFields>(['latitude', 'longitude']);

const quote = (column: string) => `"${column}"`;
const columnType = (field: keyof ImportedFields) => (ENUM_FIELDS[field] || TEXT_ARRAYS.has(field) ? 'text[]' : FLOATS.has(field) ? 'float8' : field === 'dateMaj' ? 'date' : 'text');
const columnValue = (field: keyof ImportedFields) => (ENUM_FIELDS[field] ? `r.${quote(field)}::${quote(ENUM_FIELDS[field]!)}[]` : `r.${quote(field)}`);
const FIELD_DEFS = COMPARED.map((f) => `${quote(f)} ${columnType(f)}`).join(', ');

const INSERT_SQL = `
  INSERT INTO "Place" (id, slug, status, "sourceName", "sourceId", ${COMPARED.map(quote).join(', ')}, "closedOnHolidays", "archivedAt", "updatedAt")
  SELECT gen_random_uuid(), r.slug, r.status::"PlaceStatus", $2, r."sourceId", ${COMPARED.map(columnValue).join(', ')}, r."closedOnHolidays",
         CASE WHEN r.status = 'archived' THEN now() END, now()
  FROM jsonb_to_recordset($1::jsonb) AS r(slug text, status text, "sourceId" text, ${FIELD_DEFS}, "closedOnHolidays" boolean)
  ON CONFLICT ("sourceName", "sourceId") DO NOTHING
  RETURNING id::text AS id, "sourceId" AS "sourceId"`;

const UPDATE_SQL = `
  UPDATE "Place" p SET ${COMPARED.map((f) => `${quote(f)} = ${columnValue(f)}`).join(', ')},
    "closedOnHolidays" = r."closedOnHolidays",
    status = CASE WHEN r.status IS NULL THEN p.status ELSE r.status::"PlaceStatus" END,
    "archivedAt" = CASE WHEN r.status IS NULL THEN p."archivedAt" WHEN r.status = 'archived' THEN now() ELSE NULL END,
    version = p.version + 1, "updatedAt" = now()
  FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, status text, ${FIELD_DEFS}, "closedOnHolidays" boolean)
  WHERE p.id = r.id`;

const REVISIONS_SQL = `
  INSERT INTO "PlaceRevision" (id, "placeId", kind, "authorLabel", changes, reason, "baseVersion")
  SELECT gen_random_uuid(), r."placeId", r.kind::"RevisionKind", $2, r.changes, r.reason, r."baseVersion"
  FROM jsonb_to_recordset($1::jsonb) AS r("placeId" uuid, kind text, changes jsonb, reason text, "baseVersion" int)`;

const SLOTS_SQL = `
  INSERT INTO "PlaceOpeningSlot" ("placeId", weekday, "startMinute", "endMinute")
  SELECT r.p, r.w, r.s, r.e FROM jsonb_to_recordset($1::jsonb) AS r(p uuid, w int, s int, e int)`;

// Places of other sources that may be the same: in the same postcode (index lookups per row),
// with a similar name or within 300 m; the three best by name similarity.
const CANDIDATES_SQL = `
  SELECT r.i, m.id::text AS id, m.name, m.slug, m.sim, m.dist, m.same_address
  FROM jsonb_to_recordset($1::jsonb) AS r(i int, name text, street text, postcode text, lat float8, lng float8)
  CROSS JOIN LATERAL (
    SELECT * FROM (
      SELECT p.id, p.name, p.slug,
        similarity(public.reperes_fold(p.name), public.reperes_fold(r.name))::float8 AS sim,
        CASE WHEN r.lat IS NOT NULL AND p.latitude IS NOT NULL
          THEN public.earth_distance(public.reperes_earth(r.lat, r.lng), public.reperes_earth(p.latitude, p.longitude)) END AS dist,
        similarity(public.reperes_fold(p.street), public.reperes_fold(r.street)) >= 0.6 AS same_address
      FROM "Place" p
      -- "sourceName" IS DISTINCT FROM $2, written as three ranges of the (postcode, sourceName) index:
      -- the places of the source being imported are never read, however many share a postcode.
      WHERE p.postcode = r.postcode AND (p."sourceName" < $2 OR p."sourceName" > $2 OR p."sourceName" IS NULL) AND p.status <> 'archived'
        -- a fictional demonstration place is never the same place as a real one
        AND NOT p.demo
    ) c
    WHERE c.sim >= 0.3 OR c.dist <= 300 OR c.same_address
    ORDER BY c.sim DESC
    LIMIT 3
  ) m`;

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-7;
  if (Array.isArray(a) || Array.isArray(b)) return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
  return (a ?? null) === (b ?? null);
}

function jsonable(value: unknown) {
  return value instanceof Date ? value.toISOString().slice(0, 10) : (value ?? null);
}

/** A place's fields as the JSON the SQL above reads: enum keys become the standard's labels. */
function record(fields: ImportedFields): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of COMPARED) {
    const value = fields[field];
    const list = ENUM_FIELDS[field];
    if (list) out[field] = (value as string[]).map((key) => (STANDARD_LISTS[list] as Record<string, string>)[key]);
    else out[field] = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  }
  out.closedOnHolidays = closedOnHolidays(fields.openingHours);
  return out;
}

function slotRecords(placeId: string, openingHours: string | null) {
  if (!openingHours) return [];
  return (simpleWeeklySlots(openingHours) ?? weeklySlots(openingHours) ?? []).map((slot) => ({ p: placeId, w: slot.weekday, s: slot.startMinute, e: slot.endMinute }));
}

/** How much a candidate looks like the row, and what to do about it. */
export function scoreMatch(match: { sim: number; dist: number | null; sameAddress: boolean }): { score: number; action: DuplicateAction } {
  const proximity = match.dist === null ? (match.sameAddress ? 0.8 : 0) : match.dist <= 50 ? 1 : match.dist <= 150 ? 0.7 : match.dist <= 300 ? 0.4 : 0;
  const score = Math.min(1, 0.6 * match.sim + 0.25 * proximity + 0.15 * (match.sameAddress ? 1 : 0));
  const near = match.dist === null ? match.sameAddress : match.dist <= 200;
  const action: DuplicateAction =
    (match.sim >= 0.85 && near) || (match.sim >= 0.75 && score >= 0.85)
      ? 'update'
      : (score >= 0.55 && match.sim >= 0.4) || (match.sameAddress && near && match.sim >= 0.25) || (match.dist !== null && match.dist <= 25 && match.sim >= 0.35)
        ? 'merge'
        : 'create';
  return { score: Math.round(score * 100) / 100, action };
}

/** Fields an `update` match may fill on the existing place: only those it lacks. */
const FILLABLE = [
  'pivot', 'addressComplement', 'inseeCode', 'phone', 'openingHours', 'summary', 'presentation', 'accesLibreUrl', 'appointmentUrl',
  'typologies', 'emails', 'websites', 'itinerance', 'services', 'publics', 'specificSupport', 'fees', 'programmes', 'labels', 'accessModes', 'supportModes',
] as const satisfies ReadonlyArray<keyof ImportedFields>;
const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

type Tx = Prisma.TransactionClient;
type Counts = { created: number; updated: number; unchanged: number };

export async function runImport(db: PrismaClient, input: ParsedRow[] | RowStream, options: ImportOptions): Promise<ImportReport> {
  const report: ImportReport = {
    sourceName: options.sourceName, dryRun: !!options.dryRun, total: 0, created: 0, updated: 0, unchanged: 0, archived: 0,
    rejected: [], warnings: [], warningCount: 0, duplicates: [], failedBatches: [],
  };
  const author = options.author ?? `Import ${options.sourceName}`;
  const network = options.networkSlug ? await db.network.findUnique({ where: { slug: options.networkSlug } }) : null;
  if (options.networkSlug && !network) throw new Error(`Réseau inconnu : « ${options.networkSlug} ».`);
  const rows = Array.isArray(input) ? input : input.rows;
  const fraction = Array.isArray(input) ? () => (input.length ? report.total / input.length : 1) : input.progress;
  const batchSize = options.batchSize ?? 500;
  const concurrency = Math.max(1, options.concurrency ?? 2);
  /** Slugs given by this run (batches written at the same time do not see each other's rows). */
  const runSlugs = new Set<string>();
  const seen = new Set<string>();

  const writeBatch = async (tx: Tx, batch: ParsedRow[], counts: Counts, duplicates: DuplicateMatch[]) => {
    // A batch is atomic either way; not waiting for its WAL flush lets the next one start sooner
    // (a crash could lose the last batches, which a re-import writes again).
    if (!options.dryRun) await tx.$executeRawUnsafe('SET LOCAL synchronous_commit = off');
    const existing = await tx.place.findMany({
      where: { sourceName: options.sourceName, sourceId: { in: batch.map((r) => r.place!.sourceId) } },
      select: { id: true, version: true, status: true, sourceId: true, ...Object.fromEntries(COMPARED.map((f) => [f, true])) },
    });
    const bySource = new Map(existing.map((p) => [p.sourceId!, p as unknown as Record<string, unknown> & { id: string; version: number; status: string }]));
    const fresh = batch.filter((r) => !bySource.has(r.place!.sourceId));
    // Places of this source an admin merged into another: they stay merged (and archived).
    const merged = await mergedLosers(tx, existing.filter((p) => p.status === 'ARCHIVED').map((p) => p.id));

    // Places already known from another source.
    const matchOf = new Map<ParsedRow, DuplicateMatch>();
    if (fresh.length && options.detectDuplicates !== false) {
      const probe = fresh.map((r, i) => ({ i, name: r.place!.fields.name, street: r.place!.fields.street, postcode: r.place!.fields.postcode, lat: r.place!.fields.latitude, lng: r.place!.fields.longitude }));
      const candidates = await tx.$queryRawUnsafe<Array<{ i: number; id: string; name: string; slug: string; sim: number; dist: number | null; same_address: boolean }>>(CANDIDATES_SQL, JSON.stringify(probe), options.sourceName);
      for (const c of candidates) {
        const row = fresh[c.i];
        const { score, action } = scoreMatch({ sim: c.sim, dist: c.dist, sameAddress: c.same_address });
        if (score < 0.45) continue;
        const best = matchOf.get(row);
        if (best && best.score >= score) continue;
        matchOf.set(row, {
          line: row.line, sourceId: row.place!.sourceId, name: row.place!.fields.name, action, placeId: c.id, placeName: c.name, placeSlug: c.slug,
          score, nameSimilarity: Math.round(c.sim * 100) / 100, distance: c.dist === null ? null : Math.round(c.dist), sameAddress: c.same_address,
        });
      }
      duplicates.push(...matchOf.values());
    }

    // The same place from another source: fill what it lacks, never overwrite.
    const fills = fresh.filter((r) => matchOf.get(r)?.action === 'update');
    const fillTargets = fills.length
      ? new Map((await tx.place.findMany({ where: { id: { in: fills.map((r) => matchOf.get(r)!.placeId) } } })).map((p) => [p.id, p as unknown as Record<string, unknown> & { id: string; version: number }]))
      : new Map<string, Record<string, unknown> & { id: string; version: number }>();
    const revisions: Array<{ placeId: string; kind: string; changes: unknown; reason: string; baseVersion: number | null }> = [];
    // The places of this import (created, updated or completed) join its network.
    const members: string[] = [];
    for (const row of fills) {
      const target = fillTargets.get(matchOf.get(row)!.placeId);
      if (!target) continue;
      members.push(target.id);
      const data: Record<string, unknown> = {};
      const changes: Record<string, { before: unknown; after: unknown }> = {};
      for (const field of FILLABLE) {
        const after = row.place!.fields[field];
        if (isEmpty(target[field]) && !isEmpty(after)) {
          data[field] = after;
          changes[field] = { before: jsonable(target[field]), after: jsonable(after) };
        }
      }
      if (Object.keys(data).length === 0) {
        counts.unchanged++;
        continue;
      }
      counts.updated++;
      if (options.dryRun) continue;
      Object.assign(target, data); // two rows completing the same place: the second sees the first
      await tx.place.update({ where: { id: target.id }, data: { ...data, version: { increment: 1 } } });
      revisions.push({ placeId: target.id, kind: 'import', changes, reason: `Complété par l’import ${options.sourceName} (ligne ${row.line}, même lieu)`, baseVersion: target.version });
      if (data.openingHours !== undefined) {
        await tx.placeOpeningSlot.deleteMany({ where: { placeId: target.id, stopId: null } });
        await tx.$executeRawUnsafe(SLOTS_SQL, JSON.stringify(slotRecords(target.id, data.openingHours as string)));
        await tx.place.update({ where: { id: target.id }, data: { closedOnHolidays: closedOnHolidays(data.openingHours as string) } });
      }
    }

    // Changes to the places of this source.
    const updates: Array<Record<string, unknown>> = [];
    const slotRebuilds: string[] = [];
    const slots: Array<{ p: string; w: number; s: number; e: number }> = [];
    for (const row of batch) {
      const current = bySource.get(row.place!.sourceId);
      if (!current) continue;
      if (merged.has(current.id)) {
        counts.unchanged++;
        continue;
      }
      members.push(current.id);
      const { fields, active } = row.place!;
      const status = active ? 'PUBLISHED' : 'ARCHIVED';
      const changes: Record<string, { before: unknown; after: unknown }> = {};
      for (const key of COMPARED) {
        if (!same(current[key], fields[key])) changes[key] = { before: jsonable(current[key]), after: jsonable(fields[key]) };
      }
      const statusChanges = current.status !== status && current.status !== 'DRAFT';
      if (statusChanges) changes.status = { before: current.status, after: status };
      if (Object.keys(changes).length === 0) {
        counts.unchanged++;
        continue;
      }
      counts.updated++;
      updates.push({ ...record(fields), id: current.id, status: statusChanges ? status.toLowerCase() : null });
      revisions.push({ placeId: current.id, kind: 'import', changes, reason: `Mise à jour par l’import ${options.sourceName} (ligne ${row.line})`, baseVersion: current.version });
      if (changes.openingHours) {
        slotRebuilds.push(current.id);
        slots.push(...slotRecords(current.id, fields.openingHours));
      }
    }

    // New places: one INSERT for the batch.
    const creations = fresh.filter((r) => matchOf.get(r)?.action !== 'update');
    counts.created += creations.length;
    if (options.dryRun) return;
    if (updates.length) await tx.$executeRawUnsafe(UPDATE_SQL, JSON.stringify(updates));
    if (creations.length) {
      const slugs = await takenSlugs(tx, creations.map((r) => baseSlug(r.place!.fields)), runSlugs);
      // No await from here to the INSERT's start: a batch written at the same time sees these slugs in runSlugs.
      const payload = creations.map((row) => {
        const base = baseSlug(row.place!.fields);
        let slug = base;
        for (let n = 2; slugs.has(slug) || runSlugs.has(slug); n++) slug = `${base}-${n}`;
        runSlugs.add(slug);
        return { ...record(row.place!.fields), slug, status: row.place!.active ? 'published' : 'archived', sourceId: row.place!.sourceId };
      });
      const created = await tx.$queryRawUnsafe<Array<{ id: string; sourceId: string }>>(INSERT_SQL, JSON.stringify(payload), options.sourceName);
      if (created.length !== creations.length) throw new Error('des lieux de ce lot ont été créés en même temps par un autre import');
      const bySourceId = new Map(creations.map((r) => [r.place!.sourceId, r]));
      const flags: Array<{ placeId: string; otherId: string; score: number; details: unknown }> = [];
      for (const place of created) {
        const row = bySourceId.get(place.sourceId)!;
        members.push(place.id);
        revisions.push({ placeId: place.id, kind: 'import', changes: {}, reason: `Création par l’import ${options.sourceName} (ligne ${row.line})`, baseVersion: null });
        slots.push(...slotRecords(place.id, row.place!.fields.openingHours));
        const match = matchOf.get(row);
        if (match?.action === 'merge') flags.push({ placeId: place.id, otherId: match.placeId, score: match.score, details: { nameSimilarity: match.nameSimilarity, distance: match.distance, sameAddress: match.sameAddress, line: row.line } });
      }
      if (flags.length) {
        await tx.$executeRawUnsafe(
          `INSERT INTO "PlaceDuplicate" (id, "placeId", "otherId", score, details, "sourceName")
           SELECT gen_random_uuid(), r."placeId", r."otherId", r.score, r.details, $2 FROM jsonb_to_recordset($1::jsonb) AS r("placeId" uuid, "otherId" uuid, score float8, details jsonb)
           ON CONFLICT ("placeId", "otherId") DO NOTHING`,
          JSON.stringify(flags),
          options.sourceName,
        );
      }
    }
    if (revisions.length) await tx.$executeRawUnsafe(REVISIONS_SQL, JSON.stringify(revisions), author);
    if (slotRebuilds.length) await tx.$executeRawUnsafe(`DELETE FROM "PlaceOpeningSlot" WHERE "stopId" IS NULL AND "placeId" = ANY(ARRAY(SELECT jsonb_array_elements_text($1::jsonb)::uuid))`, JSON.stringify(slotRebuilds));
    for (let i = 0; i < slots.length; i += 20_000) await tx.$executeRawUnsafe(SLOTS_SQL, JSON.stringify(slots.slice(i, i + 20_000)));
    if (network && members.length) {
      await tx.$executeRawUnsafe(
        `INSERT INTO "NetworkMembership" ("placeId", "networkId") SELECT value::uuid, $2::uuid FROM jsonb_array_elements_text($1::jsonb) ON CONFLICT DO NOTHING`,
        JSON.stringify(members),
        network.id,
      );
    }
  };

  const flush = async (batch: ParsedRow[]) => {
    if (batch.length === 0) return;
    const counts: Counts = { created: 0, updated: 0, unchanged: 0 };
    const duplicates: DuplicateMatch[] = [];
    try {
      await db.$transaction((tx) => writeBatch(tx, batch, counts, duplicates), { timeout: 300_000, maxWait: 30_000 });
      report.created += counts.created;
      report.updated += counts.updated;
      report.unchanged += counts.unchanged;
      report.duplicates.push(...duplicates);
    } catch (error) {
      // The batch's transaction rolled back: nothing of it was written.
      report.failedBatches.push({ fromLine: batch[0].line, toLine: batch[batch.length - 1].line, reason: (error as Error).message.split('\n').pop() ?? 'erreur' });
      for (const row of batch) report.rejected.push({ line: row.line, sourceId: row.sourceId, name: row.name, reason: 'lot non écrit (erreur de base de données), réessayez l’import' });
    }
    await options.onProgress?.({ done: report.total, fraction: fraction() });
  };

  // While PostgreSQL writes batches (two at a time by default, each in its own transaction), the
  // next one is read and parsed.
  let batch: ParsedRow[] = [];
  const writing = new Set<Promise<void>>();
  const launch = async (rows: ParsedRow[]) => {
    while (writing.size >= concurrency) await Promise.race(writing);
    const done: Promise<void> = flush(rows).finally(() => writing.delete(done));
    writing.add(done);
  };
  for await (const row of rows) {
    report.total++;
    for (const warning of row.warnings) {
      if (report.warningCount++ < MAX_WARNINGS) report.warnings.push({ line: row.line, name: row.name, warning });
    }
    if (!row.place) {
      report.rejected.push({ line: row.line, sourceId: row.sourceId, name: row.name, reason: row.errors.join(' ; ') || 'ligne illisible' });
    } else if (seen.has(row.place.sourceId)) {
      report.rejected.push({ line: row.line, sourceId: row.sourceId, name: row.name, reason: `identifiant en double dans le fichier (${row.place.sourceId})` });
    } else {
      seen.add(row.place.sourceId);
      batch.push(row);
      if (batch.length >= batchSize) {
        await launch(batch);
        batch = [];
      }
    }
  }
  if (batch.length) await launch(batch);
  await Promise.all(writing);
  report.rejected.sort((a, b) => a.line - b.line);
  report.duplicates.sort((a, b) => a.line - b.line);

  if (options.archiveMissing) {
    const gone = await db.$queryRawUnsafe<Array<{ id: string; status: string; version: number }>>(
      `SELECT p.id::text AS id, upper(p.status::text) AS status, p.version FROM "Place" p
       WHERE p."sourceName" = $1 AND p.status <> 'archived'
         AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text($2::jsonb) AS s(id) WHERE s.id = p."sourceId")`,
      options.sourceName,
      JSON.stringify([...seen]),
    );
    report.archived = gone.length;
    if (!options.dryRun && gone.length) {
      await db.$transaction([
        db.place.updateMany({ where: { id: { in: gone.map((p) => p.id) } }, data: { status: 'ARCHIVED', archivedAt: new Date(), version: { increment: 1 } } }),
        db.placeRevision.createMany({ data: gone.map((p) => ({ placeId: p.id, kind: 'STATUS' as const, authorLabel: author, changes: { status: { before: p.status, after: 'ARCHIVED' } }, baseVersion: p.version, reason: `Absent de la source ${options.sourceName}` })) }),
      ]);
    }
  }
  return report;
}

function baseSlug(fields: ImportedFields) {
  return slugify(`${fields.name} ${fields.commune}`).slice(0, 90) || 'lieu';
}

/** Slugs already taken among these bases and their numbered variants: exact lookups first, patterns only for the bases in use. */
async function takenSlugs(tx: Tx, bases: string[], runSlugs: Set<string>): Promise<Set<string>> {
  const unique = [...new Set(bases)];
  const exact = await tx.$queryRawUnsafe<Array<{ slug: string }>>(`SELECT slug FROM "Place" WHERE slug = ANY(ARRAY(SELECT jsonb_array_elements_text($1::jsonb)))`, JSON.stringify(unique));
  const taken = new Set(exact.map((r) => r.slug));
  const numbered = unique.filter((base) => taken.has(base) || runSlugs.has(base));
  if (numbered.length) {
    const patterns = numbered.map((base) => `${base.replace(/[\\%_]/g, (c) => `\\${c}`)}-%`);
    const variants = await tx.$queryRawUnsafe<Array<{ slug: string }>>(`SELECT slug FROM "Place" WHERE slug LIKE ANY(ARRAY(SELECT jsonb_array_elements_text($1::jsonb)))`, JSON.stringify(patterns));
    for (const r of variants) taken.add(r.slug);
  }
  return taken;
}

/** A CSV cell; text that a spreadsheet would run as a formula is neutralised. */
function cell(value: unknown): string {
  const text = String(value ?? '');
  return `"${(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text).replace(/"/g, '""')}"`;
}

/** The report's rejected rows as CSV (line, id, name, reason), for download. */
export function rejectedCsv(report: Pick<ImportReport, 'rejected'>): string {
  return ['ligne,identifiant,nom,motif', ...report.rejected.map((r) => [r.line, r.sourceId, r.name, r.reason].map(cell).join(','))].join('\r\n') + '\r\n';
}

/** The report's duplicate matches as CSV, for download. */
export function duplicatesCsv(report: Pick<ImportReport, 'duplicates'>): string {
  const action = { update: 'complété (même lieu)', merge: 'créé, à fusionner', create: 'créé' } as const;
  return ['ligne,identifiant,nom,action,lieu_existant,slug_existant,score,similarite_nom,distance_m,meme_adresse', ...report.duplicates.map((d) => [d.line, d.sourceId, d.name, action[d.action], d.placeName, d.placeSlug, d.score, d.nameSimilarity, d.distance, d.sameAddress ? 'oui' : 'non'].map(cell).join(','))].join('\r\n') + '\r\n';
}

