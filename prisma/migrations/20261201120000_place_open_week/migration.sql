-- Hand-written (Prisma cannot express multiranges or triggers). Each place's weekly opening slots
-- (PlaceOpeningSlot, its own hours and its stops'), as one multirange of minutes of the week in
-- the place's local time: ISO weekday 1–7 → (weekday − 1) × 1440 + minute. "Open now" is then a
-- test on the row the radius scan has already read (`"openWeek" @> minute`) instead of an index
-- lookup per candidate in PlaceOpeningSlot.
-- PlaceOpeningSlot stays the source: statement triggers recompute the column of every place whose
-- slots a statement touched, whoever writes them (editor, import, seed, psql).
ALTER TABLE "Place" ADD COLUMN "openWeek" int4multirange;

-- A statement that touched no slot updates nothing (and so notifies nothing, see
-- 20261201090000_public_data_notify).
CREATE OR REPLACE FUNCTION reperes_refresh_open_week(place_ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(place_ids) = 0 THEN
    RETURN;
  END IF;
  UPDATE "Place" p SET "openWeek" = w.open_week
  FROM (
    SELECT ids.id, (
      SELECT range_agg(int4range((o.weekday - 1) * 1440 + o."startMinute", (o.weekday - 1) * 1440 + o."endMinute"))
      FROM "PlaceOpeningSlot" o WHERE o."placeId" = ids.id AND o."endMinute" > o."startMinute"
    ) AS open_week
    FROM unnest(place_ids) AS ids(id)
  ) w
  WHERE p.id = w.id AND p."openWeek" IS DISTINCT FROM w.open_week;
END;
$$;

-- The places whose slots a statement inserted, deleted or updated (its transition tables: PL/pgSQL
-- plans a statement when it first runs it, so each branch only reads the tables its event has).
CREATE OR REPLACE FUNCTION reperes_open_week_after_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM reperes_refresh_open_week(ARRAY(SELECT DISTINCT "placeId" FROM new_slots));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM reperes_refresh_open_week(ARRAY(SELECT DISTINCT "placeId" FROM old_slots));
  ELSE
    PERFORM reperes_refresh_open_week(ARRAY(SELECT "placeId" FROM new_slots UNION SELECT "placeId" FROM old_slots));
  END IF;
  RETURN NULL;
END;
$$;

-- One trigger per event: PostgreSQL allows transition tables only on single-event triggers.
CREATE TRIGGER reperes_open_week_insert AFTER INSERT ON "PlaceOpeningSlot"
  REFERENCING NEW TABLE AS new_slots FOR EACH STATEMENT EXECUTE FUNCTION reperes_open_week_after_change();
CREATE TRIGGER reperes_open_week_delete AFTER DELETE ON "PlaceOpeningSlot"
  REFERENCING OLD TABLE AS old_slots FOR EACH STATEMENT EXECUTE FUNCTION reperes_open_week_after_change();
CREATE TRIGGER reperes_open_week_update AFTER UPDATE ON "PlaceOpeningSlot"
  REFERENCING OLD TABLE AS old_slots NEW TABLE AS new_slots FOR EACH STATEMENT EXECUTE FUNCTION reperes_open_week_after_change();

-- TRUNCATE has no transition table: every place loses its slots.
CREATE OR REPLACE FUNCTION reperes_open_week_after_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "Place" WHERE "openWeek" IS NOT NULL) THEN
    UPDATE "Place" SET "openWeek" = NULL WHERE "openWeek" IS NOT NULL;
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER reperes_open_week_truncate AFTER TRUNCATE ON "PlaceOpeningSlot"
  FOR EACH STATEMENT EXECUTE FUNCTION reperes_open_week_after_truncate();

-- The places that already have slots.
SELECT reperes_refresh_open_week(ARRAY(SELECT DISTINCT "placeId" FROM "PlaceOpeningSlot"));
