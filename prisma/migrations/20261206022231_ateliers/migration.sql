-- Ateliers (issue #19): a series belongs to a place (or one of its stops); its sessions are
-- expanded into AtelierSession over a bounded horizon for search; registrations on Repères keep
-- personal data until 30 days after their session. The CHECKs hold the rules the app relies on
-- even under concurrent writes: a session never has more seats taken than its capacity.
-- CreateEnum
CREATE TYPE "AtelierLevel" AS ENUM ('Debutant', 'Intermediaire', 'Avance');

-- CreateEnum
CREATE TYPE "RegistrationMode" AS ENUM ('NONE', 'PHONE', 'EMAIL', 'EXTERNAL', 'REPERES');

-- CreateEnum
CREATE TYPE "RegistrationState" AS ENUM ('CONFIRMED', 'WAITING', 'CANCELLED');

-- CreateTable
CREATE TABLE "Atelier" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "placeId" UUID NOT NULL,
    "stopId" UUID,
    "title" VARCHAR(120) NOT NULL,
    "summary" VARCHAR(500) NOT NULL,
    "themes" "Service"[],
    "publics" "PublicSpecifiquementAdresse"[],
    "level" "AtelierLevel",
    "language" TEXT NOT NULL DEFAULT 'fr',
    "fee" "FraisACharge" NOT NULL DEFAULT 'Gratuit',
    "accessibilityNotes" TEXT,
    "timeZone" TEXT NOT NULL DEFAULT 'Europe/Paris',
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "rrule" TEXT,
    "exdates" TIMESTAMP(3)[],
    "capacity" INTEGER,
    "registrationMode" "RegistrationMode" NOT NULL DEFAULT 'NONE',
    "registrationContact" TEXT,
    "online" BOOLEAN NOT NULL DEFAULT false,
    "cancelledAt" TIMESTAMP(3),
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Atelier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AtelierSession" (
    "id" UUID NOT NULL,
    "atelierId" UUID NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "capacity" INTEGER,
    "seatsTaken" INTEGER NOT NULL DEFAULT 0,
    "cancelledAt" TIMESTAMP(3),

    CONSTRAINT "AtelierSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AtelierRegistration" (
    "id" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "state" "RegistrationState" NOT NULL,
    "firstName" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "tokenHash" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancelledAt" TIMESTAMP(3),
    "purgedAt" TIMESTAMP(3),

    CONSTRAINT "AtelierRegistration_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Atelier_slug_key" ON "Atelier"("slug");

-- CreateIndex
CREATE INDEX "Atelier_placeId_idx" ON "Atelier"("placeId");

-- CreateIndex
CREATE INDEX "Atelier_themes_gin" ON "Atelier" USING GIN ("themes");

-- CreateIndex
CREATE INDEX "AtelierSession_startsAt_idx" ON "AtelierSession"("startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "AtelierSession_atelierId_startsAt_key" ON "AtelierSession"("atelierId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "AtelierRegistration_tokenHash_key" ON "AtelierRegistration"("tokenHash");

-- CreateIndex
CREATE INDEX "AtelierRegistration_sessionId_state_idx" ON "AtelierRegistration"("sessionId", "state");

-- AddForeignKey
ALTER TABLE "Atelier" ADD CONSTRAINT "Atelier_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Atelier" ADD CONSTRAINT "Atelier_stopId_fkey" FOREIGN KEY ("stopId") REFERENCES "PlaceStop"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AtelierSession" ADD CONSTRAINT "AtelierSession_atelierId_fkey" FOREIGN KEY ("atelierId") REFERENCES "Atelier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AtelierRegistration" ADD CONSTRAINT "AtelierRegistration_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "AtelierSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;


ALTER TABLE "Atelier" ADD CONSTRAINT "Atelier_ends_after_start" CHECK ("endsAt" > "startsAt");
ALTER TABLE "Atelier" ADD CONSTRAINT "Atelier_capacity_positive" CHECK ("capacity" IS NULL OR "capacity" > 0);
ALTER TABLE "AtelierSession" ADD CONSTRAINT "AtelierSession_ends_after_start" CHECK ("endsAt" > "startsAt");
ALTER TABLE "AtelierSession" ADD CONSTRAINT "AtelierSession_seats_within_capacity"
  CHECK ("seatsTaken" >= 0 AND ("capacity" IS NULL OR "seatsTaken" <= "capacity"));
