-- Hand-written. The open-week refresh (20261201120000_place_open_week) joined "Place" to the
-- unnested ids; when the table's statistics lag behind (a first import, autovacuum not yet run),
-- the planner hashed every place for each statement that wrote slots: 700 ms per batch of 500 at
-- 100,000 places, most of an import's PostgreSQL time at that size. `p.id = ANY(place_ids)` lets
-- it read only those places through the primary key whatever the statistics say (the unique key
-- bounds the estimate). Same result: the same rows updated with the same values.
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
  WHERE p.id = ANY(place_ids) AND p.id = w.id AND p."openWeek" IS DISTINCT FROM w.open_week;
END;
$$;
