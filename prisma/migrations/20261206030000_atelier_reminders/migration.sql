-- Registrants with an e-mail get one reminder the day before their session (npm run ateliers:daily).
ALTER TABLE "AtelierRegistration" ADD COLUMN "reminderSentAt" TIMESTAMP(3);
