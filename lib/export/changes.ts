// The change feed of published data (issue #22): what a harvester of the export applies to stay
// identical to it. The rows are written by a trigger on Place in the writer's own transaction
// (migration 20261206090000_change_feed); this module reads them in order.
//
// Order and completeness: a change is at the position (txid, id), its writer's transaction id and
// a serial. A read serves only rows whose transaction is older than the oldest transaction still
// running (pg_snapshot_xmin of the statement's snapshot): those have all committed and are all
// visible, and any row that appears later has a txid at or above that bound, so after every
// position already served. A harvester that keeps the last position never misses nor doubles a
// change, whatever commits when. A long transaction delays the feed; it never loses a row.
//
// The cursor is the position signed with HMAC-SHA256 under a random key kept in the database
// (ChangeFeedState), so every instance accepts every other's cursors and a forged one is refused.
// A restore renumbers the rows and rotates the key (lib/export/feed-reset.ts): a cursor signed
// under a retired key predates it and is told so; the key is read at every use, never cached.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import { Prisma } from '@prisma/client';
import { jsonRecord, STANDARD_SELECT, type StandardRecord } from './standard';

type Db = Pick<PrismaClient, '$queryRaw'>;
export type Position = { txid: bigint; id: bigint };
export type ChangeType = 'creation' | 'modification' | 'retrait' | 'fusion';
export type Change = {
  type: ChangeType;
  id: string;
  date: string;
  champs?: string[];
  remplace_par?: string;
  /** the place as the export has it now; null when it has left the export since (a later change says so) */
  lieu?: Record<string, unknown> | null;
};

const TYPES: Record<string, ChangeType> = { created: 'creation', updated: 'modification', removed: 'retrait', merged: 'fusion' };
const CURSOR = /^([A-Za-z0-9_-]{4,40})\.([A-Za-z0-9_-]{22})$/;

/** How long the feed keeps its rows: a cursor older than that must resynchronise from the export (410). */
export const FEED_RETENTION_DAYS = 90;

/** The response header that gives the feed's cursor of an export or an API page (taken before it is read). */
export const CURSOR_HEADER = 'X-Curseur-Changements';

/** How to resynchronise, said with every refusal of a cursor (API, webhook notice). */
export const RESYNC = {
  etapes: [
    'Relisez l’export complet : /donnees/export/json (ou /api/v1/lieux page par page).',
    `Gardez le curseur donné par sa réponse (en-tête ${CURSOR_HEADER}, lu avant les lieux).`,
    'Suivez ensuite /api/v1/changements?depuis=<ce curseur>.',
  ],
  export: '/donnees/export/json',
  en_tete: CURSOR_HEADER,
};

/** Why a cursor from before a restore is refused, with the restore's date when known. */
export function resetDetail(resetAt: Date | null): string {
  const when = resetAt ? ` le ${resetAt.toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long', timeStyle: 'short' })}` : '';
  return `Les données de Repères ont été restaurées depuis une sauvegarde${when} : ce curseur, donné avant, ne correspond plus au flux de changements. Votre copie peut contenir des changements annulés par la restauration : relisez l’export complet, puis suivez le curseur qu’il donne.`;
}

/** The feed's state: its signing key, the keys retired by restores, when the last restore was, and the pruning horizon. */
export type FeedState = { key: Buffer; retired: Buffer[]; resetAt: Date | null; pruned: Position };

type StateRow = { key: Uint8Array | null; retired: Uint8Array[] | null; reset_at: Date | null; pruned_txid: bigint | null; pruned_id: bigint | null };

function toState(row: StateRow): FeedState {
  return {
    key: Buffer.from(row.key!),
    retired: (row.retired ?? []).map((k) => Buffer.from(k)),
    resetAt: row.reset_at ? new Date(row.reset_at) : null,
    pruned: { txid: BigInt(row.pruned_txid ?? 0), id: BigInt(row.pruned_id ?? 0) },
  };
}

/**
 * The feed's state, read from the database at every use (one primary-key lookup, folded into a
 * query the caller makes anyway where it can): a restore rotates the key (lib/export/feed-reset.ts),
 * and no process may go on accepting or issuing cursors under the old one. The key is made by the
 * migration; again here if the table was emptied.
 */
export async function feedState(db: Db): Promise<FeedState> {
  const [row] = await db.$queryRaw<StateRow[]>`
    WITH made AS (
      INSERT INTO "ChangeFeedState" (id, "signingKey") SELECT 1, decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex')
      WHERE NOT EXISTS (SELECT 1 FROM "ChangeFeedState" WHERE id = 1)
      ON CONFLICT (id) DO NOTHING RETURNING "signingKey", "retiredKeys", "resetAt", "prunedTxid", "prunedId")
    SELECT "signingKey" AS key, "retiredKeys" AS retired, "resetAt" AS reset_at, "prunedTxid" AS pruned_txid, "prunedId" AS pruned_id FROM made
    UNION ALL
    SELECT "signingKey", "retiredKeys", "resetAt", "prunedTxid", "prunedId" FROM "ChangeFeedState" WHERE id = 1 LIMIT 1`;
  return toState(row);
}

/** The feed's current signing key (read at every use: see feedState). */
export async function signingKey(db: Db): Promise<Buffer> {
  return (await feedState(db)).key;
}

function mac(key: Buffer, body: string): string {
  return createHmac('sha256', key).update(`changements:${body}`).digest('base64url').slice(0, 22);
}

export function encodeCursor(key: Buffer, position: Position): string {
  const body = Buffer.from(`${position.txid.toString(36)}:${position.id.toString(36)}`).toString('base64url');
  return `${body}.${mac(key, body)}`;
}

/** The position a cursor names, or null when it was not made here (altered, forged, truncated). */
export function decodeCursor(key: Buffer, cursor: string): Position | null {
  const match = CURSOR.exec(cursor);
  if (!match) return null;
  const expected = Buffer.from(mac(key, match[1]));
  const given = Buffer.from(match[2]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const parts = Buffer.from(match[1], 'base64url').toString().split(':');
  if (parts.length !== 2 || !parts.every((p) => /^[0-9a-z]{1,13}$/.test(p))) return null;
  const [txid, id] = parts.map((p) => [...p].reduce((n, c) => n * BigInt(36) + BigInt(parseInt(c, 36)), BigInt(0)));
  return { txid, id };
}

export type CursorVerdict = { position: Position } | { refused: 'invalid' | 'reset' };

/** What a cursor is to the feed now: a position, one signed before a restore reset the feed, or not one of ours. */
export function judgeCursor(state: FeedState, cursor: string): CursorVerdict {
  const position = decodeCursor(state.key, cursor);
  if (position) return { position };
  return { refused: state.retired.some((key) => decodeCursor(key, cursor)) ? 'reset' : 'invalid' };
}

/** Whether rows after the position were pruned (the cursor is too old to follow). */
export function prunedPast(state: FeedState, position: Position): boolean {
  const { pruned } = state;
  return pruned.txid > position.txid || (pruned.txid === position.txid && pruned.id > position.id);
}

/**
 * The position of "now" for a reader about to read the export: every change of a transaction
 * older than the oldest one running is in what it reads next; the feed from here gives the rest
 * (a change the export already shows may come again: applying it twice gives the same place).
 */
export async function presentPosition(db: Db): Promise<Position> {
  const [row] = await db.$queryRaw<Array<{ xmin: bigint }>>`SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS xmin`;
  return { txid: BigInt(row.xmin), id: BigInt(0) };
}

/** The present position signed: what an export gives in X-Curseur-Changements (one query for both). */
export async function presentCursor(db: Db): Promise<string> {
  const [row] = await db.$queryRaw<Array<{ xmin: bigint; key: Uint8Array | null }>>`
    SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS xmin, (SELECT "signingKey" FROM "ChangeFeedState" WHERE id = 1) AS key`;
  const key = row.key ? Buffer.from(row.key) : (await feedState(db)).key;
  return encodeCursor(key, { txid: BigInt(row.xmin), id: BigInt(0) });
}

type Row = StandardRecord & {
  position_txid: bigint;
  position_id: bigint;
  kind: string;
  place_id: string;
  fields: string[] | null;
  survivor: string | null;
  at: Date;
  visible: boolean;
};

/**
 * Up to `limit` changes after the position, in order, with the position of the last one (or the
 * same when none), and whether committed changes wait behind a transaction still running (`held`:
 * the reader is not up to date yet and should come back shortly).
 */
export async function readChanges(db: Db, after: Position, limit: number): Promise<{ changes: Change[]; next: Position; held: boolean }> {
  // The bound first: it only grows, and every row below it committed before this statement, so the next one sees them all.
  const bound = (await presentPosition(db)).txid;
  const rows = await db.$queryRaw<Row[]>`
    SELECT c.txid AS position_txid, c.id AS position_id, c.kind, c."placeId"::text AS place_id, c.fields, c."survivorId"::text AS survivor, c.at,
           p.id IS NOT NULL AS visible, ${STANDARD_SELECT}
    FROM "PlaceChange" c
    LEFT JOIN "Place" p ON p.id = c."placeId" AND c.kind IN ('created', 'updated') AND p.status = 'published' AND NOT p.demo
    WHERE (c.txid, c.id) > (${after.txid}::bigint, ${after.id}::bigint) AND c.txid < ${bound}::bigint
    ORDER BY c.txid, c.id
    LIMIT ${limit}`;
  const changes = rows.map((row): Change => {
    const change: Change = { type: TYPES[row.kind], id: row.place_id, date: new Date(row.at).toISOString() };
    if (row.fields) change.champs = row.fields;
    if (row.survivor) change.remplace_par = row.survivor;
    if (row.kind === 'created' || row.kind === 'updated') change.lieu = row.visible ? jsonRecord(row) : null;
    return change;
  });
  const last = rows[rows.length - 1];
  const next = last ? { txid: BigInt(last.position_txid), id: BigInt(last.position_id) } : after;
  if (rows.length === limit) return { changes, next, held: false };
  // A short page: are committed rows waiting behind a transaction still running (at or above the bound)?
  const from = next.txid > bound ? next.txid : bound;
  const [{ held }] = await db.$queryRaw<Array<{ held: boolean }>>`
    SELECT EXISTS (SELECT 1 FROM "PlaceChange" c WHERE c.txid >= ${from}::bigint AND (c.txid, c.id) > (${next.txid}::bigint, ${next.id}::bigint)) AS held`;
  return { changes, next, held };
}

/** Ids of places changed since a date (created or edited), for ?modifie_depuis: the feed's rows and, before them, the place's own date. */
export function changedSinceSql(since: Date): Prisma.Sql {
  return Prisma.sql`(p."updatedAt" >= ${since} OR p.id IN (SELECT c."placeId" FROM "PlaceChange" c WHERE c.at >= ${since} AND c.kind IN ('created', 'updated')))`;
}

/** Old rows go (keeping `days`); the pruning horizon moves so older cursors are told to resynchronise. */
export async function pruneChanges(db: Db, days: number): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ count: bigint }>>`
    WITH gone AS (DELETE FROM "PlaceChange" WHERE at < now() - make_interval(days => ${days}::int) RETURNING txid, id),
         last AS (SELECT txid, id FROM gone ORDER BY txid DESC, id DESC LIMIT 1),
         moved AS (UPDATE "ChangeFeedState" s SET "prunedTxid" = last.txid, "prunedId" = last.id FROM last
                   WHERE s.id = 1 AND (last.txid, last.id) > (s."prunedTxid", s."prunedId") RETURNING 1)
    SELECT count(*) AS count FROM gone`;
  return Number(row.count);
}
