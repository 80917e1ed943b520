// Saving one section of a place: permission, optimistic concurrency (the version the person
// started from must still be the current one, checked atomically), a revision with before/after
// values, review for editors when the network asks for it, and the weekly hours kept in step.
import type { Prisma, PrismaClient } from '@prisma/client';
import { approveProposedAtelier } from '../ateliers/store';
import { canEditPlace, canPublishPlace, canReviewFor, needsReview, type SessionUser } from '../auth/permissions';
import { replaceOpeningSlots } from '../places/opening-slots';
import { parseSection, type SectionId } from './sections';
import { revisionValue, sameRevisionValue } from './values';
import { verifierFor } from '../places/verification';

export type SaveResult =
  | { status: 'saved'; version: number }
  | { status: 'pending'; revisionId: string }
  | { status: 'invalid'; errors: Record<string, string> }
  | { status: 'conflict'; current: Record<string, unknown>; version: number; changedBy: string | null }
  | { status: 'forbidden' }
  | { status: 'unchanged' };

/** What the section form shows after a save: the result, what was typed (kept whatever happened) and the version to save from next. */
export type SectionState = { result?: SaveResult; values?: Record<string, unknown>; version: number };

/** What the places list's bulk form shows after publishing, archiving or confirming many places. */
export type BulkState = { message?: string; tone?: 'success' | 'error' };

type Db = PrismaClient;

export async function loadScope(db: Db | Prisma.TransactionClient, placeId: string) {
  const place = await db.place.findUnique({
    where: { id: placeId },
    include: { networks: { include: { network: { select: { id: true, reviewRequired: true } } } } },
  });
  if (!place) return null;
  return {
    place,
    scope: { id: place.id, networkIds: place.networks.map((m) => m.networkId) },
    reviewRequired: place.networks.some((m) => m.network.reviewRequired),
  };
}

export async function saveSection(
  db: Db,
  user: SessionUser,
  input: { placeId: string; section: SectionId; values: Record<string, unknown>; baseVersion: number; reason?: string },
): Promise<SaveResult> {
  const loaded = await loadScope(db, input.placeId);
  if (!loaded || !canEditPlace(user, loaded.scope)) return { status: 'forbidden' };
  const parsed = parseSection(input.section, input.values);
  if (!parsed.ok) return { status: 'invalid', errors: parsed.errors };

  return db.$transaction(async (tx) => {
    const place = await tx.place.findUniqueOrThrow({ where: { id: input.placeId } });
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    for (const [field, after] of Object.entries(parsed.data)) {
      const before = (place as Record<string, unknown>)[field];
      if (!sameRevisionValue(before, after)) changes[field] = { before: revisionValue(before), after: revisionValue(after) };
    }
    if (place.version !== input.baseVersion) {
      const last = await tx.placeRevision.findFirst({
        where: { placeId: place.id, state: 'APPLIED', kind: { not: 'ATELIER' } },
        orderBy: { createdAt: 'desc' },
        include: { author: { select: { name: true, email: true } } },
      });
      const current = Object.fromEntries(Object.keys(parsed.data).map((f) => [f, revisionValue((place as Record<string, unknown>)[f])]));
      return { status: 'conflict', current, version: place.version, changedBy: last?.author?.name ?? last?.author?.email ?? last?.authorLabel ?? null };
    }
    if (Object.keys(changes).length === 0) return { status: 'unchanged' };

    if (needsReview(user, { status: place.status, networksReviewRequired: loaded.reviewRequired })) {
      const revision = await tx.placeRevision.create({
        data: {
          placeId: place.id,
          kind: 'UPDATE',
          state: 'PENDING',
          authorId: user.id,
          changes: changes as Prisma.InputJsonValue,
          baseVersion: place.version,
          reason: input.reason || null,
        },
      });
      return { status: 'pending', revisionId: revision.id };
    }

    // Atomic compare-and-set on the version: of two concurrent saves, only one wins.
    const { count } = await tx.place.updateMany({
      where: { id: place.id, version: input.baseVersion },
      data: { ...(parsed.data as Prisma.PlaceUpdateManyMutationInput), version: { increment: 1 } },
    });
    if (count !== 1) {
      const fresh = await tx.place.findUniqueOrThrow({ where: { id: place.id } });
      return {
        status: 'conflict',
        current: Object.fromEntries(Object.keys(parsed.data).map((f) => [f, revisionValue((fresh as Record<string, unknown>)[f])])),
        version: fresh.version,
        changedBy: null,
      };
    }
    await tx.placeRevision.create({
      data: {
        placeId: place.id,
        kind: 'UPDATE',
        state: 'APPLIED',
        authorId: user.id,
        changes: changes as Prisma.InputJsonValue,
        baseVersion: input.baseVersion,
        reason: input.reason || null,
      },
    });
    if ('openingHours' in changes) await replaceOpeningSlots(tx, place.id);
    return { status: 'saved', version: input.baseVersion + 1 };
  });
}

/** Applies a pending revision (a coordinator's approval), refusing when the fields changed since. */
export async function reviewRevision(
  db: Db,
  user: SessionUser,
  input: { revisionId: string; decision: 'apply' | 'reject'; note?: string },
): Promise<{ status: 'applied' | 'rejected' | 'forbidden' | 'stale' | 'gone' }> {
  const revision = await db.placeRevision.findUnique({ where: { id: input.revisionId } });
  if (!revision || revision.state !== 'PENDING') return { status: 'gone' };
  const loaded = await loadScope(db, revision.placeId);
  if (!loaded || !canReviewFor(user, loaded.scope)) return { status: 'forbidden' };
  // A proposed atelier is created on approval, checked again (its dates may have passed since).
  if (revision.kind === 'ATELIER' && input.decision === 'apply') {
    const created = await approveProposedAtelier(db, user, revision, input.note ?? null);
    return { status: created.ok ? 'applied' : 'stale' };
  }
  return db.$transaction(async (tx) => {
    if (input.decision === 'reject') {
      await tx.placeRevision.update({
        where: { id: revision.id },
        data: { state: 'REJECTED', reviewerId: user.id, reviewNote: input.note ?? null, reviewedAt: new Date() },
      });
      return { status: 'rejected' as const };
    }
    const place = await tx.place.findUniqueOrThrow({ where: { id: revision.placeId } });
    const changes = revision.changes as Record<string, { before: unknown; after: unknown }>;
    // Someone changed these fields after the proposal was made: do not overwrite silently.
    const stale = Object.entries(changes).some(([field, change]) => !sameRevisionValue((place as Record<string, unknown>)[field], change.before));
    if (stale) return { status: 'stale' as const };
    const data: Record<string, unknown> = {};
    for (const [field, change] of Object.entries(changes))
      data[field] = ['closedFrom', 'closedUntil', 'dateMaj'].includes(field) && change.after ? new Date(`${change.after}T00:00:00Z`) : change.after;
    await tx.place.update({ where: { id: place.id }, data: { ...(data as Prisma.PlaceUpdateInput), version: { increment: 1 } } });
    await tx.placeRevision.update({
      where: { id: revision.id },
      data: { state: 'APPLIED', reviewerId: user.id, reviewNote: input.note ?? null, reviewedAt: new Date(), baseVersion: place.version },
    });
    if ('openingHours' in changes) await replaceOpeningSlots(tx, place.id);
    return { status: 'applied' as const };
  });
}

/** Publish, unpublish (back to draft), archive, restore: never a hard delete. */
export async function setStatus(
  db: Db,
  user: SessionUser,
  input: { placeId: string; status: 'PUBLISHED' | 'DRAFT' | 'ARCHIVED'; reason?: string },
): Promise<{ status: 'done' | 'forbidden' | 'unchanged' }> {
  const loaded = await loadScope(db, input.placeId);
  if (!loaded || !canPublishPlace(user, loaded.scope)) return { status: 'forbidden' };
  if (loaded.place.status === input.status) return { status: 'unchanged' };
  await db.$transaction([
    db.place.update({
      where: { id: input.placeId },
      data: { status: input.status, archivedAt: input.status === 'ARCHIVED' ? new Date() : null, version: { increment: 1 } },
    }),
    db.placeRevision.create({
      data: {
        placeId: input.placeId,
        kind: 'STATUS',
        authorId: user.id,
        changes: { status: { before: loaded.place.status, after: input.status } },
        baseVersion: loaded.place.version,
        reason: input.reason ?? null,
      },
    }),
  ]);
  return { status: 'done' };
}

/** "Vérifié aujourd’hui": a person confirmed the listing (date_maj), on behalf of their network or the place. */
export async function confirmToday(db: Db, user: SessionUser, placeId: string): Promise<{ status: 'done' | 'forbidden' }> {
  const loaded = await loadScope(db, placeId);
  if (!loaded || !canEditPlace(user, loaded.scope)) return { status: 'forbidden' };
  const today = new Date(new Date().toISOString().slice(0, 10) + 'T00:00:00Z');
  // Shown as the network or the place that vouches, never the person (issue #22).
  const verifier = await verifierFor(db, user, loaded.scope.networkIds);
  await db.$transaction([
    db.place.update({ where: { id: placeId }, data: { dateMaj: today, ...verifier, version: { increment: 1 } } }),
    db.placeRevision.create({
      data: {
        placeId,
        kind: 'CONFIRM',
        authorId: user.id,
        changes: { dateMaj: { before: revisionValue(loaded.place.dateMaj), after: revisionValue(today) } },
        baseVersion: loaded.place.version,
      },
    }),
  ]);
  return { status: 'done' };
}

/** Restores the "before" values of a past revision, as a new revision. A restore is an edit: an
 * editor's restore on a published place of a network that reviews its editors becomes a pending
 * proposal for a coordinator, like any other change (issue #16, hole 7). */
export async function restoreRevision(
  db: Db,
  user: SessionUser,
  revisionId: string,
): Promise<{ status: 'restored' | 'forbidden' | 'gone' } | { status: 'pending'; revisionId: string }> {
  const revision = await db.placeRevision.findUnique({ where: { id: revisionId } });
  if (!revision || revision.state !== 'APPLIED') return { status: 'gone' as const };
  const loaded = await loadScope(db, revision.placeId);
  if (!loaded || !canEditPlace(user, loaded.scope)) return { status: 'forbidden' as const };
  const changes = revision.changes as Record<string, { before: unknown; after: unknown }>;
  const editable = Object.entries(changes).filter(([field]) => field !== 'status');
  if (!editable.length) return { status: 'gone' as const };
  return db.$transaction(async (tx) => {
    const place = await tx.place.findUniqueOrThrow({ where: { id: revision.placeId } });
    const data: Record<string, unknown> = {};
    const restored: Record<string, { before: unknown; after: unknown }> = {};
    for (const [field, change] of editable) {
      data[field] = ['closedFrom', 'closedUntil', 'dateMaj'].includes(field) && change.before ? new Date(`${change.before}T00:00:00Z`) : change.before;
      restored[field] = { before: revisionValue((place as Record<string, unknown>)[field]), after: change.before };
    }
    const reason = `Restauration de la modification du ${revision.createdAt.toLocaleDateString('fr-FR')}`;
    if (needsReview(user, { status: place.status, networksReviewRequired: loaded.reviewRequired })) {
      const proposal = await tx.placeRevision.create({
        data: {
          placeId: place.id,
          kind: 'RESTORE',
          state: 'PENDING',
          authorId: user.id,
          changes: restored as Prisma.InputJsonValue,
          baseVersion: place.version,
          reason,
        },
      });
      return { status: 'pending' as const, revisionId: proposal.id };
    }
    await tx.place.update({ where: { id: place.id }, data: { ...(data as Prisma.PlaceUpdateInput), version: { increment: 1 } } });
    await tx.placeRevision.create({
      data: { placeId: place.id, kind: 'RESTORE', authorId: user.id, changes: restored as Prisma.InputJsonValue, baseVersion: place.version, reason },
    });
    if ('openingHours' in restored) await replaceOpeningSlots(tx, place.id);
    return { status: 'restored' as const };
  });
}

/** A reviewer edited a proposal in the editor and saved their own version: the proposal is
 * settled as applied (with that note), so it leaves the queue. */
export async function settleEditedProposal(
  db: Db,
  user: SessionUser,
  input: { revisionId: string; placeId: string },
): Promise<{ status: 'done' | 'forbidden' | 'gone' }> {
  const revision = await db.placeRevision.findUnique({ where: { id: input.revisionId } });
  if (!revision || revision.state !== 'PENDING' || revision.placeId !== input.placeId) return { status: 'gone' };
  const loaded = await loadScope(db, revision.placeId);
  if (!loaded || !canReviewFor(user, loaded.scope)) return { status: 'forbidden' };
  await db.placeRevision.updateMany({
    where: { id: revision.id, state: 'PENDING' },
    data: { state: 'APPLIED', reviewerId: user.id, reviewedAt: new Date(), reviewNote: 'Modifiée par la coordination avant publication.' },
  });
  return { status: 'done' };
}
