// The change feed after a restore (lib/db/backup.ts runs this in the restore's own transaction).
//
// A restore brings back PlaceChange rows with the transaction ids of the cluster that wrote them.
// Restored into another cluster (a new server, the embedded PostgreSQL of `npm start`, a fresh CI
// machine), whose counter may be far lower, every new change would sort before them: a cursor
// from before the restore would never see the new changes, and even a reader from the start would
// read new before old. And a harvester's copy may hold changes the restore undid.
//
// So, after the rows are back:
// 1. the restored rows are renumbered (txid 0, ids in their old (txid, id) order): they sort
//    before every future transaction, and readers serve them (their bound, the oldest running
//    transaction, is always above 0);
// 2. the signing key is rotated; the keys it replaces (the backup's and the overwritten
//    database's) are kept in `retiredKeys`, so a cursor signed before the restore is answered 410
//    `curseur_reinitialise` with the way to resynchronise, not 400 "forged". App processes read
//    the key with every cursor they check or issue (lib/export/changes.ts): none keeps the old one;
// 3. every webhook harvester's cursor moves to the present, with `feedResetAt` set: the worker
//    posts the reset notice and mails the contact before any further change (lib/harvesters/deliver.ts).
import { randomBytes } from 'node:crypto';
import type pg from 'pg';

type Client = Pick<pg.Client, 'query'>;

/** How many retired keys are kept (a cursor older than that many restores is refused as forged). */
export const RETIRED_KEYS_KEPT = 20;

function hexBytes(value: unknown): Buffer | null {
  return typeof value === 'string' && value.startsWith('\\x') ? Buffer.from(value.slice(2), 'hex') : null;
}

/** The feed's signing keys (current, then retired) in a database, none when it has no feed yet. */
export async function feedKeys(client: Client): Promise<Buffer[]> {
  const [{ t }] = (await client.query(`SELECT to_regclass('public."ChangeFeedState"') IS NOT NULL AS t`)).rows;
  if (!t) return [];
  // to_jsonb: the schema may predate retiredKeys (a backup restored onto an older database is refused, not this).
  const rows = (await client.query(`SELECT to_jsonb(s) AS row FROM "ChangeFeedState" s WHERE id = 1`)).rows as Array<{ row: Record<string, unknown> }>;
  if (!rows.length) return [];
  const { signingKey, retiredKeys } = rows[0].row;
  return [hexBytes(signingKey), ...(Array.isArray(retiredKeys) ? retiredKeys.map(hexBytes) : [])].filter((k): k is Buffer => k !== null);
}

/**
 * Resets the feed of a database whose rows were just restored (see above). `previousKeys`: the
 * keys of the database the restore overwrote (`feedKeys` before it). Returns how many feed rows
 * were renumbered and harvesters reset.
 */
export async function resetChangeFeed(client: Client, previousKeys: Buffer[]): Promise<{ changes: number; harvesters: number }> {
  const [{ ready }] = (
    await client.query(`SELECT count(*) = 2 AS ready FROM information_schema.columns
      WHERE table_schema = 'public' AND (table_name, column_name) IN (('ChangeFeedState', 'retiredKeys'), ('Harvester', 'feedResetAt'))`)
  ).rows;
  if (!ready)
    throw new Error(
      'La sauvegarde restaurée précède la migration 20261206123900_change_feed_restore : lancez `npm run db:migrate`, puis `npm run db:feed-reset` pour réinitialiser le flux de changements.',
    );
  // 1. Renumbered in their order, above the highest id (the primary key is checked row by row: no collision on the way).
  const renumbered = await client.query(`
    WITH top AS (SELECT coalesce(max(id), 0) AS top FROM "PlaceChange"),
         ranked AS (SELECT id, row_number() OVER (ORDER BY txid, id) AS rn FROM "PlaceChange")
    UPDATE "PlaceChange" c SET id = top.top + ranked.rn, txid = 0 FROM ranked, top WHERE c.id = ranked.id`);
  await client.query(`SELECT setval(pg_get_serial_sequence('"PlaceChange"', 'id'), coalesce(max(id), 0) + 1, false) FROM "PlaceChange"`);

  // 2. A new key; the backup's and the overwritten database's retired, newest first, without repeats.
  const retired: Buffer[] = [];
  for (const key of [...(await feedKeys(client)), ...previousKeys]) if (!retired.some((k) => k.equals(key))) retired.push(key);
  await client.query(
    `INSERT INTO "ChangeFeedState" (id, "signingKey", "retiredKeys", "resetAt", "prunedTxid", "prunedId") VALUES (1, $1, $2, now(), 0, 0)
     ON CONFLICT (id) DO UPDATE SET "signingKey" = $1, "retiredKeys" = $2, "resetAt" = now(), "prunedTxid" = 0, "prunedId" = 0`,
    [randomBytes(32), retired.slice(0, RETIRED_KEYS_KEPT)],
  );

  // 3. Webhooks: from the present on, after the notice.
  const harvesters = await client.query(`
    UPDATE "Harvester" SET "cursorTxid" = pg_snapshot_xmin(pg_current_snapshot())::text::bigint, "cursorId" = 0, "feedResetAt" = now(),
                           "nextAttemptAt" = now(), attempts = 0, "failingSince" = NULL, "lastError" = NULL`);
  return { changes: renumbered.rowCount ?? 0, harvesters: harvesters.rowCount ?? 0 };
}
