-- Imports that neither fight nor trespass: field-level provenance of imported values, approximate
-- positions (commune centre), the owner of each import source, and the rows of a source that
-- complete a place of another source.
ALTER TABLE "Place" ADD COLUMN "fieldSources" JSONB,
ADD COLUMN "locationApproximate" BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE "ImportSource" (
    "name" TEXT NOT NULL,
    "networkId" UUID,
    "priority" INTEGER NOT NULL DEFAULT 0,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportSource_pkey" PRIMARY KEY ("name")
);
CREATE INDEX "ImportSource_networkId_idx" ON "ImportSource"("networkId");
ALTER TABLE "ImportSource" ADD CONSTRAINT "ImportSource_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "PlaceSourceLink" (
    "sourceName" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "placeId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlaceSourceLink_pkey" PRIMARY KEY ("sourceName","sourceId")
);
CREATE INDEX "PlaceSourceLink_placeId_idx" ON "PlaceSourceLink"("placeId");
ALTER TABLE "PlaceSourceLink" ADD CONSTRAINT "PlaceSourceLink_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place"("id") ON DELETE CASCADE ON UPDATE CASCADE;
