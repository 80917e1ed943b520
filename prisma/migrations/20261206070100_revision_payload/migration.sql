-- An editor's atelier at a place whose network reviews its editors' ateliers (a network's choice,
-- off by default: ateliers are announced days ahead, a queue would delay them) waits as a pending line of the
-- place's history; the form's fields are kept here until a coordinator approves (issue #19).
ALTER TABLE "PlaceRevision" ADD COLUMN "payload" JSONB;
ALTER TABLE "Network" ADD COLUMN "reviewAteliers" BOOLEAN NOT NULL DEFAULT false;
