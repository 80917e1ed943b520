// What the back-office pages read about editing, each list narrowed to the user's scope through
// `lib/auth/permissions.ts`: the dashboard's counts, the review queue, a place opened for editing
// (with a pending proposal to edit before applying it) and its history. Pages call these without a
// client (the shared one); tests may pass theirs last.
import 'server-only';
import type { PrismaClient } from '@prisma/client';
import { canEditPlace, canReviewFor, placeScopeWhere, type PlaceScope, type SessionUser } from '@/lib/auth/permissions';
import { db as sharedDb } from '@/lib/db';
import { loadScope } from './update';

const UUID = /^[0-9a-f-]{36}$/i;
const YEAR_MS = 365 * 24 * 3600 * 1000;

/** The figures of /admin: places published, drafts, published but not confirmed for a year, items to review. */
export async function backOfficeCounts(user: SessionUser, now = new Date(), db: PrismaClient = sharedDb) {
  const scope = placeScopeWhere(user);
  const yearAgo = new Date(now.getTime() - YEAR_MS);
  const [published, drafts, stale, pendingChanges, pendingSuggestions] = await Promise.all([
    db.place.count({ where: { ...scope, status: 'PUBLISHED' } }),
    db.place.count({ where: { ...scope, status: 'DRAFT' } }),
    db.place.count({ where: { ...scope, status: 'PUBLISHED', dateMaj: { lt: yearAgo } } }),
    db.placeRevision.count({ where: { state: 'PENDING', place: scope } }),
    db.suggestion.count({ where: { state: 'PENDING', place: scope } }),
  ]);
  return { published, drafts, stale, pendingChanges, pendingSuggestions };
}

/** Pending changes and public reports about the places of the user's scope, oldest first. */
export async function reviewQueue(user: SessionUser, db: PrismaClient = sharedDb) {
  const scope = placeScopeWhere(user);
  const [revisions, suggestions] = await Promise.all([
    db.placeRevision.findMany({
      where: { state: 'PENDING', place: scope },
      orderBy: { createdAt: 'asc' },
      include: { place: { select: { id: true, name: true } }, author: { select: { name: true, email: true } } },
    }),
    db.suggestion.findMany({
      where: { state: 'PENDING', place: scope },
      orderBy: { createdAt: 'asc' },
      include: { place: { select: { id: true, name: true, slug: true } } },
    }),
  ]);
  return { revisions, suggestions };
}

/** A place the user may edit, with its scope; null for a malformed id, an unknown place or one out of reach (the same answer). */
export async function editablePlace(user: SessionUser, placeId: string, db: PrismaClient = sharedDb) {
  if (!UUID.test(placeId)) return null;
  const loaded = await loadScope(db, placeId);
  return loaded && canEditPlace(user, loaded.scope) ? loaded : null;
}

/** A pending proposal about this place, for a reviewer to edit before applying ("Modifier avant de valider"). */
export async function proposalToEdit(user: SessionUser, place: PlaceScope, revisionId: string | undefined, db: PrismaClient = sharedDb) {
  if (!revisionId || !UUID.test(revisionId) || !canReviewFor(user, place)) return null;
  return db.placeRevision.findFirst({
    where: { id: revisionId, placeId: place.id, state: 'PENDING' },
    include: { author: { select: { name: true, email: true } } },
  });
}

/** The public address of a place (to refresh its page after a save); null if it is gone. */
export async function placeSlug(placeId: string, db: PrismaClient = sharedDb): Promise<string | null> {
  return (await db.place.findUnique({ where: { id: placeId }, select: { slug: true } }))?.slug ?? null;
}

/** The latest 200 revisions of a place, newest first. Call after `editablePlace`. */
export async function placeRevisions(placeId: string, db: PrismaClient = sharedDb) {
  return db.placeRevision.findMany({
    where: { placeId },
    orderBy: { createdAt: 'desc' },
    include: { author: { select: { name: true, email: true } } },
    take: 200,
  });
}
