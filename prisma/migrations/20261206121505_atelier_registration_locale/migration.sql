-- Issue #20: a registration remembers the language of the page it was made on, so that its mails
-- (confirmation, waiting list, freed seat, reminder, cancelled session) are written in it. Not
-- personal data (kept after the 30-day purge); only the site's seven languages (lib/i18n/locales.ts).
ALTER TABLE "AtelierRegistration" ADD COLUMN "locale" TEXT NOT NULL DEFAULT 'fr';
ALTER TABLE "AtelierRegistration" ADD CONSTRAINT "AtelierRegistration_locale_check" CHECK ("locale" IN ('fr', 'en', 'ar', 'uk', 'es', 'pt', 'fa'));
