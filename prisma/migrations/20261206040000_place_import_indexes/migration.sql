-- Fewer, cheaper indexes on "Place": every imported or edited place maintains each of them, and
-- their upkeep was most of PostgreSQL's cost per imported row (bench/README.md, "The import").
-- Checked against every query that reads "Place" (lib/search/query.ts and facets.ts, lib/places/*,
-- lib/coverage, lib/export/api.ts, lib/networks, lib/geo, lib/import/*), by pg_stat_user_indexes
-- after 200 distinct searches on 20,000 synthetic places and by EXPLAIN of each shape:
-- * "Place_itinerance_gin": no plan can use it. The only condition on "itinerance" is the search's
--   'Itinérant' = ANY(p.itinerance), which a GIN array index does not serve (a sequential or
--   covering-index scan even with enable_seqscan off); no query uses && or @> on it.
-- * "Place_commune_trgm_idx" (trigram GIN): nothing searches communes by similarity or LIKE; its
--   only use was the equality reperes_fold(p.commune) = reperes_fold($1) of the possible duplicates
--   of a new place (lib/places/create.ts), which a B-tree on the same expression serves for a
--   fraction of the upkeep (the plan's BitmapOr with the postcode index stays).
-- * "Place_postcode_idx": "Place_postcode_sourceName_idx" begins with postcode and serves every
--   lookup by postcode alone.
-- The nine other list GIN indexes stay: national searches on a selective value (a programme, a
-- label, a public…) are bitmap scans of them; so do the trigram index on names, the earth GiST
-- (place pages' nearby places, the API, coverage, the import's matching) and "Place_search_idx".
DROP INDEX IF EXISTS "Place_itinerance_gin";
DROP INDEX IF EXISTS "Place_commune_trgm_idx";
DROP INDEX IF EXISTS "Place_postcode_idx";
CREATE INDEX "Place_commune_fold_idx" ON "Place" (public.reperes_fold(commune));
