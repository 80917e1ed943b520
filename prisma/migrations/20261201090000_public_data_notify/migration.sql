-- Hand-written (Prisma cannot express triggers): every statement that changes a table whose content
-- shows on public pages notifies the channel `reperes_public_data` with the table's name. Each app
-- process LISTENs on that channel and empties its in-process page cache (lib/cache/page-cache.ts),
-- so a change made through any instance, an import or psql reaches every instance at once.
-- FOR EACH STATEMENT: one notification per statement, not per row (a 500-row import batch sends
-- one), and PostgreSQL folds identical notifications of one transaction into one, sent at COMMIT
-- (never for a rolled-back change).
-- Not covered on purpose: GeocodeCache (written by the search itself when it geocodes a query, it
-- would empty the cache on every new address) and the back-office tables (users, revisions,
-- reports, campaigns, imports), which public pages do not show.
CREATE OR REPLACE FUNCTION reperes_notify_public_data() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('reperes_public_data', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;

CREATE TRIGGER reperes_public_data_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Place"
  FOR EACH STATEMENT EXECUTE FUNCTION reperes_notify_public_data();
CREATE TRIGGER reperes_public_data_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "PlaceStop"
  FOR EACH STATEMENT EXECUTE FUNCTION reperes_notify_public_data();
CREATE TRIGGER reperes_public_data_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "PlaceOpeningSlot"
  FOR EACH STATEMENT EXECUTE FUNCTION reperes_notify_public_data();
CREATE TRIGGER reperes_public_data_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "PlaceSlugRedirect"
  FOR EACH STATEMENT EXECUTE FUNCTION reperes_notify_public_data();
CREATE TRIGGER reperes_public_data_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Network"
  FOR EACH STATEMENT EXECUTE FUNCTION reperes_notify_public_data();
CREATE TRIGGER reperes_public_data_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "NetworkMembership"
  FOR EACH STATEMENT EXECUTE FUNCTION reperes_notify_public_data();
CREATE TRIGGER reperes_public_data_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Commune"
  FOR EACH STATEMENT EXECUTE FUNCTION reperes_notify_public_data();
