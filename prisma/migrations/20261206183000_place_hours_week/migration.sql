-- Hand-written (Prisma cannot express multiranges or triggers). A place's own weekly hours become a
-- column of the place, "hoursWeek" (minutes of the week, as "openWeek": ISO weekday 1–7 →
-- (weekday − 1) × 1440 + minute); PlaceOpeningSlot keeps only its stops' slots. Until now every
-- place had six to eight slot rows of its own, each with its foreign-key check, two index entries
-- and the statement trigger recomputing "openWeek": at 100,000 places, 580,000 rows and about a
-- third of an import's database time (bench/README.md, 2026-12-06), for a value the place's own
-- hours already give.
-- "openWeek" stays what the search reads: the place's hours and its stops', kept by triggers
-- whoever writes them (the import, the back-office, a restore, psql).
ALTER TABLE "Place" ADD COLUMN "hoursWeek" int4multirange;

UPDATE "Place" p SET "hoursWeek" = s.week
FROM (
  SELECT "placeId", range_agg(int4range((weekday - 1) * 1440 + "startMinute", (weekday - 1) * 1440 + "endMinute")) AS week
  FROM "PlaceOpeningSlot" WHERE "stopId" IS NULL AND "endMinute" > "startMinute" GROUP BY "placeId"
) s
WHERE p.id = s."placeId";

-- A place's week: its own hours and its stops' slots (NULL when it has neither).
CREATE OR REPLACE FUNCTION reperes_open_week_of(place_id uuid, hours int4multirange) RETURNS int4multirange
LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN s.week IS NULL THEN hours WHEN hours IS NULL THEN s.week ELSE hours + s.week END
  FROM (
    SELECT range_agg(int4range((o.weekday - 1) * 1440 + o."startMinute", (o.weekday - 1) * 1440 + o."endMinute")) AS week
    FROM "PlaceOpeningSlot" o WHERE o."placeId" = place_id AND o."endMinute" > o."startMinute"
  ) s
$$;

CREATE OR REPLACE FUNCTION reperes_refresh_open_week(place_ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(place_ids) = 0 THEN
    RETURN;
  END IF;
  UPDATE "Place" p SET "openWeek" = reperes_open_week_of(p.id, p."hoursWeek")
  WHERE p.id = ANY(place_ids) AND p."openWeek" IS DISTINCT FROM reperes_open_week_of(p.id, p."hoursWeek");
END;
$$;

CREATE OR REPLACE FUNCTION reperes_open_week_after_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Place" SET "openWeek" = "hoursWeek" WHERE "openWeek" IS DISTINCT FROM "hoursWeek";
  RETURN NULL;
END;
$$;

-- On the place itself: a new place has no stops yet, so its week is its hours (the import writes
-- both, equal, and the trigger's condition spares it the call); a change of its hours, or a write
-- of "openWeek" by hand, recomputes the week from the hours and the stops.
CREATE OR REPLACE FUNCTION reperes_place_open_week() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW."openWeek" := NEW."hoursWeek";
  ELSE
    NEW."openWeek" := reperes_open_week_of(NEW.id, NEW."hoursWeek");
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER reperes_place_open_week_insert BEFORE INSERT ON "Place"
  FOR EACH ROW WHEN (NEW."openWeek" IS DISTINCT FROM NEW."hoursWeek") EXECUTE FUNCTION reperes_place_open_week();
CREATE TRIGGER reperes_place_open_week_update BEFORE UPDATE OF "hoursWeek", "openWeek" ON "Place"
  FOR EACH ROW WHEN (NEW."hoursWeek" IS DISTINCT FROM OLD."hoursWeek" OR NEW."openWeek" IS DISTINCT FROM OLD."openWeek")
  EXECUTE FUNCTION reperes_place_open_week();

-- The places' own slots are gone (the delete trigger recomputes each week: the same, from "hoursWeek"),
-- and none can come back.
DELETE FROM "PlaceOpeningSlot" WHERE "stopId" IS NULL;
ALTER TABLE "PlaceOpeningSlot" ADD CONSTRAINT "PlaceOpeningSlot_stop_check" CHECK ("stopId" IS NOT NULL);
