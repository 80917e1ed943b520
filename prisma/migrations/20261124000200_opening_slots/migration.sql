
-- AlterTable
ALTER TABLE "Place" ADD COLUMN     "closedOnHolidays" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "practicalInfo" TEXT;

-- CreateTable
CREATE TABLE "PlaceOpeningSlot" (
    "id" SERIAL NOT NULL,
    "placeId" UUID NOT NULL,
    "stopId" UUID,
    "weekday" INTEGER NOT NULL,
    "startMinute" INTEGER NOT NULL,
    "endMinute" INTEGER NOT NULL,

    CONSTRAINT "PlaceOpeningSlot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PlaceOpeningSlot_weekday_startMinute_endMinute_idx" ON "PlaceOpeningSlot"("weekday", "startMinute", "endMinute");

-- CreateIndex
CREATE INDEX "PlaceOpeningSlot_placeId_idx" ON "PlaceOpeningSlot"("placeId");

-- AddForeignKey
ALTER TABLE "PlaceOpeningSlot" ADD CONSTRAINT "PlaceOpeningSlot_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place"("id") ON DELETE CASCADE ON UPDATE CASCADE;

