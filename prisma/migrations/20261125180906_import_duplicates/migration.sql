-- CreateEnum
CREATE TYPE "DuplicateState" AS ENUM ('open', 'merged', 'dismissed');

-- AlterTable
ALTER TABLE "ImportRun" ADD COLUMN     "done" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "error" TEXT,
ADD COLUMN     "file" BYTEA,
ADD COLUMN     "fileName" TEXT,
ADD COLUMN     "fraction" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "mapping" JSONB,
ADD COLUMN     "networkSlug" TEXT,
ADD COLUMN     "state" TEXT NOT NULL DEFAULT 'pending',
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "PlaceDuplicate" (
    "id" UUID NOT NULL,
    "placeId" UUID NOT NULL,
    "otherId" UUID NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "details" JSONB NOT NULL,
    "sourceName" TEXT,
    "state" "DuplicateState" NOT NULL DEFAULT 'open',
    "winnerId" UUID,
    "resolvedById" UUID,
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlaceDuplicate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PlaceDuplicate_state_idx" ON "PlaceDuplicate"("state");

-- CreateIndex
CREATE INDEX "PlaceDuplicate_otherId_idx" ON "PlaceDuplicate"("otherId");

-- CreateIndex
CREATE UNIQUE INDEX "PlaceDuplicate_placeId_otherId_key" ON "PlaceDuplicate"("placeId", "otherId");

-- CreateIndex
CREATE INDEX "ImportRun_userId_startedAt_idx" ON "ImportRun"("userId", "startedAt");

-- CreateIndex
CREATE INDEX "Place_postcode_sourceName_idx" ON "Place"("postcode", "sourceName");

-- AddForeignKey
ALTER TABLE "PlaceDuplicate" ADD CONSTRAINT "PlaceDuplicate_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlaceDuplicate" ADD CONSTRAINT "PlaceDuplicate_otherId_fkey" FOREIGN KEY ("otherId") REFERENCES "Place"("id") ON DELETE CASCADE ON UPDATE CASCADE;

