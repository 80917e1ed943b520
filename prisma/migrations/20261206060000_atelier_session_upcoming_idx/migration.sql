-- Hand-written (Prisma cannot say a partial index with INCLUDE): the search's « Ateliers à venir »
-- filter (lib/search/ateliers.ts) reads the sessions starting in the next 30 days that are not
-- cancelled, and needs only their series. Partial on "cancelledAt" IS NULL and covering
-- "atelierId", the 30-day range is an index-only scan, whatever the number of past or cancelled
-- sessions; the per-place direction (a radius's few candidates) keeps using
-- "AtelierSession_atelierId_startsAt_key".
CREATE INDEX "AtelierSession_upcoming_idx" ON "AtelierSession" ("startsAt") INCLUDE ("atelierId") WHERE "cancelledAt" IS NULL;
