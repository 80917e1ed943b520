-- Unmet demand without personal data (issue #22): one aggregate row per week, commune searched,
-- set of needs, set of filters (the standard's closed lists only) and radius band, with how many
-- searches it counts and, for 5, 10 and 20 km, how many of them found no place, 1–2 places, 3 or
-- more. No address, no free text, no IP, no identifier, no time finer than the week's Monday.
-- Written in batches by lib/demand/buffer.ts (ON CONFLICT … DO UPDATE adds the counters), so the
-- table grows with the keys (bounded per commune and week: lib/demand/flush.ts), not with traffic.
-- Not a public-data table: no NOTIFY trigger (a flush every few seconds would empty every page
-- cache); a page showing it is at most a minute old, on weekly figures.
CREATE TABLE "SearchDemand" (
  "week" DATE NOT NULL,
  "inseeCode" TEXT NOT NULL,
  "departement" TEXT NOT NULL,
  "needs" TEXT NOT NULL,
  "filters" TEXT NOT NULL,
  "radiusBand" SMALLINT NOT NULL,
  "searches" INTEGER NOT NULL DEFAULT 0,
  "none5" INTEGER NOT NULL DEFAULT 0,
  "few5" INTEGER NOT NULL DEFAULT 0,
  "many5" INTEGER NOT NULL DEFAULT 0,
  "none10" INTEGER NOT NULL DEFAULT 0,
  "few10" INTEGER NOT NULL DEFAULT 0,
  "many10" INTEGER NOT NULL DEFAULT 0,
  "none20" INTEGER NOT NULL DEFAULT 0,
  "few20" INTEGER NOT NULL DEFAULT 0,
  "many20" INTEGER NOT NULL DEFAULT 0,
  CONSTRAINT "SearchDemand_pkey" PRIMARY KEY ("week", "inseeCode", "needs", "filters", "radiusBand"),
  CONSTRAINT "SearchDemand_week_monday" CHECK (extract(isodow FROM "week") = 1),
  CONSTRAINT "SearchDemand_insee" CHECK ("inseeCode" ~ '^[0-9][0-9AB][0-9]{3}$'),
  CONSTRAINT "SearchDemand_band" CHECK ("radiusBand" IN (2, 5, 10, 20))
);
-- Read by week (the CSV, the compaction of a week that is over: lib/demand/flush.ts), on the key's
-- first column; the pages read the rollup below.

-- The pages' rollup of the same counts (lib/demand/read.ts), written in the same transaction: per
-- week and commune (need '#': all its searches) and per week, département and need (inseeCode
-- ''; need '' a search without one, '*' the merged keys of a full buffer). A département's year
-- is then a few tens of thousands of rows, whatever the number of distinct keys. Bounded by weeks
-- × (communes + départements × needs). "measured" counts the searches whose radius (or 3 places
-- nearer) decided that distance.
CREATE TABLE "SearchDemandRollup" (
  "departement" TEXT NOT NULL,
  "week" DATE NOT NULL,
  "inseeCode" TEXT NOT NULL,
  "need" TEXT NOT NULL,
  "searches" INTEGER NOT NULL DEFAULT 0,
  "none5" INTEGER NOT NULL DEFAULT 0,
  "measured5" INTEGER NOT NULL DEFAULT 0,
  "none10" INTEGER NOT NULL DEFAULT 0,
  "measured10" INTEGER NOT NULL DEFAULT 0,
  "none20" INTEGER NOT NULL DEFAULT 0,
  "measured20" INTEGER NOT NULL DEFAULT 0,
  CONSTRAINT "SearchDemandRollup_pkey" PRIMARY KEY ("departement", "week", "inseeCode", "need")
);
