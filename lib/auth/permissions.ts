// The one place where rights are decided. Pure functions over the signed-in user and the data
// they act on; every admin page, server action and route calls them on the server.
import type { Prisma } from '@prisma/client';

export type Role = 'ADMIN' | 'COORDINATOR' | 'EDITOR';
export type SessionUser = { id: string; email: string; name: string | null; role: Role; networkIds: string[]; placeIds: string[] };
export type PlaceScope = { id: string; networkIds: string[] };

export const isAdmin = (user: SessionUser) => user.role === 'ADMIN';

export function canManageNetwork(user: SessionUser, networkId: string): boolean {
  return isAdmin(user) || (user.role === 'COORDINATOR' && user.networkIds.includes(networkId));
}

function coordinates(user: SessionUser, place: PlaceScope) {
  return user.role === 'COORDINATOR' && place.networkIds.some((id) => user.networkIds.includes(id));
}

function edits(user: SessionUser, place: PlaceScope) {
  return user.role === 'EDITOR' && user.placeIds.includes(place.id);
}

/** Seeing a place in the back-office, drafts and history included. */
export function canViewPlace(user: SessionUser, place: PlaceScope): boolean {
  return isAdmin(user) || coordinates(user, place) || edits(user, place);
}

export function canEditPlace(user: SessionUser, place: PlaceScope): boolean {
  return canViewPlace(user, place);
}

/** Publishing, unpublishing, archiving, restoring: admins and the place's coordinators. */
export function canPublishPlace(user: SessionUser, place: PlaceScope): boolean {
  return isAdmin(user) || coordinates(user, place);
}

/** Reviewing pending changes and public reports about a place. */
export function canReviewFor(user: SessionUser, place: PlaceScope): boolean {
  return isAdmin(user) || coordinates(user, place);
}

/** Creating a place: admins anywhere, coordinators in their networks. */
export function canCreatePlace(user: SessionUser, networkIds: string[]): boolean {
  return isAdmin(user) || (user.role === 'COORDINATOR' && networkIds.length > 0 && networkIds.every((id) => user.networkIds.includes(id)));
}

/** Who may invite whom: admins anyone; coordinators editors of their networks' places. */
export function canInvite(user: SessionUser, invitation: { role: Role; networkIds: string[]; placeScopes: PlaceScope[] }): boolean {
  if (isAdmin(user)) return true;
  if (user.role !== 'COORDINATOR' || invitation.role !== 'EDITOR') return false;
  return invitation.placeScopes.length > 0 && invitation.placeScopes.every((p) => coordinates(user, p));
}

/** An editor's change to a published place waits for a coordinator when the network asks for review. */
export function needsReview(user: SessionUser, place: { status: string; networksReviewRequired: boolean }): boolean {
  return user.role === 'EDITOR' && place.status === 'PUBLISHED' && place.networksReviewRequired;
}

/** Restricts a list of places to the user's scope. */
export function placeScopeWhere(user: SessionUser): Prisma.PlaceWhereInput {
  if (isAdmin(user)) return {};
  if (user.role === 'COORDINATOR') return { networks: { some: { networkId: { in: user.networkIds } } } };
  return { id: { in: user.placeIds } };
}

/** Importing a file: admins (into any network or none), coordinators into one of their networks. */
export function canImport(user: SessionUser, networkId: string | null): boolean {
  return isAdmin(user) || (user.role === 'COORDINATOR' && networkId !== null && user.networkIds.includes(networkId));
}

/** Merging two places flagged as duplicates, or dismissing the flag: admins. */
export function canMergePlaces(user: SessionUser): boolean {
  return isAdmin(user);
}

/**
 * Importing under a source name. A source belongs to the network it was first imported into
 * (null: to the administrators); `owner` undefined is a name never used. Admins may use any name;
 * coordinators a new name, or one of the network they import into.
 */
export function canImportUnderSource(user: SessionUser, networkId: string | null, owner: { networkId: string | null } | undefined): boolean {
  if (isAdmin(user)) return true;
  if (!canImport(user, networkId)) return false;
  return owner === undefined || owner.networkId === networkId;
}

/**
 * An import changing a place that already exists (its own row, or the same place found in another
 * source): admins any; coordinators only a place of the network they import into, whose source
 * belongs to that network (`sourceOwner`: the owner network of the place's source, null for an
 * administrators' source, undefined for a place made by hand).
 */
export function canImportOver(user: SessionUser, networkId: string | null, place: { networkIds: string[]; sourceOwner: string | null | undefined }): boolean {
  if (isAdmin(user)) return true;
  if (!canImport(user, networkId) || networkId === null || !place.networkIds.includes(networkId)) return false;
  return place.sourceOwner === undefined || place.sourceOwner === networkId;
}

/** Giving an import source to a network (or to the administrators) and setting its priority: admins. */
export function canManageImportSources(user: SessionUser): boolean {
  return isAdmin(user);
}

/** Server-sent fiches (an email from the project's domain to any address) are for signed-in
 * professionals only: every account has a role, and the session is checked by getCurrentUser. */
export function canSendFicheByMail(user: SessionUser | null): user is SessionUser {
  return !!user && (user.role === 'ADMIN' || user.role === 'COORDINATOR' || user.role === 'EDITOR');
}

/** Creating, editing and cancelling a place's ateliers, and reading their registrations: whoever may edit the place. */
export function canManageAteliers(user: SessionUser, place: PlaceScope): boolean {
  return canEditPlace(user, place);
}
