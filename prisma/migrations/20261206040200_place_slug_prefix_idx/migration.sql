-- Hand-written: an import gives a new place the first free slug among "base", "base-2", "base-3"…
-- (lib/import/batch.ts, takenSlugs). Finding the numbered variants of a batch's bases with
-- `slug LIKE ANY(patterns)` read the whole table (the unique slug index uses the database's
-- collation, which cannot serve a prefix): 95 ms per batch at 100,000 places, in most batches.
-- With text_pattern_ops the prefix range "base-" ≤ slug < "base." is an index range scan.
CREATE INDEX "Place_slug_prefix_idx" ON "Place" (slug text_pattern_ops);
