-- Indexes Prisma's schema language cannot express. When you generate a later migration with
-- `npm run db:migration`, remove any DROP INDEX / DROP FUNCTION it proposes for these.

CREATE EXTENSION IF NOT EXISTS cube WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS earthdistance WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;

-- ll_to_earth with every name schema-qualified, so that indexes on it survive pg_dump/pg_restore
-- (which run with an empty search_path) and the function stays inlinable.
CREATE OR REPLACE FUNCTION public.reperes_earth(lat double precision, lng double precision)
RETURNS public.earth
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS 'SELECT public.cube(public.cube(public.cube(public.earth() * cos(radians(lat)) * cos(radians(lng))), public.earth() * cos(radians(lat)) * sin(radians(lng))), public.earth() * sin(radians(lat)))::public.earth';

-- unaccent() is only STABLE (it reads a dictionary); this wrapper names the dictionary, so it can
-- be IMMUTABLE and used in expression indexes.
CREATE OR REPLACE FUNCTION public.reperes_fold(value text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS 'SELECT lower(public.unaccent(''public.unaccent''::regdictionary, value))';

-- Radius and nearest-first search.
CREATE INDEX "Place_earth_idx" ON "Place" USING gist (public.reperes_earth(latitude, longitude)) WHERE latitude IS NOT NULL AND longitude IS NOT NULL;
CREATE INDEX "PlaceStop_earth_idx" ON "PlaceStop" USING gist (public.reperes_earth(latitude, longitude));
CREATE INDEX "Commune_earth_idx" ON "Commune" USING gist (public.reperes_earth(latitude, longitude)) WHERE latitude IS NOT NULL AND longitude IS NOT NULL;

-- Accent-insensitive, typo-tolerant text search.
CREATE INDEX "Place_name_trgm_idx" ON "Place" USING gin (public.reperes_fold(name) gin_trgm_ops);
CREATE INDEX "Place_commune_trgm_idx" ON "Place" USING gin (public.reperes_fold(commune) gin_trgm_ops);
CREATE INDEX "Commune_name_trgm_idx" ON "Commune" USING gin (public.reperes_fold(name) gin_trgm_ops);

-- Filters on the standard's multi-valued lists.
CREATE INDEX "Place_services_gin" ON "Place" USING gin (services);
CREATE INDEX "Place_publics_gin" ON "Place" USING gin (publics);
CREATE INDEX "Place_specificSupport_gin" ON "Place" USING gin ("specificSupport");
CREATE INDEX "Place_fees_gin" ON "Place" USING gin (fees);
CREATE INDEX "Place_programmes_gin" ON "Place" USING gin (programmes);
CREATE INDEX "Place_labels_gin" ON "Place" USING gin (labels);
CREATE INDEX "Place_accessModes_gin" ON "Place" USING gin ("accessModes");
CREATE INDEX "Place_supportModes_gin" ON "Place" USING gin ("supportModes");
CREATE INDEX "Place_typologies_gin" ON "Place" USING gin (typologies);
CREATE INDEX "Place_itinerance_gin" ON "Place" USING gin (itinerance);
