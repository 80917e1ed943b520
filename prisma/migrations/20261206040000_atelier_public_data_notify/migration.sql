-- Hand-written: the place page lists a place's next ateliers (lib/ateliers/search.ts), so a change
-- to a series or to a session (cancelled, moved, seats taken) must empty every process's page
-- cache, like a change to the place itself (see 20261201090000_public_data_notify). Registrations
-- are not covered: what a public page shows of them is AtelierSession.seatsTaken, which is.
CREATE TRIGGER reperes_public_data_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Atelier"
  FOR EACH STATEMENT EXECUTE FUNCTION reperes_notify_public_data();
CREATE TRIGGER reperes_public_data_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "AtelierSession"
  FOR EACH STATEMENT EXECUTE FUNCTION reperes_notify_public_data();
