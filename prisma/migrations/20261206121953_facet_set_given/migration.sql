-- Hand-written (a trigger's function). Issue #17: the facet set's trigger (migration
-- 20261206085000_facet_sets) computed, for every place written, the md5 of its ten lists written
-- out as text, then looked the set up by that key: about 10 to 25 µs of the 130 to 175 µs of
-- PostgreSQL's CPU that inserting an imported place costs (bench/import-child.ts, 2026-12-06).
--
-- A writer may now give the place's "facetSetId": the import upserts a batch's few distinct sets
-- in two statements (lib/import/facet-sets.ts). The trigger then checks that this set holds
-- exactly the place's lists (a lookup by primary key and ten array comparisons) instead of
-- computing the key. Anything else (no id, a wrong one, lists changed under the place's old id)
-- goes the way it went: the lists decide, and a wrong id given is put right.

CREATE OR REPLACE FUNCTION reperes_place_facet_set() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  set_key text;
  set_id integer;
BEGIN
  -- The set given with the place holds exactly its lists: nothing to compute.
  IF NEW."facetSetId" IS NOT NULL AND EXISTS (
    SELECT 1 FROM "FacetSet" s WHERE s.id = NEW."facetSetId"
      AND s.services IS NOT DISTINCT FROM NEW.services
      AND s.fees IS NOT DISTINCT FROM NEW.fees
      AND s."supportModes" IS NOT DISTINCT FROM NEW."supportModes"
      AND s."accessModes" IS NOT DISTINCT FROM NEW."accessModes"
      AND s.publics IS NOT DISTINCT FROM NEW.publics
      AND s."specificSupport" IS NOT DISTINCT FROM NEW."specificSupport"
      AND s.programmes IS NOT DISTINCT FROM NEW.programmes
      AND s.typologies IS NOT DISTINCT FROM NEW.typologies
      AND s.labels IS NOT DISTINCT FROM NEW.labels
      AND s.itinerance IS NOT DISTINCT FROM NEW.itinerance
  ) THEN
    RETURN NEW;
  END IF;
  set_key := reperes_facet_set_key(NEW);
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
