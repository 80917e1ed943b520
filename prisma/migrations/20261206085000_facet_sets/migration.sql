-- Hand-written (a trigger, and an index with INCLUDE). Issue #17: the national searches were 13 % of
-- the searches but two thirds of PostgreSQL's time, grouping up to 55,000 places by their nine list
-- columns to count the facets, and scanning them twice more for the page and the count.
--
-- Places share few distinct combinations of their lists (141 among 100,000 realistic places; 18
-- service sets in the real sources). Each distinct combination is a row of "FacetSet", and each
-- place points to its own through "facetSetId", kept by a trigger whatever writes the place (the
-- editor, imports, merges, campaigns, raw SQL in tests). A search then:
--   * filters a list by the sets that match it (a few hundred rows) instead of each place's array;
--   * counts its facets by grouping an integer, then reading the lists of the few sets it found.
-- The covering index of the search shrinks from every list (about 450 bytes a place) to one
-- integer, and the list GIN indexes the search used are no longer needed: importing a place
-- maintained each of them (bench/README.md, "The import"). "Place_services_gin" stays: the place
-- page's nearby places and the coverage filter read "services" directly.
-- A set's lists never change (its key is their fingerprint): a set is only ever added.
CREATE TABLE "FacetSet" (
  id serial PRIMARY KEY,
  key text NOT NULL UNIQUE,
  services "Service"[],
  fees "FraisACharge"[],
  "supportModes" "ModaliteAccompagnement"[],
  "accessModes" "ModaliteAcces"[],
  publics "PublicSpecifiquementAdresse"[],
  "specificSupport" "PriseEnChargeSpecifique"[],
  programmes "DispositifProgrammeNational"[],
  typologies "Typologie"[],
  labels "FormationLabel"[],
  itinerance "Itinerance"[]
);

ALTER TABLE "Place" ADD COLUMN "facetSetId" integer;

CREATE FUNCTION reperes_facet_set_key(p "Place") RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT md5(ROW(p.services, p.fees, p."supportModes", p."accessModes", p.publics, p."specificSupport", p.programmes, p.typologies, p.labels, p.itinerance)::text)
$$;

CREATE FUNCTION reperes_place_facet_set() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  set_key text := reperes_facet_set_key(NEW);
  set_id integer;
BEGIN
  SELECT id INTO set_id FROM "FacetSet" WHERE key = set_key;
  IF set_id IS NULL THEN
    INSERT INTO "FacetSet" (key, services, fees, "supportModes", "accessModes", publics, "specificSupport", programmes, typologies, labels, itinerance)
    VALUES (set_key, NEW.services, NEW.fees, NEW."supportModes", NEW."accessModes", NEW.publics, NEW."specificSupport", NEW.programmes, NEW.typologies, NEW.labels, NEW.itinerance)
    ON CONFLICT (key) DO NOTHING
    RETURNING id INTO set_id;
    -- Another transaction added the same set meanwhile: it has committed (ON CONFLICT waited), read it.
    IF set_id IS NULL THEN
      SELECT id INTO set_id FROM "FacetSet" WHERE key = set_key;
    END IF;
  END IF;
  NEW."facetSetId" := set_id;
  RETURN NEW;
END
$$;

CREATE TRIGGER reperes_place_facet_set
  BEFORE INSERT OR UPDATE OF services, fees, "supportModes", "accessModes", publics, "specificSupport", programmes, typologies, labels, itinerance, "facetSetId"
  ON "Place" FOR EACH ROW EXECUTE FUNCTION reperes_place_facet_set();

INSERT INTO "FacetSet" (key, services, fees, "supportModes", "accessModes", publics, "specificSupport", programmes, typologies, labels, itinerance)
SELECT DISTINCT ON (reperes_facet_set_key(p)) reperes_facet_set_key(p), p.services, p.fees, p."supportModes", p."accessModes", p.publics, p."specificSupport", p.programmes, p.typologies, p.labels, p.itinerance
FROM "Place" p;

-- The trigger would recompute each row's key: set the ids directly, with it disabled for the statement.
ALTER TABLE "Place" DISABLE TRIGGER reperes_place_facet_set;
UPDATE "Place" p SET "facetSetId" = s.id FROM "FacetSet" s WHERE s.key = reperes_facet_set_key(p);
ALTER TABLE "Place" ENABLE TRIGGER reperes_place_facet_set;
-- A real reference: a backup restores the sets before the places (lib/db/backup.ts orders tables by their references).
ALTER TABLE "Place" ADD CONSTRAINT "Place_facetSetId_fkey" FOREIGN KEY ("facetSetId") REFERENCES "FacetSet"(id) ON DELETE RESTRICT ON UPDATE CASCADE;

-- When you generate a later migration with `npm run db:migration`, remove any DROP or CREATE it
-- proposes for these indexes, the table's key or the trigger.
DROP INDEX "Place_search_idx";
CREATE INDEX "Place_search_idx" ON "Place" (latitude, longitude)
  INCLUDE (id, name, commune, "facetSetId", "openWeek", "timeZone")
  WHERE status = 'published';

-- National searches (no place typed) read these two instead of every published place's row:
-- their facets and count group the sets' index ("Place_facet_set_idx", 4 bytes a place), their
-- page walks the places in the page's order ("Place_national_idx") until enough match. The search
-- gives PostgreSQL the matching sets' ids, and the statistics of every set (there are far fewer than
-- 1,000), so that it chooses between them from the actual share of places those sets hold
-- (lib/search/query.ts, matchingFacetSets).
CREATE INDEX "Place_facet_set_idx" ON "Place" ("facetSetId") WHERE status = 'published';
CREATE INDEX "Place_national_idx" ON "Place" (commune, name) INCLUDE (id, "facetSetId") WHERE status = 'published';
ALTER TABLE "Place" ALTER COLUMN "facetSetId" SET STATISTICS 1000;

DROP INDEX IF EXISTS "Place_publics_gin";
DROP INDEX IF EXISTS "Place_specificSupport_gin";
DROP INDEX IF EXISTS "Place_fees_gin";
DROP INDEX IF EXISTS "Place_programmes_gin";
DROP INDEX IF EXISTS "Place_labels_gin";
DROP INDEX IF EXISTS "Place_accessModes_gin";
DROP INDEX IF EXISTS "Place_supportModes_gin";
DROP INDEX IF EXISTS "Place_typologies_gin";
