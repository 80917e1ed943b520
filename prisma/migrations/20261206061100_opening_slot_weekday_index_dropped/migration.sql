-- "PlaceOpeningSlot_weekday_startMinute_endMinute_idx" served the first "open at" searches, which
-- read the slots; the search now reads each place's "openWeek" (20261201120000_place_open_week,
-- lib/search/availability.ts) and no query filters slots by weekday and time any more: the only
-- readers of "PlaceOpeningSlot" look a place's slots up by "placeId" (place pages, the Saturday
-- filter of lib/coverage and lib/networks/public.ts: EXISTS (… o."placeId" = p.id AND o.weekday = 6),
-- served by "PlaceOpeningSlot_placeId_idx"). Every imported place writes about six slots, each
-- maintaining this index (4.9 MB at 100,000 places): the import's second most costly statement.
DROP INDEX IF EXISTS "PlaceOpeningSlot_weekday_startMinute_endMinute_idx";
