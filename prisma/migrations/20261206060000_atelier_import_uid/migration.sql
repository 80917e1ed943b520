-- Ateliers imported from an iCalendar feed keep the event's UID (with its RECURRENCE-ID for a
-- moved occurrence): a re-import of the same feed for the same place updates, never duplicates.
ALTER TABLE "Atelier" ADD COLUMN "importUid" VARCHAR(600);
CREATE UNIQUE INDEX "Atelier_placeId_importUid_key" ON "Atelier"("placeId", "importUid");
