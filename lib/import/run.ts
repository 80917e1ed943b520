// Writes parsed rows, streamed: rows are read one by one and written in batches of 500 (two at a
// time), one transaction per batch (a batch is written whole or not at all), with set-based SQL — one multi-row INSERT
// for the new places, one UPDATE … FROM for the changed ones, one INSERT for their revisions and
// one for their opening slots. Re-importing a source updates by sourceName + sourceId, so a second
// import of the same file changes nothing. New places are compared with the places already known
// from other sources (name similarity with pg_trgm, address, distance): the same place is
// completed instead of created (its values merged field by field, see provenance.ts, and the row
// linked to it so that re-imports find it again), a possible duplicate is created and flagged for a
// manual merge; two rows of the file describing one place are flagged the same way.
// Rows without coordinates are placed at their commune's centre, marked approximate.
// Trust: an import run by a coordinator changes only places of the network it imports into, under
// a source name of that network (sources.ts); any other place it meets is left alone and reported
// with one neutral line, and drafts of other networks are never compared at all.
import type { PrismaClient } from '@prisma/client';
import { Prisma } from '@prisma/client';
import { canImport, canImportOver, isAdmin, type SessionUser } from '../auth/permissions';
import { slugify } from '../geo/fold';
import { closedOnHolidays, weeklySlots } from '../hours';
import { STANDARD_LISTS, type StandardListName } from '../standard/enums';
import { mergedLosers } from './merge';
import { initialSources, mergeRow, type FieldSources } from './provenance';
import { simpleWeeklySlots } from './simple-hours';
import { ImportRefusedError, SOURCE_REFUSALS, claimSource, sourceRefusal, sourcesInfo } from './sources';
import type { RowStream } from './readers';
import type { ImportedFields, ParsedRow } from './types';

export { ImportRefusedError } from './sources';

/** The report's reason for a row that meets a place an importer may not change: nothing more is said about it. */
export const FOREIGN_PLACE = 'lieu d’un autre réseau : non modifié';

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
  /**
   * Who imports, from the back-office: a coordinator changes only places of the import's network,
   * under a source of that network. Without it (command line, first-start seed), the operator's
   * import has an administrator's rights.
   */
  importer?: SessionUser | null;
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
  /** For two rows of the same file: the line of the other row. */
  otherLine?: number;
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
  /** Rows left alone because they meet a place the importer may not change. */
  foreign: number;
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
  INSERT INTO "Place" (id, slug, status, "sourceName", "sourceId", ${COMPARED.map(quote).join(', ')}, "closedOnHolidays", "locationApproximate", "fieldSources", "archivedAt", "updatedAt")
  SELECT gen_random_uuid(), r.slug, r.status::"PlaceStatus", $2, r."sourceId", ${COMPARED.map(columnValue).join(', ')}, r."closedOnHolidays",
         coalesce(r."locationApproximate", false), r."fieldSources", CASE WHEN r.status = 'archived' THEN now() END, now()
  FROM jsonb_to_recordset($1::jsonb) AS r(slug text, status text, "sourceId" text, ${FIELD_DEFS}, "closedOnHolidays" boolean, "locationApproximate" boolean, "fieldSources" jsonb)
  ON CONFLICT ("sourceName", "sourceId") DO NOTHING
  RETURNING id::text AS id, "sourceId" AS "sourceId"`;

const UPDATE_SQL = `
  UPDATE "Place" p SET ${COMPARED.map((f) => `${quote(f)} = ${columnValue(f)}`).join(', ')},
    "closedOnHolidays" = r."closedOnHolidays", "locationApproximate" = coalesce(r."locationApproximate", false), "fieldSources" = r."fieldSources",
    status = CASE WHEN r.status IS NULL THEN p.status ELSE r.status::"PlaceStatus" END,
    "archivedAt" = CASE WHEN r.status IS NULL THEN p."archivedAt" WHEN r.status = 'archived' THEN now() ELSE NULL END,
    version = p.version + 1, "updatedAt" = now()
  FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, status text, ${FIELD_DEFS}, "closedOnHolidays" boolean, "locationApproximate" boolean, "fieldSources" jsonb)
  WHERE p.id = r.id`;

/** Provenance that changed while no value did (a source confirming a value another gave): no new version. */
const PROVENANCE_SQL = `
  UPDATE "Place" p SET "fieldSources" = r."fieldSources"
  FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, "fieldSources" jsonb) WHERE p.id = r.id`;

const LINKS_SQL = `
  INSERT INTO "PlaceSourceLink" ("sourceName", "sourceId", "placeId")
  SELECT $2, r."sourceId", r."placeId" FROM jsonb_to_recordset($1::jsonb) AS r("sourceId" text, "placeId" uuid)
  ON CONFLICT ("sourceName", "sourceId") DO UPDATE SET "placeId" = excluded."placeId"`;

// The commune's centre for rows without coordinates: by INSEE code, else by postcode and name.
const COMMUNE_CENTRE_SQL = `
  SELECT r.i, c.latitude, c.longitude
  FROM jsonb_to_recordset($1::jsonb) AS r(i int, insee text, postcode text, commune text)
  CROSS JOIN LATERAL (
    SELECT c.latitude, c.longitude FROM "Commune" c
    WHERE c.latitude IS NOT NULL AND c.longitude IS NOT NULL
      AND (c."inseeCode" = r.insee
           OR (c.departement = CASE WHEN r.postcode LIKE '97%' THEN left(r.postcode, 3) WHEN r.postcode LIKE '20%' THEN c.departement ELSE left(r.postcode, 2) END
               AND r.postcode = ANY(c.postcodes) AND public.reperes_fold(c.name) = public.reperes_fold(r.commune)))
    ORDER BY (c."inseeCode" = r.insee) DESC
    LIMIT 1
  ) c`;

// Scores of pairs of rows of the same file, like the matches against the database.
const IN_FILE_SQL = `
  SELECT r.a AS a_line, r.b AS b_line,
    similarity(public.reperes_fold(r.an), public.reperes_fold(r.bn))::float8 AS sim,
    CASE WHEN r.alat IS NOT NULL AND r.blat IS NOT NULL
      THEN public.earth_distance(public.reperes_earth(r.alat, r.alng), public.reperes_earth(r.blat, r.blng)) END AS dist,
    similarity(public.reperes_fold(r.ast), public.reperes_fold(r.bst)) >= 0.6 AS same_address
  FROM jsonb_to_recordset($1::jsonb) AS r(a int, b int, an text, bn text, ast text, bst text, alat float8, alng float8, blat float8, blng float8)`;

/** Rows sharing a key beyond this are a pattern of the file (one head office for all), not duplicates. */
const IN_FILE_GROUP_MAX = 50;

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
        -- A coordinator's import never compares drafts of other networks (nor mentions them).
        AND ($3::boolean OR p.status = 'published'
             OR EXISTS (SELECT 1 FROM "NetworkMembership" m WHERE m."placeId" = p.id AND m."networkId" = $4::uuid))
    ) c
    WHERE c.sim >= 0.3 OR c.dist <= 300 OR c.same_address
    ORDER BY c.sim DESC
    LIMIT 3
  ) m`;

/** A place's fields as the JSON the SQL above reads: enum keys become the standard's labels. */
function record(fields: Pick<ImportedFields, (typeof COMPARED)[number]>): Record<string, unknown> {
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

type Tx = Prisma.TransactionClient;
type Counts = { created: number; updated: number; unchanged: number; foreign: number };
type Rejection = ImportReport['rejected'][number];
type Warning = ImportReport['warnings'][number];

/** What an existing place looks like to the merge: its compared fields, provenance, status and networks. */
const TARGET_SELECT = {
  id: true, version: true, status: true, sourceName: true, sourceId: true, fieldSources: true, locationApproximate: true,
  networks: { select: { networkId: true } },
  ...Object.fromEntries(COMPARED.map((f) => [f, true])),
} as const;
type Target = Record<string, unknown> & {
  id: string; version: number; status: string; sourceName: string | null; sourceId: string | null; fieldSources: unknown;
  locationApproximate: boolean; dateMaj: Date; networks: Array<{ networkId: string }>;
};
/** A row's data as the in-file duplicate check compares it (its own coordinates only, never a commune's centre). */
type RowData = { name: string; street: string; lat: number | null; lng: number | null };

/** A 52-bit hash of a blocking key (two 32-bit FNV-1a variants): collisions only add pairs to score. */
function keyHash(key: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x811c9dc5) >>> 0;
  }
  return a * 2 ** 20 + (b >>> 12);
}

/**
 * What the in-file duplicate check keeps of each row while the file streams: its line, id and the
 * hashes of three blocking keys (same postcode and: same name, same street, same ~300 m cell), a
 * few bytes a row; the names and addresses are read back from the database at the end (a dry run,
 * which writes nothing, keeps them).
 */
class RowKeys {
  lines: number[] = [];
  ids: string[] = [];
  keys: number[] = [];
  data: RowData[] | null;
  constructor(keepData: boolean) {
    this.data = keepData ? [] : null;
  }
  add(line: number, sourceId: string, f: ImportedFields) {
    this.lines.push(line);
    this.ids.push(sourceId);
    this.keys.push(
      keyHash(`n|${f.postcode}|${slugify(f.name)}`),
      keyHash(`s|${f.postcode}|${slugify(f.street)}`),
      f.latitude !== null && f.longitude !== null ? keyHash(`c|${f.postcode}|${Math.round(f.latitude * 300)}|${Math.round(f.longitude * 200)}`) : -1,
    );
    this.data?.push({ name: f.name, street: f.street, lat: f.latitude, lng: f.longitude });
  }
}

export async function runImport(db: PrismaClient, input: ParsedRow[] | RowStream, options: ImportOptions): Promise<ImportReport> {
  const report: ImportReport = {
    sourceName: options.sourceName, dryRun: !!options.dryRun, total: 0, created: 0, updated: 0, unchanged: 0, archived: 0,
    rejected: [], warnings: [], warningCount: 0, duplicates: [], foreign: 0, failedBatches: [],
  };
  const author = options.author ?? `Import ${options.sourceName}`;
  const network = options.networkSlug ? await db.network.findUnique({ where: { slug: options.networkSlug } }) : null;
  if (options.networkSlug && !network) throw new Error(`Réseau inconnu : « ${options.networkSlug} ».`);
  const networkId = network?.id ?? null;
  const importer = options.importer ?? null;
  const admin = !importer || isAdmin(importer);
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
  /** May this import change this existing place? */
  const mayChange = (place: Target) =>
    !importer || canImportOver(importer, networkId, { networkIds: place.networks.map((n) => n.networkId), sourceOwner: place.sourceName === null ? undefined : (owners.get(place.sourceName) ?? null) });

  const rows = Array.isArray(input) ? input : input.rows;
  const fraction = Array.isArray(input) ? () => (input.length ? report.total / input.length : 1) : input.progress;
  const batchSize = options.batchSize ?? 500;
  const concurrency = Math.max(1, options.concurrency ?? 2);
  /** Slugs given by this run (batches written at the same time do not see each other's rows). */
  const runSlugs = new Set<string>();
  const seen = new Set<string>();
  const rowKeys = new RowKeys(!!options.dryRun);
  /** Rows whose place belongs to this source (created, or its own), and those created by this run. */
  const ownRows = new Set<string>();
  const createdRows = new Set<string>();

  const writeBatch = async (tx: Tx, batch: ParsedRow[], counts: Counts, duplicates: DuplicateMatch[], rejected: Rejection[], warnings: Warning[]) => {
    // A batch is atomic either way; not waiting for its WAL flush lets the next one start sooner
    // (a crash could lose the last batches, which a re-import writes again).
    if (!options.dryRun) await tx.$executeRawUnsafe('SET LOCAL synchronous_commit = off');

    // Rows without coordinates: their commune's centre, approximate.
    const approximate = new Set<ParsedRow>();
    const unplaced = batch.filter((r) => r.place!.fields.latitude === null || r.place!.fields.longitude === null);
    if (unplaced.length) {
      const probe = unplaced.map((r, i) => ({ i, insee: r.place!.fields.inseeCode, postcode: r.place!.fields.postcode, commune: r.place!.fields.commune }));
      const centres = await tx.$queryRawUnsafe<Array<{ i: number; latitude: number; longitude: number }>>(COMMUNE_CENTRE_SQL, JSON.stringify(probe));
      for (const c of centres) {
        const row = unplaced[c.i];
        row.place!.fields.latitude = c.latitude;
        row.place!.fields.longitude = c.longitude;
        approximate.add(row);
      }
      for (const row of unplaced) if (!approximate.has(row)) warnings.push({ line: row.line, name: row.name, warning: 'pas de coordonnées et commune introuvable : le lieu ne sera pas sur la carte' });
    }

    // This source's own places, and the places its rows completed before (links).
    const ids = batch.map((r) => r.place!.sourceId);
    const own = await tx.place.findMany({ where: { sourceName: options.sourceName, sourceId: { in: ids } }, select: { id: true, sourceId: true, status: true } });
    const ownBySource = new Map(own.map((p) => [p.sourceId!, p.id]));
    const links = await tx.placeSourceLink.findMany({ where: { sourceName: options.sourceName, sourceId: { in: ids.filter((id) => !ownBySource.has(id)) } }, select: { sourceId: true, placeId: true } });
    const linkBySource = new Map(links.map((l) => [l.sourceId, l.placeId]));
    const fresh = batch.filter((r) => !ownBySource.has(r.place!.sourceId) && !linkBySource.has(r.place!.sourceId));
    // Places of this source an admin merged into another: they stay merged (and archived).
    const merged = await mergedLosers(tx, own.filter((p) => p.status === 'ARCHIVED').map((p) => p.id));

    // Places already known from another source.
    const matchOf = new Map<ParsedRow, DuplicateMatch>();
    if (fresh.length && options.detectDuplicates !== false) {
      const probe = fresh.map((r, i) => ({ i, name: r.place!.fields.name, street: r.place!.fields.street, postcode: r.place!.fields.postcode, lat: r.place!.fields.latitude, lng: r.place!.fields.longitude }));
      const candidates = await tx.$queryRawUnsafe<Array<{ i: number; id: string; name: string; slug: string; sim: number; dist: number | null; same_address: boolean }>>(
        CANDIDATES_SQL, JSON.stringify(probe), options.sourceName, admin, networkId,
      );
      for (const c of candidates) {
        const row = fresh[c.i];
        // A commune's centre says nothing about where the place is.
        const dist = approximate.has(row) ? null : c.dist;
        const { score, action } = scoreMatch({ sim: c.sim, dist, sameAddress: c.same_address });
        if (score < 0.45) continue;
        const best = matchOf.get(row);
        if (best && best.score >= score) continue;
        matchOf.set(row, {
          line: row.line, sourceId: row.place!.sourceId, name: row.place!.fields.name, action, placeId: c.id, placeName: c.name, placeSlug: c.slug,
          score, nameSimilarity: Math.round(c.sim * 100) / 100, distance: dist === null ? null : Math.round(dist), sameAddress: c.same_address,
        });
      }
    }

    // Every existing place this batch may change, locked in one ordered statement (no deadlock
    // between batches written at the same time), then read.
    const targetIdOf = (row: ParsedRow) => ownBySource.get(row.place!.sourceId) ?? linkBySource.get(row.place!.sourceId) ?? (matchOf.get(row)?.action === 'update' ? matchOf.get(row)!.placeId : undefined);
    const targetIds = [...new Set(batch.map(targetIdOf).filter((id): id is string => !!id))].sort();
    if (targetIds.length && !options.dryRun) {
      await tx.$queryRawUnsafe(`SELECT id FROM "Place" WHERE id = ANY(ARRAY(SELECT jsonb_array_elements_text($1::jsonb)::uuid)) ORDER BY id FOR UPDATE`, JSON.stringify(targetIds));
    }
    const targets = new Map(
      (targetIds.length ? await tx.place.findMany({ where: { id: { in: targetIds } }, select: TARGET_SELECT }) : []).map((p) => [p.id, p as unknown as Target]),
    );

    const revisions: Array<{ placeId: string; kind: string; changes: unknown; reason: string; baseVersion: number | null }> = [];
    const changed = new Map<string, { target: Target; status: string | null }>();
    const provenanceOnly = new Set<string>();
    const newLinks: Array<{ sourceId: string; placeId: string }> = [];
    const slotRebuilds = new Set<string>();
    // The places of this import (created, updated or completed) join its network.
    const members: string[] = [];
    const creations: ParsedRow[] = [];

    for (const row of batch) {
      const { sourceId, fields, active } = row.place!;
      const isOwn = ownBySource.has(sourceId);
      const match = matchOf.get(row);
      const targetId = targetIdOf(row);
      if (!targetId) {
        creations.push(row);
        if (match) duplicates.push(match);
        continue;
      }
      const target = targets.get(targetId);
      if (!target || merged.has(targetId) || (!isOwn && target.status === 'ARCHIVED')) {
        counts.unchanged++;
        if (isOwn) ownRows.add(sourceId);
        continue;
      }
      if (!mayChange(target)) {
        // One neutral line: neither the place nor whether it matched by id or by resemblance.
        counts.foreign++;
        rejected.push({ line: row.line, sourceId: row.sourceId, name: row.name, reason: FOREIGN_PLACE });
        continue;
      }
      if (isOwn) ownRows.add(sourceId);
      else if (match) {
        duplicates.push(match);
        newLinks.push({ sourceId, placeId: target.id });
      }
      members.push(target.id);
      const outcome = mergeRow(target, { source: options.sourceName, fields, approximate: approximate.has(row) }, order);
      const changes = outcome.changes;
      // Only a place's own source publishes or archives it (a draft stays a draft).
      const status = active ? 'PUBLISHED' : 'ARCHIVED';
      const statusChanges = isOwn && target.status !== status && target.status !== 'DRAFT';
      if (statusChanges) changes.status = { before: target.status, after: status };
      if (Object.keys(changes).length === 0) {
        counts.unchanged++;
        if (outcome.provenanceChanged) {
          target.fieldSources = outcome.fieldSources;
          if (!changed.has(target.id)) provenanceOnly.add(target.id);
        }
        continue;
      }
      counts.updated++;
      // Two rows changing one place: the second sees the first.
      Object.assign(target, outcome.data, { fieldSources: outcome.fieldSources });
      if (statusChanges) target.status = status;
      const entry = changed.get(target.id);
      changed.set(target.id, { target, status: statusChanges ? status : (entry?.status ?? null) });
      provenanceOnly.delete(target.id);
      if (changes.openingHours) slotRebuilds.add(target.id);
      revisions.push({
        placeId: target.id, kind: 'import', changes,
        reason: isOwn ? `Mise à jour par l’import ${options.sourceName} (ligne ${row.line})` : `Complété par l’import ${options.sourceName} (ligne ${row.line}, même lieu)`,
        baseVersion: target.version,
      });
    }

    counts.created += creations.length;
    for (const row of creations) {
      ownRows.add(row.place!.sourceId);
      createdRows.add(row.place!.sourceId);
    }
    if (options.dryRun) return;

    if (changed.size) {
      const payload = [...changed.values()].map(({ target, status }) => ({
        ...record(target as unknown as ImportedFields), id: target.id, status: status ? status.toLowerCase() : null,
        locationApproximate: target.locationApproximate, fieldSources: target.fieldSources,
      }));
      await tx.$executeRawUnsafe(UPDATE_SQL, JSON.stringify(payload));
    }
    if (provenanceOnly.size) {
      await tx.$executeRawUnsafe(PROVENANCE_SQL, JSON.stringify([...provenanceOnly].map((id) => ({ id, fieldSources: targets.get(id)!.fieldSources }))));
    }
    if (newLinks.length) await tx.$executeRawUnsafe(LINKS_SQL, JSON.stringify(newLinks), options.sourceName);
    const slots: Array<{ p: string; w: number; s: number; e: number }> = [];
    for (const id of slotRebuilds) slots.push(...slotRecords(id, targets.get(id)!.openingHours as string | null));

    // New places: one INSERT for the batch.
    if (creations.length) {
      const slugs = await takenSlugs(tx, creations.map((r) => baseSlug(r.place!.fields)), runSlugs);
      // No await from here to the INSERT's start: a batch written at the same time sees these slugs in runSlugs.
      const payload = creations.map((row) => {
        const base = baseSlug(row.place!.fields);
        let slug = base;
        for (let n = 2; slugs.has(slug) || runSlugs.has(slug); n++) slug = `${base}-${n}`;
        runSlugs.add(slug);
        const fieldSources: FieldSources = initialSources(row.place!.fields, options.sourceName);
        return { ...record(row.place!.fields), slug, status: row.place!.active ? 'published' : 'archived', sourceId: row.place!.sourceId, locationApproximate: approximate.has(row), fieldSources };
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
      await insertFlags(tx, flags, options.sourceName);
    }
    if (revisions.length) await tx.$executeRawUnsafe(REVISIONS_SQL, JSON.stringify(revisions), author);
    if (slotRebuilds.size) await tx.$executeRawUnsafe(`DELETE FROM "PlaceOpeningSlot" WHERE "stopId" IS NULL AND "placeId" = ANY(ARRAY(SELECT jsonb_array_elements_text($1::jsonb)::uuid))`, JSON.stringify([...slotRebuilds]));
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
    const counts: Counts = { created: 0, updated: 0, unchanged: 0, foreign: 0 };
    const duplicates: DuplicateMatch[] = [];
    const rejected: Rejection[] = [];
    const warnings: Warning[] = [];
    try {
      await db.$transaction((tx) => writeBatch(tx, batch, counts, duplicates, rejected, warnings), { timeout: 300_000, maxWait: 30_000 });
      report.created += counts.created;
      report.updated += counts.updated;
      report.unchanged += counts.unchanged;
      report.foreign += counts.foreign;
      report.duplicates.push(...duplicates);
      report.rejected.push(...rejected);
      for (const w of warnings) if (report.warningCount++ < MAX_WARNINGS) report.warnings.push(w);
    } catch (error) {
      // The batch's transaction rolled back: nothing of it was written.
      for (const row of batch) {
        ownRows.delete(row.place!.sourceId);
        createdRows.delete(row.place!.sourceId);
      }
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
      const f = row.place.fields;
      if (options.detectDuplicates !== false) rowKeys.add(row.line, row.place.sourceId, f);
      batch.push(row);
      if (batch.length >= batchSize) {
        await launch(batch);
        batch = [];
      }
    }
  }
  if (batch.length) await launch(batch);
  await Promise.all(writing);

  // Two rows of the file describing one place: flagged like a place already known.
  if (options.detectDuplicates !== false && createdRows.size) await flagInFileDuplicates(db, report, rowKeys, ownRows, createdRows, options);
  report.rejected.sort((a, b) => a.line - b.line);
  report.duplicates.sort((a, b) => a.line - b.line);

  if (options.archiveMissing) {
    // Only this source's places, and for a coordinator only those of the network it imports into.
    const gone = await db.$queryRawUnsafe<Array<{ id: string; status: string; version: number }>>(
      `SELECT p.id::text AS id, upper(p.status::text) AS status, p.version FROM "Place" p
       WHERE p."sourceName" = $1 AND p.status <> 'archived'
         AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text($2::jsonb) AS s(id) WHERE s.id = p."sourceId")
         AND ($3::boolean OR EXISTS (SELECT 1 FROM "NetworkMembership" m WHERE m."placeId" = p.id AND m."networkId" = $4::uuid))`,
      options.sourceName,
      JSON.stringify([...seen]),
      admin,
      networkId,
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

async function insertFlags(tx: Pick<PrismaClient, '$executeRawUnsafe'>, flags: Array<{ placeId: string; otherId: string; score: number; details: unknown }>, sourceName: string) {
  if (!flags.length) return;
  await tx.$executeRawUnsafe(
    `INSERT INTO "PlaceDuplicate" (id, "placeId", "otherId", score, details, "sourceName")
     SELECT gen_random_uuid(), r."placeId", r."otherId", r.score, r.details, $2 FROM jsonb_to_recordset($1::jsonb) AS r("placeId" uuid, "otherId" uuid, score float8, details jsonb)
     ON CONFLICT ("placeId", "otherId") DO NOTHING`,
    JSON.stringify(flags),
    sourceName,
  );
}

/** Pairs of rows of the file that resemble each other, one of them new: reported, and flagged for a manual merge. */
async function flagInFileDuplicates(db: PrismaClient, report: ImportReport, rows: RowKeys, ownRows: Set<string>, createdRows: Set<string>, options: ImportOptions) {
  // Rows sharing a blocking key (sorted by hash), so that the cost grows with the rows, never with their square.
  const entries = Uint32Array.from({ length: rows.keys.length }, (_, i) => i).filter((e) => rows.keys[e] !== -1 && ownRows.has(rows.ids[Math.floor(e / 3)]));
  entries.sort((x, y) => rows.keys[x] - rows.keys[y]);
  const pairKeys = new Set<string>();
  for (let start = 0; start < entries.length; ) {
    let end = start + 1;
    while (end < entries.length && rows.keys[entries[end]] === rows.keys[entries[start]]) end++;
    const size = end - start;
    if (size >= 2 && size <= IN_FILE_GROUP_MAX) {
      for (let i = start; i < end; i++) {
        for (let j = i + 1; j < end; j++) {
          const [x, y] = [Math.floor(entries[i] / 3), Math.floor(entries[j] / 3)];
          const [a, b] = rows.lines[x] < rows.lines[y] ? [x, y] : [y, x];
          if (a !== b && (createdRows.has(rows.ids[a]) || createdRows.has(rows.ids[b]))) pairKeys.add(`${a}|${b}`);
        }
      }
    }
    start = end;
  }
  if (!pairKeys.size) return;
  const pairRows = [...pairKeys].map((k) => k.split('|').map(Number) as [number, number]);

  // The rows' names, addresses and positions: kept by a dry run, read back from the places otherwise.
  const involved = [...new Set(pairRows.flat())];
  const data = new Map<number, RowData & { id?: string; slug?: string }>();
  if (rows.data) for (const r of involved) data.set(r, rows.data[r]);
  else {
    const byId = new Map(involved.map((r) => [rows.ids[r], r]));
    for (let i = 0; i < involved.length; i += 5000) {
      const places = await db.place.findMany({
        where: { sourceName: options.sourceName, sourceId: { in: involved.slice(i, i + 5000).map((r) => rows.ids[r]) } },
        select: { id: true, slug: true, sourceId: true, name: true, street: true, latitude: true, longitude: true, locationApproximate: true },
      });
      for (const p of places) {
        data.set(byId.get(p.sourceId!)!, { id: p.id, slug: p.slug, name: p.name, street: p.street, lat: p.locationApproximate ? null : p.latitude, lng: p.locationApproximate ? null : p.longitude });
      }
    }
  }
  const list = pairRows.filter(([a, b]) => data.has(a) && data.has(b)).map(([a, b]) => {
    const [da, db_] = [data.get(a)!, data.get(b)!];
    return { a, b, an: da.name, bn: db_.name, ast: da.street, bst: db_.street, alat: da.lat, alng: da.lng, blat: db_.lat, blng: db_.lng };
  });
  const pairs: Array<{ a_line: number; b_line: number; sim: number; dist: number | null; same_address: boolean }> = [];
  for (let i = 0; i < list.length; i += 5000) pairs.push(...(await db.$queryRawUnsafe<typeof pairs>(IN_FILE_SQL, JSON.stringify(list.slice(i, i + 5000)))));
  const best = new Map<number, DuplicateMatch & { rows: [number, number] }>();
  for (const pair of pairs) {
    const [a, b] = [pair.a_line, pair.b_line]; // row indexes
    const { score, action } = scoreMatch({ sim: pair.sim, dist: pair.dist, sameAddress: pair.same_address });
    if (action === 'create' || score < 0.45) continue;
    const known = best.get(b);
    if (known && known.score >= score) continue;
    best.set(b, {
      line: rows.lines[b], sourceId: rows.ids[b], name: data.get(b)!.name, action: 'merge', placeId: data.get(a)!.id ?? '', placeName: data.get(a)!.name, placeSlug: data.get(a)!.slug ?? '',
      otherLine: rows.lines[a], rows: [a, b], score, nameSimilarity: Math.round(pair.sim * 100) / 100, distance: pair.dist === null ? null : Math.round(pair.dist), sameAddress: pair.same_address,
    });
  }
  if (!best.size) return;
  const matches = [...best.values()];
  if (!options.dryRun) {
    await insertFlags(
      db,
      matches.map((m) => ({ placeId: data.get(m.rows[1])!.id!, otherId: data.get(m.rows[0])!.id!, score: m.score, details: { nameSimilarity: m.nameSimilarity, distance: m.distance, sameAddress: m.sameAddress, line: m.line, otherLine: m.otherLine } })),
      options.sourceName,
    );
  }
  report.duplicates.push(...matches.map(({ rows: _, ...m }) => m));
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

