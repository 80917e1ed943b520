-- A place's history also records what happened to its ateliers (created, cancelled, a session
-- cancelled): same rights, same page as the place's own changes (issue #19).
ALTER TYPE "RevisionKind" ADD VALUE 'atelier';
