-- The change feed after a restore (lib/export/feed-reset.ts, run by lib/db/backup.ts). A restored
-- database brings back PlaceChange rows carrying the transaction ids of the cluster they were
-- written on, possibly far above this cluster's counter, and cursors issued before the restore
-- name positions that no longer mean anything. The restore renumbers the rows below every future
-- transaction and rotates the signing key; the keys it retired are kept so that a cursor they
-- signed is told "the feed was reset by a restore" (410) rather than "forged" (400).
ALTER TABLE "ChangeFeedState" ADD COLUMN "retiredKeys" BYTEA[] NOT NULL DEFAULT '{}';
-- When the feed was last reset by a restore (said in the refusal of an older cursor).
ALTER TABLE "ChangeFeedState" ADD COLUMN "resetAt" TIMESTAMPTZ;
-- A webhook harvester whose cursor was reset by a restore: the worker posts the notice (and mails
-- its contact) before any further change, then clears it.
ALTER TABLE "Harvester" ADD COLUMN "feedResetAt" TIMESTAMPTZ;
