-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "PlaceStatus" AS ENUM ('draft', 'published', 'archived');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('admin', 'coordinator', 'editor');

-- CreateEnum
CREATE TYPE "RevisionKind" AS ENUM ('create', 'update', 'status', 'restore', 'import', 'confirm', 'merge');

-- CreateEnum
CREATE TYPE "ReviewState" AS ENUM ('applied', 'pending', 'rejected');

-- CreateEnum
CREATE TYPE "SuggestionPart" AS ENUM ('hours', 'address', 'contact', 'services', 'closed', 'other');

-- CreateEnum
CREATE TYPE "TokenKind" AS ENUM ('magic_link', 'password_reset', 'invitation');

-- CreateEnum
CREATE TYPE "CampaignTargetState" AS ENUM ('pending', 'sent', 'opened', 'confirmed', 'corrected', 'closed', 'wrong_contact');

-- CreateEnum
CREATE TYPE "Service" AS ENUM ('Acquisition de matériel informatique à prix solidaire', 'Aide aux démarches administratives', 'Maîtrise des outils numériques du quotidien', 'Insertion professionnelle via le numérique', 'Utilisation sécurisée du numérique', 'Parentalité et éducation avec le numérique', 'Loisirs et créations numériques', 'Compréhension du monde numérique', 'Accès internet et matériel informatique');

-- CreateEnum
CREATE TYPE "PublicSpecifiquementAdresse" AS ENUM ('Jeunes', 'Étudiants', 'Familles et/ou enfants', 'Seniors', 'Femmes');

-- CreateEnum
CREATE TYPE "PriseEnChargeSpecifique" AS ENUM ('Surdité', 'Handicaps moteurs', 'Handicaps mentaux', 'Illettrisme', 'Langues étrangères (anglais)', 'Langues étrangères (autres)', 'Déficience visuelle');

-- CreateEnum
CREATE TYPE "FraisACharge" AS ENUM ('Gratuit', 'Gratuit sous condition', 'Payant');

-- CreateEnum
CREATE TYPE "Itinerance" AS ENUM ('Itinérant', 'Fixe');

-- CreateEnum
CREATE TYPE "ModaliteAcces" AS ENUM ('Se présenter', 'Téléphoner', 'Contacter par mail', 'Envoyer un mail avec une fiche de prescription', 'Prendre un RDV en ligne', 'Ce lieu n''accueille pas de public');

-- CreateEnum
CREATE TYPE "ModaliteAccompagnement" AS ENUM ('En autonomie', 'Accompagnement individuel', 'Dans un atelier collectif', 'À distance');

-- CreateEnum
CREATE TYPE "DispositifProgrammeNational" AS ENUM ('Aidants Connect', 'Bibliothèques numérique de référence', 'Certification PIX', 'Conseillers numériques', 'Emmaüs Connect', 'France Services', 'Grande école du numérique', 'La Croix Rouge', 'Point d''accès numérique CAF', 'Promeneurs du net', 'Relais numérique (Emmaüs Connect)');

-- CreateEnum
CREATE TYPE "FormationLabel" AS ENUM ('Formé à « Mon Espace Santé »', 'Formé à « DUPLEX » (illettrisme)', 'Arnia/MedNum BFC (Bourgogne-Franche-Comté)', 'Collectif ressources et acteurs réemploi (Normandie)', 'Étapes numériques (La Poste)', 'Fabriques de Territoire', 'Les Éclaireurs du numérique (Drôme)', 'Mes Papiers (Métropole de Lyon)', 'ORDI 3.0', 'SUD LABS (PACA)');

-- CreateEnum
CREATE TYPE "Typologie" AS ENUM ('ACI', 'ACIPHC', 'AFPA', 'AI', 'ASE', 'ASSO', 'ASSO_CHOMEUR', 'Autre', 'AVIP', 'BIB', 'CAARUD', 'CADA', 'CAF', 'CAP_EMPLOI', 'CAVA', 'CC', 'CCAS', 'CCONS', 'CD', 'CDAS', 'CFP', 'CHRS', 'CHU', 'CIAS', 'CIDFF', 'CITMET', 'CMP', 'CMS', 'CPAM', 'CPH', 'CS', 'CSAPA', 'CSC', 'DEETS', 'DEPT', 'DIPLP', 'E2C', 'EA', 'EATT', 'EI', 'EITI', 'ENM', 'EPCI', 'EPI', 'EPIDE', 'EPN', 'ES', 'ESAT', 'ESS', 'ETTI', 'EVS', 'FABLAB', 'FABRIQUE', 'FAIS', 'FT', 'GEIQ', 'HUDA', 'LA_POSTE', 'MDE', 'MDH', 'MDEF', 'MDPH', 'MDS', 'MJC', 'ML', 'MQ', 'MSA', 'MSAP', 'MUNI', 'OACAS', 'ODC', 'OF', 'OIL', 'OPCS', 'PAD', 'PENSION', 'PI', 'PIJ_BIJ', 'PIMMS', 'PJJ', 'PLIE', 'PREF', 'PREVENTION', 'REG', 'RELAIS_LECTURE', 'RESSOURCERIE', 'RFS', 'RS_FJT', 'SCP', 'SPIP', 'TIERS_LIEUX', 'UDAF');

-- CreateTable
CREATE TABLE "Place" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "status" "PlaceStatus" NOT NULL DEFAULT 'draft',
    "version" INTEGER NOT NULL DEFAULT 1,
    "pivot" TEXT,
    "name" TEXT NOT NULL,
    "street" TEXT NOT NULL,
    "addressComplement" TEXT,
    "postcode" TEXT NOT NULL,
    "commune" TEXT NOT NULL,
    "inseeCode" TEXT,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "timeZone" TEXT NOT NULL DEFAULT 'Europe/Paris',
    "typologies" "Typologie"[],
    "phone" TEXT,
    "emails" TEXT[],
    "websites" TEXT[],
    "openingHours" TEXT,
    "summary" VARCHAR(280),
    "presentation" TEXT,
    "source" TEXT,
    "itinerance" "Itinerance"[],
    "parentStructure" TEXT,
    "dateMaj" DATE NOT NULL,
    "confirmedBy" TEXT,
    "services" "Service"[],
    "publics" "PublicSpecifiquementAdresse"[],
    "specificSupport" "PriseEnChargeSpecifique"[],
    "fees" "FraisACharge"[],
    "programmes" "DispositifProgrammeNational"[],
    "labels" "FormationLabel"[],
    "otherLabels" TEXT[],
    "accessModes" "ModaliteAcces"[],
    "supportModes" "ModaliteAccompagnement"[],
    "accesLibreUrl" TEXT,
    "appointmentUrl" TEXT,
    "sourceName" TEXT,
    "sourceId" TEXT,
    "closedFrom" DATE,
    "closedUntil" DATE,
    "closureMessage" TEXT,
    "closedForGoodAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "archivedAt" TIMESTAMP(3),

    CONSTRAINT "Place_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlaceStop" (
    "id" UUID NOT NULL,
    "placeId" UUID NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "label" TEXT NOT NULL,
    "street" TEXT,
    "postcode" TEXT,
    "commune" TEXT NOT NULL,
    "inseeCode" TEXT,
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,
    "openingHours" TEXT,

    CONSTRAINT "PlaceStop_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlaceSlugRedirect" (
    "slug" TEXT NOT NULL,
    "placeId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlaceSlugRedirect_pkey" PRIMARY KEY ("slug")
);

-- CreateTable
CREATE TABLE "Network" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "website" TEXT,
    "contactEmail" TEXT,
    "contactPhone" TEXT,
    "territory" TEXT[],
    "logoUrl" TEXT,
    "color" TEXT,
    "reviewRequired" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Network_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NetworkMembership" (
    "placeId" UUID NOT NULL,
    "networkId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NetworkMembership_pkey" PRIMARY KEY ("placeId","networkId")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "passwordHash" TEXT,
    "role" "Role" NOT NULL,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastLoginAt" TIMESTAMP(3),

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserNetwork" (
    "userId" UUID NOT NULL,
    "networkId" UUID NOT NULL,

    CONSTRAINT "UserNetwork_pkey" PRIMARY KEY ("userId","networkId")
);

-- CreateTable
CREATE TABLE "UserPlace" (
    "userId" UUID NOT NULL,
    "placeId" UUID NOT NULL,

    CONSTRAINT "UserPlace_pkey" PRIMARY KEY ("userId","placeId")
);

-- CreateTable
CREATE TABLE "AuthToken" (
    "id" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "kind" "TokenKind" NOT NULL,
    "email" TEXT NOT NULL,
    "role" "Role",
    "networkIds" TEXT[],
    "placeIds" TEXT[],
    "invitedBy" UUID,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuthToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlaceRevision" (
    "id" UUID NOT NULL,
    "placeId" UUID NOT NULL,
    "kind" "RevisionKind" NOT NULL,
    "state" "ReviewState" NOT NULL DEFAULT 'applied',
    "authorId" UUID,
    "authorLabel" TEXT,
    "changes" JSONB NOT NULL,
    "reason" TEXT,
    "baseVersion" INTEGER,
    "reviewerId" UUID,
    "reviewNote" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlaceRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Suggestion" (
    "id" UUID NOT NULL,
    "placeId" UUID NOT NULL,
    "part" "SuggestionPart" NOT NULL,
    "message" TEXT NOT NULL,
    "email" TEXT,
    "state" "ReviewState" NOT NULL DEFAULT 'pending',
    "reviewNote" TEXT,
    "reviewerId" UUID,
    "reviewedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Suggestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" UUID NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Campaign" (
    "id" UUID NOT NULL,
    "networkId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "createdById" UUID,
    "reminderAfterDays" INTEGER NOT NULL DEFAULT 7,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignTarget" (
    "id" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "placeId" UUID NOT NULL,
    "email" TEXT,
    "tokenHash" TEXT NOT NULL,
    "state" "CampaignTargetState" NOT NULL DEFAULT 'pending',
    "sentAt" TIMESTAMP(3),
    "openedAt" TIMESTAMP(3),
    "respondedAt" TIMESTAMP(3),
    "reminderSentAt" TIMESTAMP(3),
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "CampaignTarget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactOptOut" (
    "email" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContactOptOut_pkey" PRIMARY KEY ("email")
);

-- CreateTable
CREATE TABLE "Commune" (
    "inseeCode" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "departement" TEXT NOT NULL,
    "region" TEXT,
    "postcodes" TEXT[],
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "population" INTEGER,

    CONSTRAINT "Commune_pkey" PRIMARY KEY ("inseeCode")
);

-- CreateTable
CREATE TABLE "ImportRun" (
    "id" UUID NOT NULL,
    "format" TEXT NOT NULL,
    "sourceName" TEXT NOT NULL,
    "dryRun" BOOLEAN NOT NULL,
    "userId" UUID,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "summary" JSONB,
    "report" JSONB,

    CONSTRAINT "ImportRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GeocodeCache" (
    "query" TEXT NOT NULL,
    "result" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GeocodeCache_pkey" PRIMARY KEY ("query")
);

-- CreateIndex
CREATE UNIQUE INDEX "Place_slug_key" ON "Place"("slug");

-- CreateIndex
CREATE INDEX "Place_status_idx" ON "Place"("status");

-- CreateIndex
CREATE INDEX "Place_postcode_idx" ON "Place"("postcode");

-- CreateIndex
CREATE INDEX "Place_inseeCode_idx" ON "Place"("inseeCode");

-- CreateIndex
CREATE INDEX "Place_dateMaj_idx" ON "Place"("dateMaj");

-- CreateIndex
CREATE UNIQUE INDEX "Place_sourceName_sourceId_key" ON "Place"("sourceName", "sourceId");

-- CreateIndex
CREATE INDEX "PlaceStop_placeId_idx" ON "PlaceStop"("placeId");

-- CreateIndex
CREATE UNIQUE INDEX "Network_slug_key" ON "Network"("slug");

-- CreateIndex
CREATE INDEX "NetworkMembership_networkId_idx" ON "NetworkMembership"("networkId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "AuthToken_tokenHash_key" ON "AuthToken"("tokenHash");

-- CreateIndex
CREATE INDEX "AuthToken_email_idx" ON "AuthToken"("email");

-- CreateIndex
CREATE INDEX "PlaceRevision_placeId_createdAt_idx" ON "PlaceRevision"("placeId", "createdAt");

-- CreateIndex
CREATE INDEX "PlaceRevision_state_idx" ON "PlaceRevision"("state");

-- CreateIndex
CREATE INDEX "Suggestion_state_idx" ON "Suggestion"("state");

-- CreateIndex
CREATE INDEX "Suggestion_placeId_idx" ON "Suggestion"("placeId");

-- CreateIndex
CREATE INDEX "OutboxMessage_to_idx" ON "OutboxMessage"("to");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignTarget_tokenHash_key" ON "CampaignTarget"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignTarget_campaignId_placeId_key" ON "CampaignTarget"("campaignId", "placeId");

-- CreateIndex
CREATE INDEX "Commune_departement_idx" ON "Commune"("departement");

-- AddForeignKey
ALTER TABLE "PlaceStop" ADD CONSTRAINT "PlaceStop_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlaceSlugRedirect" ADD CONSTRAINT "PlaceSlugRedirect_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkMembership" ADD CONSTRAINT "NetworkMembership_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkMembership" ADD CONSTRAINT "NetworkMembership_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserNetwork" ADD CONSTRAINT "UserNetwork_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserNetwork" ADD CONSTRAINT "UserNetwork_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserPlace" ADD CONSTRAINT "UserPlace_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserPlace" ADD CONSTRAINT "UserPlace_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlaceRevision" ADD CONSTRAINT "PlaceRevision_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlaceRevision" ADD CONSTRAINT "PlaceRevision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlaceRevision" ADD CONSTRAINT "PlaceRevision_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignTarget" ADD CONSTRAINT "CampaignTarget_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignTarget" ADD CONSTRAINT "CampaignTarget_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place"("id") ON DELETE CASCADE ON UPDATE CASCADE;

