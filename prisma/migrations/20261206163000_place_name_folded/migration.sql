-- A place's name folded (lower case, accents removed: reperes_fold) kept beside it. A name search
-- matched and ranked every candidate on reperes_fold(name), computed again for each row of each
-- search: for a common word ("Services", "Médiathèque": a fifth of 100,000 places) about 2 µs a row
-- to match and as much again to rank, and the heap of every match read — 230 ms of PostgreSQL's
-- CPU for one search, the longest of the search's tail (bench/README.md, issue #17). Stored, it is
-- computed once when the name is written; the trigram index reads the column, and the national
-- index holds it, so that a common word is matched on the index alone.
ALTER TABLE "Place" ADD COLUMN "nameFolded" text GENERATED ALWAYS AS (public.reperes_fold(name)) STORED;

DROP INDEX IF EXISTS "Place_name_trgm_idx";
CREATE INDEX "Place_name_trgm_idx" ON "Place" USING gin ("nameFolded" gin_trgm_ops);

DROP INDEX IF EXISTS "Place_national_idx";
CREATE INDEX "Place_national_idx" ON "Place" (commune, name) INCLUDE (id, "facetSetId", "nameFolded") WHERE status = 'published';
