-- Hand-written (Prisma cannot express INCLUDE). The search's covering index: a published place's
-- position as the key, and every column the search filters, counts or sorts on beside it, so that
-- a radius (a latitude–longitude box, then the exact distance) and a national search read this
-- narrow index (about 450 bytes a place) with an index-only scan instead of the wide "Place" rows
-- (about 1.5 kB each, more than shared_buffers at 100,000 places): the slowest searches were those
-- heap reads (bench/README.md). Places without a position are in it too (national searches).
-- "openingHours" is not included: free text of any length could exceed a B-tree entry's limit;
-- availability searches read it from the row.
-- When you generate a later migration with `npm run db:migration`, remove any DROP INDEX it
-- proposes for this one.
CREATE INDEX "Place_search_idx" ON "Place" (latitude, longitude)
  INCLUDE (id, name, commune, services, fees, "supportModes", "accessModes", publics, "specificSupport", programmes, labels, typologies, itinerance, "openWeek", "timeZone")
  WHERE status = 'published';
