-- The change feed of published data (issue #22): every change that a harvester of the export must
-- apply, written by a trigger in the same transaction as the change itself, whoever writes
-- (back-office, imports, merges, campaigns, scripts).
--
-- Order and cursor: a row carries the id of the transaction that wrote it (`txid`, the xid8 of
-- pg_current_xact_id() as a bigint) and a serial `id`. Readers take rows in (txid, id) order and
-- only those whose transaction is older than the oldest one still running
-- (pg_snapshot_xmin(pg_current_snapshot())): every row that can still appear later belongs to a
-- transaction at or above that bound, hence after any cursor already served. A serial alone
-- would not do: a transaction holding a lower id can commit after a reader has passed a higher one.

-- The survivor of a merge (lib/import/merge.ts): the loser's tombstone in the feed names it.
ALTER TABLE "Place" ADD COLUMN "mergedIntoId" UUID;
-- Who verified date_maj, never a person: 'reseau' (confirmedBy is the network's name), 'lieu' (the
-- place itself: its editor, or its contact answering a campaign), 'equipe' (Repères's administrators).
ALTER TABLE "Place" ADD COLUMN "confirmedByKind" TEXT CHECK ("confirmedByKind" IN ('reseau', 'lieu', 'equipe'));

-- Existing attributions: a network's name stays the network; a campaign contact's is the place;
-- anything else was a person's name or email and is replaced by the place's first network (by name), or nothing.
UPDATE "Place" p SET "confirmedByKind" = 'reseau' WHERE EXISTS (SELECT 1 FROM "Network" n WHERE n.name = p."confirmedBy");
UPDATE "Place" p SET "confirmedByKind" = 'lieu', "confirmedBy" = NULL WHERE p."confirmedByKind" IS NULL AND p."confirmedBy" LIKE 'Contact du lieu%';
UPDATE "Place" p SET "confirmedBy" = (SELECT n.name FROM "NetworkMembership" m JOIN "Network" n ON n.id = m."networkId" WHERE m."placeId" = p.id ORDER BY n.name LIMIT 1),
                     "confirmedByKind" = CASE WHEN EXISTS (SELECT 1 FROM "NetworkMembership" m WHERE m."placeId" = p.id) THEN 'reseau' END
  WHERE p."confirmedByKind" IS NULL AND p."confirmedBy" IS NOT NULL;

CREATE TABLE "PlaceChange" (
  "id" BIGSERIAL PRIMARY KEY,
  "txid" BIGINT NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
  "placeId" UUID NOT NULL,
  -- created: now in the export; updated: still in it, `fields` changed; removed: left it (unpublished,
  -- archived, deleted); merged: left it, merged into `survivorId`
  "kind" TEXT NOT NULL CHECK ("kind" IN ('created', 'updated', 'removed', 'merged')),
  "fields" TEXT[],
  "survivorId" UUID,
  "at" TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX "PlaceChange_position_idx" ON "PlaceChange" ("txid", "id");
CREATE INDEX "PlaceChange_at_idx" ON "PlaceChange" ("at");

-- The feed's own state: the key that signs its cursors (random, made here, never leaves the
-- database) and the position up to which old rows were pruned (a cursor before it is too old).
CREATE TABLE "ChangeFeedState" (
  "id" INT PRIMARY KEY CHECK ("id" = 1),
  "signingKey" BYTEA NOT NULL,
  "prunedTxid" BIGINT NOT NULL DEFAULT 0,
  "prunedId" BIGINT NOT NULL DEFAULT 0
);
INSERT INTO "ChangeFeedState" ("id", "signingKey") VALUES (1, decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'));

-- One row per change of a place as the export shows it; `fields` names the changed columns by the
-- standard's names (and the API's: verification, position_approximative), compared one by one.
CREATE FUNCTION reperes_place_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  was BOOLEAN := false;
  now_in BOOLEAN := false;
  changed TEXT[] := '{}';
BEGIN
  IF TG_OP <> 'INSERT' THEN was := OLD.status = 'published' AND NOT OLD.demo; END IF;
  IF TG_OP <> 'DELETE' THEN now_in := NEW.status = 'published' AND NOT NEW.demo; END IF;
  IF now_in AND NOT was THEN
    INSERT INTO "PlaceChange" ("placeId", "kind") VALUES (NEW.id, 'created');
  ELSIF was AND NOT now_in THEN
    IF TG_OP = 'UPDATE' AND NEW."mergedIntoId" IS NOT NULL THEN
      INSERT INTO "PlaceChange" ("placeId", "kind", "survivorId") VALUES (OLD.id, 'merged', NEW."mergedIntoId");
    ELSE
      INSERT INTO "PlaceChange" ("placeId", "kind") VALUES (OLD.id, 'removed');
    END IF;
  ELSIF was AND now_in THEN
    IF NEW.street IS DISTINCT FROM OLD.street THEN changed := changed || 'adresse'::text; END IF;
    IF NEW."otherLabels" IS DISTINCT FROM OLD."otherLabels" THEN changed := changed || 'autres_formations_labels'::text; END IF;
    IF NEW."inseeCode" IS DISTINCT FROM OLD."inseeCode" THEN changed := changed || 'code_insee'::text; END IF;
    IF NEW.postcode IS DISTINCT FROM OLD.postcode THEN changed := changed || 'code_postal'::text; END IF;
    IF NEW.commune IS DISTINCT FROM OLD.commune THEN changed := changed || 'commune'::text; END IF;
    IF NEW."addressComplement" IS DISTINCT FROM OLD."addressComplement" THEN changed := changed || 'complement_adresse'::text; END IF;
    IF NEW.emails IS DISTINCT FROM OLD.emails THEN changed := changed || 'courriels'::text; END IF;
    IF NEW."dateMaj" IS DISTINCT FROM OLD."dateMaj" THEN changed := changed || 'date_maj'::text; END IF;
    IF NEW.programmes IS DISTINCT FROM OLD.programmes THEN changed := changed || 'dispositif_programmes_nationaux'::text; END IF;
    IF NEW."accesLibreUrl" IS DISTINCT FROM OLD."accesLibreUrl" THEN changed := changed || 'fiche_acces_libre'::text; END IF;
    IF NEW.labels IS DISTINCT FROM OLD.labels THEN changed := changed || 'formations_labels'::text; END IF;
    IF NEW.fees IS DISTINCT FROM OLD.fees THEN changed := changed || 'frais_a_charge'::text; END IF;
    IF NEW."openingHours" IS DISTINCT FROM OLD."openingHours" THEN changed := changed || 'horaires'::text; END IF;
    IF NEW.itinerance IS DISTINCT FROM OLD.itinerance THEN changed := changed || 'itinerance'::text; END IF;
    IF NEW.latitude IS DISTINCT FROM OLD.latitude THEN changed := changed || 'latitude'::text; END IF;
    IF NEW.longitude IS DISTINCT FROM OLD.longitude THEN changed := changed || 'longitude'::text; END IF;
    IF NEW."accessModes" IS DISTINCT FROM OLD."accessModes" THEN changed := changed || 'modalites_acces'::text; END IF;
    IF NEW."supportModes" IS DISTINCT FROM OLD."supportModes" THEN changed := changed || 'modalites_accompagnement'::text; END IF;
    IF NEW.name IS DISTINCT FROM OLD.name THEN changed := changed || 'nom'::text; END IF;
    IF NEW.pivot IS DISTINCT FROM OLD.pivot THEN changed := changed || 'pivot'::text; END IF;
    IF NEW."locationApproximate" IS DISTINCT FROM OLD."locationApproximate" THEN changed := changed || 'position_approximative'::text; END IF;
    IF NEW.presentation IS DISTINCT FROM OLD.presentation THEN changed := changed || 'presentation_detail'::text; END IF;
    IF NEW.summary IS DISTINCT FROM OLD.summary THEN changed := changed || 'presentation_resume'::text; END IF;
    IF NEW."specificSupport" IS DISTINCT FROM OLD."specificSupport" THEN changed := changed || 'prise_en_charge_specifique'::text; END IF;
    IF NEW."appointmentUrl" IS DISTINCT FROM OLD."appointmentUrl" THEN changed := changed || 'prise_rdv'::text; END IF;
    IF NEW.publics IS DISTINCT FROM OLD.publics THEN changed := changed || 'publics_specifiquement_adresses'::text; END IF;
    IF NEW.services IS DISTINCT FROM OLD.services THEN changed := changed || 'services'::text; END IF;
    IF NEW.websites IS DISTINCT FROM OLD.websites THEN changed := changed || 'site_web'::text; END IF;
    IF NEW.source IS DISTINCT FROM OLD.source THEN changed := changed || 'source'::text; END IF;
    IF NEW."parentStructure" IS DISTINCT FROM OLD."parentStructure" THEN changed := changed || 'structure_parente'::text; END IF;
    IF NEW.phone IS DISTINCT FROM OLD.phone THEN changed := changed || 'telephone'::text; END IF;
    IF NEW.typologies IS DISTINCT FROM OLD.typologies THEN changed := changed || 'typologie'::text; END IF;
    IF NEW."confirmedBy" IS DISTINCT FROM OLD."confirmedBy" OR NEW."confirmedByKind" IS DISTINCT FROM OLD."confirmedByKind" THEN changed := changed || 'verification'::text; END IF;
    IF cardinality(changed) > 0 THEN
      INSERT INTO "PlaceChange" ("placeId", "kind", "fields") VALUES (NEW.id, 'updated', changed);
    END IF;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Place_change_feed" AFTER INSERT OR UPDATE OR DELETE ON "Place" FOR EACH ROW EXECUTE FUNCTION reperes_place_change();

-- Registered harvesters: their changes pushed by the webhook worker (scripts/harvester-webhooks.ts).
CREATE TABLE "Harvester" (
  "id" UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  "name" TEXT NOT NULL,
  "url" TEXT NOT NULL,
  "contactEmail" TEXT NOT NULL,
  -- the HMAC-SHA256 key, shown once to the admin who registered it; needed here to sign each delivery
  "secret" TEXT NOT NULL,
  -- the feed position delivered and acknowledged (2xx)
  "cursorTxid" BIGINT NOT NULL,
  "cursorId" BIGINT NOT NULL DEFAULT 0,
  "active" BOOLEAN NOT NULL DEFAULT true,
  "attempts" INT NOT NULL DEFAULT 0,
  "failingSince" TIMESTAMPTZ,
  "nextAttemptAt" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "lastError" TEXT,
  "lastDeliveredAt" TIMESTAMPTZ,
  "gaveUpAt" TIMESTAMPTZ,
  "createdAt" TIMESTAMPTZ NOT NULL DEFAULT now()
);
