// One batch of rows, in its transaction, as named phases: place the rows without coordinates,
// find the places they already have (this source's own, or linked), match the new ones against
// places of other sources, lock and read every place the batch may change, decide row by row
// (provenance rules, ownership), then write with set-based SQL. A dry run stops before writing.
import type { Sql } from './bulk';
import { hoursWeek } from '../hours/week';
import { baseSlug, takenSlugs } from './slugs';
import { facetSetIds, type FacetSetCache } from './facet-sets';
import { mergedLosers } from './merge';
import { scoreMatch } from './matching';
import { initialStoredSources, mergeRow, storedSources, type FieldSources, type SourceOrder } from './provenance';
import { FOREIGN_PLACE, type DuplicateMatch, type ImportOptions, type Rejection, type Warning } from './report';
import {
  CANDIDATES_SQL,
  COMMUNE_CENTRE_SQL,
  INSERT_SQL,
  LINKED_SQL,
  LINKS_SQL,
  LOCK_SQL,
  MEMBERS_SQL,
  OWN_SQL,
  PROVENANCE_SQL,
  REVISIONS_SQL,
  TARGETS_SQL,
  UPDATE_SQL,
  insertFlags,
  record,
  targetOf,
  type Flag,
  type Target,
} from './statements';
import type { ImportedFields, ParsedRow } from './types';

/** What every batch of one run shares. */
export type RunContext = {
  options: ImportOptions;
  author: string;
  networkId: string | null;
  admin: boolean;
  /** May this import change this existing place? */
  mayChange: (place: Target) => boolean;
  order: SourceOrder;
  /** Slugs given by this run (batches written at the same time do not see each other's rows). */
  runSlugs: Set<string>;
  /** Rows whose place belongs to this source (created, or its own), and those created by this run. */
  ownRows: Set<string>;
  createdRows: Set<string>;
  /** Facet sets met by the run's committed batches, by their lists (facet-sets.ts). */
  facetSets: Map<string, number>;
};

export type BatchOutcome = {
  counts: { created: number; updated: number; unchanged: number; foreign: number };
  duplicates: DuplicateMatch[];
  rejected: Rejection[];
  warnings: Warning[];
  /** Facet sets this batch met: known to the next batches once it has committed. */
  facetSets: Map<string, number>;
};

type Revision = { placeId: string; kind: string; changes: unknown; reason: string; baseVersion: number | null };

/** The places a batch's rows already have: by this source's id, or linked to it by an earlier import. */
type Known = { ownBySource: Map<string, string>; linkBySource: Map<string, string>; merged: Set<string>; fresh: ParsedRow[] };

/** What the decision phase leaves to write. */
type Plan = {
  changed: Map<string, { target: Target; status: string | null }>;
  provenanceOnly: Set<string>;
  newLinks: Array<{ sourceId: string; placeId: string }>;
  /** The places of this import (created, updated or completed) join its network. */
  members: string[];
  creations: ParsedRow[];
  revisions: Revision[];
};

export async function writeBatch(sql: Sql, run: RunContext, batch: ParsedRow[]): Promise<BatchOutcome> {
  const counts = { created: 0, updated: 0, unchanged: 0, foreign: 0 };
  const out: BatchOutcome = { counts, duplicates: [], rejected: [], warnings: [], facetSets: new Map() };
  // A batch is atomic either way; not waiting for its WAL flush lets the next one start sooner
  // (a crash could lose the last batches, which a re-import writes again). The run record never
  // says committed what a crash lost: it is written after the batches, with a synchronous commit,
  // whose WAL flush covers every earlier commit.
  // No JIT: the planner's estimate of the matching statement (CANDIDATES_SQL, a hundred rows assumed
  // of the JSON, each a lookup) passes jit_above_cost, and compiling it took about 20 ms of the
  // server's CPU for each batch, more than running it (EXPLAIN ANALYZE, 500 rows, 2026-12-06).
  await sql.$queryRawUnsafe(`SELECT set_config('jit', 'off', true)${run.options.dryRun ? '' : `, set_config('synchronous_commit', 'off', true)`}`);
  const approximate = await placeAtCommuneCentre(sql, batch, out.warnings);
  const known = await findKnownPlaces(sql, run, batch);
  const matchOf = await matchOtherSources(sql, run, known.fresh, approximate);
  const targetIdOf = (row: ParsedRow) =>
    known.ownBySource.get(row.place!.sourceId) ??
    known.linkBySource.get(row.place!.sourceId) ??
    (matchOf.get(row)?.action === 'update' ? matchOf.get(row)!.placeId : undefined);
  const targets = await lockAndReadTargets(sql, run, batch.map(targetIdOf));
  const plan = decide(run, batch, { known, matchOf, targetIdOf, targets, approximate }, out);
  if (run.options.dryRun) return out;
  await writePlan(sql, run, plan, { targets, matchOf, approximate }, { committed: run.facetSets, learned: out.facetSets });
  return out;
}

/** Rows without coordinates: their commune's centre, marked approximate (or a warning when the commune is unknown). */
async function placeAtCommuneCentre(sql: Sql, batch: ParsedRow[], warnings: Warning[]): Promise<Set<ParsedRow>> {
  const approximate = new Set<ParsedRow>();
  const unplaced = batch.filter((r) => r.place!.fields.latitude === null || r.place!.fields.longitude === null);
  if (!unplaced.length) return approximate;
  const probe = unplaced.map((r, i) => ({ i, insee: r.place!.fields.inseeCode, postcode: r.place!.fields.postcode, commune: r.place!.fields.commune }));
  const centres = await sql.$queryRawUnsafe<Array<{ i: number; latitude: number; longitude: number }>>(COMMUNE_CENTRE_SQL, JSON.stringify(probe));
  for (const c of centres) {
    const row = unplaced[c.i];
    row.place!.fields.latitude = c.latitude;
    row.place!.fields.longitude = c.longitude;
    approximate.add(row);
  }
  for (const row of unplaced)
    if (!approximate.has(row))
      warnings.push({ line: row.line, name: row.name, warning: 'pas de coordonnées et commune introuvable : le lieu ne sera pas sur la carte' });
  return approximate;
}

/** This source's own places, the places its rows completed before (links), and those an admin merged into another. */
async function findKnownPlaces(sql: Sql, run: RunContext, batch: ParsedRow[]): Promise<Known> {
  const ids = batch.map((r) => r.place!.sourceId);
  const own = await sql.$queryRawUnsafe<Array<{ id: string; sourceId: string; status: string }>>(OWN_SQL, run.options.sourceName, ids);
  const ownBySource = new Map(own.map((p) => [p.sourceId, p.id]));
  const unknown = ids.filter((id) => !ownBySource.has(id));
  const links = unknown.length ? await sql.$queryRawUnsafe<Array<{ sourceId: string; placeId: string }>>(LINKED_SQL, run.options.sourceName, unknown) : [];
  const linkBySource = new Map(links.map((l) => [l.sourceId, l.placeId]));
  const fresh = batch.filter((r) => !ownBySource.has(r.place!.sourceId) && !linkBySource.has(r.place!.sourceId));
  // Places of this source an admin merged into another: they stay merged (and archived).
  const merged = await mergedLosers(
    sql,
    own.filter((p) => p.status === 'ARCHIVED').map((p) => p.id),
  );
  return { ownBySource, linkBySource, merged, fresh };
}

/** Places already known from another source that resemble the batch's new rows: the best match of each. */
async function matchOtherSources(sql: Sql, run: RunContext, fresh: ParsedRow[], approximate: Set<ParsedRow>): Promise<Map<ParsedRow, DuplicateMatch>> {
  const matchOf = new Map<ParsedRow, DuplicateMatch>();
  if (!fresh.length || run.options.detectDuplicates === false) return matchOf;
  const probe = fresh.map((r, i) => ({
    i,
    name: r.place!.fields.name,
    street: r.place!.fields.street,
    postcode: r.place!.fields.postcode,
    lat: r.place!.fields.latitude,
    lng: r.place!.fields.longitude,
  }));
  const candidates = await sql.$queryRawUnsafe<
    Array<{ i: number; id: string; name: string; slug: string; sim: number; dist: number | null; same_address: boolean }>
  >(CANDIDATES_SQL, JSON.stringify(probe), run.options.sourceName, run.admin, run.networkId);
  for (const c of candidates) {
    const row = fresh[c.i];
    // A commune's centre says nothing about where the place is.
    const dist = approximate.has(row) ? null : c.dist;
    const { score, action } = scoreMatch({ sim: c.sim, dist, sameAddress: c.same_address });
    if (score < 0.45) continue;
    const best = matchOf.get(row);
    if (best && best.score >= score) continue;
    matchOf.set(row, {
      line: row.line,
      sourceId: row.place!.sourceId,
      name: row.place!.fields.name,
      action,
      placeId: c.id,
      placeName: c.name,
      placeSlug: c.slug,
      score,
      nameSimilarity: Math.round(c.sim * 100) / 100,
      distance: dist === null ? null : Math.round(dist),
      sameAddress: c.same_address,
    });
  }
  return matchOf;
}

/** Every existing place this batch may change, locked in one ordered statement (no deadlock between batches written at the same time), then read. */
async function lockAndReadTargets(sql: Sql, run: RunContext, ids: Array<string | undefined>): Promise<Map<string, Target>> {
  const targetIds = [...new Set(ids.filter((id): id is string => !!id))].sort();
  if (!targetIds.length) return new Map();
  if (!run.options.dryRun) await sql.$queryRawUnsafe(LOCK_SQL, targetIds);
  const rows = await sql.$queryRawUnsafe<Array<Record<string, unknown>>>(TARGETS_SQL, targetIds);
  return new Map(rows.map((row) => [row.id as string, targetOf(row)]));
}

type Found = {
  known: Known;
  matchOf: Map<ParsedRow, DuplicateMatch>;
  targetIdOf: (row: ParsedRow) => string | undefined;
  targets: Map<string, Target>;
  approximate: Set<ParsedRow>;
};

/** Row by row: create, leave alone (merged, archived, another network's) or merge field by field (provenance.ts). */
function decide(run: RunContext, batch: ParsedRow[], found: Found, out: BatchOutcome): Plan {
  const { options } = run;
  const plan: Plan = { changed: new Map(), provenanceOnly: new Set(), newLinks: [], members: [], creations: [], revisions: [] };
  for (const row of batch) {
    const { sourceId, fields, active } = row.place!;
    const isOwn = found.known.ownBySource.has(sourceId);
    const match = found.matchOf.get(row);
    const targetId = found.targetIdOf(row);
    if (!targetId) {
      plan.creations.push(row);
      if (match) out.duplicates.push(match);
      continue;
    }
    const target = found.targets.get(targetId);
    if (!target || found.known.merged.has(targetId) || (!isOwn && target.status === 'ARCHIVED')) {
      out.counts.unchanged++;
      if (isOwn) run.ownRows.add(sourceId);
      continue;
    }
    if (!run.mayChange(target)) {
      // One neutral line: neither the place nor whether it matched by id or by resemblance.
      out.counts.foreign++;
      out.rejected.push({ line: row.line, sourceId: row.sourceId, name: row.name, reason: FOREIGN_PLACE });
      continue;
    }
    if (isOwn) run.ownRows.add(sourceId);
    else if (match) {
      out.duplicates.push(match);
      plan.newLinks.push({ sourceId, placeId: target.id });
    }
    plan.members.push(target.id);
    const outcome = mergeRow(target, { source: options.sourceName, fields, approximate: found.approximate.has(row) }, run.order);
    const changes = outcome.changes;
    // Only a place's own source publishes or archives it (a draft stays a draft).
    const status = active ? 'PUBLISHED' : 'ARCHIVED';
    const statusChanges = isOwn && target.status !== status && target.status !== 'DRAFT';
    if (statusChanges) changes.status = { before: target.status, after: status };
    if (Object.keys(changes).length === 0) {
      out.counts.unchanged++;
      if (outcome.provenanceChanged) {
        target.fieldSources = outcome.fieldSources;
        if (!plan.changed.has(target.id)) plan.provenanceOnly.add(target.id);
      }
      continue;
    }
    out.counts.updated++;
    // Two rows changing one place: the second sees the first.
    Object.assign(target, outcome.data, { fieldSources: outcome.fieldSources });
    if (statusChanges) target.status = status;
    const entry = plan.changed.get(target.id);
    plan.changed.set(target.id, { target, status: statusChanges ? status : (entry?.status ?? null) });
    plan.provenanceOnly.delete(target.id);
    plan.revisions.push({
      placeId: target.id,
      kind: 'import',
      changes,
      reason: isOwn
        ? `Mise à jour par l’import ${options.sourceName} (ligne ${row.line})`
        : `Complété par l’import ${options.sourceName} (ligne ${row.line}, même lieu)`,
      baseVersion: target.version,
    });
  }
  out.counts.created += plan.creations.length;
  for (const row of plan.creations) {
    run.ownRows.add(row.place!.sourceId);
    run.createdRows.add(row.place!.sourceId);
  }
  return plan;
}

/** The plan, one statement per kind of write. */
async function writePlan(sql: Sql, run: RunContext, plan: Plan, found: Pick<Found, 'targets' | 'matchOf' | 'approximate'>, facetSets: FacetSetCache) {
  if (plan.changed.size) {
    const payload = [...plan.changed.values()].map(({ target, status }) => ({
      ...record(target as unknown as ImportedFields),
      id: target.id,
      status: status ? status.toLowerCase() : null,
      locationApproximate: target.locationApproximate,
      fieldSources: storedSources(target.fieldSources as FieldSources),
      facetSetId: null as number | null,
      week: hoursWeek(target.openingHours as string | null),
    }));
    const sets = await facetSetIds(sql, payload, facetSets);
    payload.forEach((place, i) => (place.facetSetId = sets[i]));
    await sql.$executeRawUnsafe(UPDATE_SQL, JSON.stringify(payload));
  }
  if (plan.provenanceOnly.size) {
    await sql.$executeRawUnsafe(
      PROVENANCE_SQL,
      JSON.stringify([...plan.provenanceOnly].map((id) => ({ id, fieldSources: storedSources(found.targets.get(id)!.fieldSources as FieldSources) }))),
    );
  }
  if (plan.newLinks.length) await sql.$executeRawUnsafe(LINKS_SQL, JSON.stringify(plan.newLinks), run.options.sourceName);
  if (plan.creations.length) await createPlaces(sql, run, plan, found, facetSets);
  if (plan.revisions.length) await sql.$executeRawUnsafe(REVISIONS_SQL, JSON.stringify(plan.revisions), run.author);
  if (run.networkId && plan.members.length) await sql.$executeRawUnsafe(MEMBERS_SQL, JSON.stringify(plan.members), run.networkId);
}

/** New places: one statement for the batch (with their slugs, weekly hours and revisions), then their duplicate flags. */
async function createPlaces(sql: Sql, run: RunContext, plan: Plan, found: Pick<Found, 'matchOf' | 'approximate'>, facetSets: FacetSetCache) {
  const { creations } = plan;
  const records = creations.map((row) => record(row.place!.fields));
  const sets = await facetSetIds(sql, records, facetSets);
  const bases = creations.map((r) => baseSlug(r.place!.fields));
  const slugs = await takenSlugs(sql, bases, run.runSlugs);
  // No await from here to the INSERT's start: a batch written at the same time sees these slugs in runSlugs.
  const payload = creations.map((row, i) => {
    const base = bases[i];
    let slug = base;
    for (let n = 2; slugs.has(slug) || run.runSlugs.has(slug); n++) slug = `${base}-${n}`;
    run.runSlugs.add(slug);
    const fieldSources = initialStoredSources(row.place!.fields, run.options.sourceName);
    // Onto the row's record, made for this statement alone: no second copy of its forty fields.
    return Object.assign(records[i], {
      slug,
      status: row.place!.active ? 'published' : 'archived',
      sourceId: row.place!.sourceId,
      locationApproximate: found.approximate.has(row),
      fieldSources,
      week: hoursWeek(row.place!.fields.openingHours),
      facetSetId: sets[i],
      line: row.line,
    });
  });
  // The places, with their weekly hours, and their creations' revisions (statements.ts).
  const created = await sql.$queryRawUnsafe<Array<{ id: string; sourceId: string }>>(INSERT_SQL, JSON.stringify(payload), run.options.sourceName, run.author);
  if (created.length !== creations.length) throw new Error('des lieux de ce lot ont été créés en même temps par un autre import');
  const bySourceId = new Map(creations.map((r) => [r.place!.sourceId, r]));
  const flags: Flag[] = [];
  for (const place of created) {
    const row = bySourceId.get(place.sourceId)!;
    plan.members.push(place.id);
    const match = found.matchOf.get(row);
    if (match?.action === 'merge')
      flags.push({
        placeId: place.id,
        otherId: match.placeId,
        score: match.score,
        details: { nameSimilarity: match.nameSimilarity, distance: match.distance, sameAddress: match.sameAddress, line: row.line },
      });
  }
  await insertFlags(sql, flags, run.options.sourceName);
}
