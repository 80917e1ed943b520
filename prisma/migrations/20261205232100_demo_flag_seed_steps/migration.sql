-- Fictional places and accounts of the demonstration data set are flagged, so that the pages can
-- say so and the exports and the API can leave them out; SeedStep records the finished steps of
-- the first start's seed (real sources, communes, demonstration set) so that it can resume.
ALTER TABLE "Place" ADD COLUMN "demo" BOOLEAN NOT NULL DEFAULT false;

ALTER TABLE "User" ADD COLUMN "demo" BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE "SeedStep" (
    "name" TEXT NOT NULL,
    "doneAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "summary" JSONB,

    CONSTRAINT "SeedStep_pkey" PRIMARY KEY ("name")
);

-- A database seeded by an earlier version: its fictional places and its demo accounts (whose
-- passwords were in the repository) get the flag, so the exports leave them out and the start-up
-- guard sees the accounts.
UPDATE "Place" SET "demo" = true WHERE "sourceName" = 'demo';
UPDATE "User" SET "demo" = true
  WHERE "email" IN ('admin@reperes.example', 'coordination@cybanjou.example.org', 'editeur@tilleuls.example.org', 'coordination@hub-pdl.example.org');
