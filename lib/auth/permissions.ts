// The one place where rights are decided. Pure functions over the signed-in user and the data
// they act on; every admin page, server action and route calls them on the server. Lists are
// narrowed by the `…ScopeWhere` helpers (Prisma) or `placeScopeSql` (raw SQL), never by a filter
// written again elsewhere. No I/O here: `Prisma.sql` only builds a query fragment.
import { Prisma } from '@prisma/client';

export type Role = 'ADMIN' | 'COORDINATOR' | 'EDITOR';
export type SessionUser = { id: string; email: string; name: string | null; role: Role; networkIds: string[]; placeIds: string[] };
export type PlaceScope = { id: string; networkIds: string[] };

export const isAdmin = (user: SessionUser) => user.role === 'ADMIN';

const coordinatesNetworks = (user: SessionUser) => isAdmin(user) || user.role === 'COORDINATOR';

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

/**
 * The same scope as `placeScopeWhere`, as a condition on the `"Place"` row aliased `alias` in raw
 * SQL (the back-office list filters on a computed score, which Prisma cannot express).
 */
export function placeScopeSql(user: SessionUser, alias = 'p'): Prisma.Sql {
  const place = Prisma.raw(`"${alias.replace(/[^A-Za-z_]/g, '')}"`);
  if (isAdmin(user)) return Prisma.sql`TRUE`;
  if (user.role === 'COORDINATOR') {
    const member = Prisma.sql`scope_m."placeId" = ${place}.id AND scope_m."networkId" = ANY(${user.networkIds}::uuid[])`;
    return Prisma.sql`EXISTS (SELECT 1 FROM "NetworkMembership" scope_m WHERE ${member})`;
  }
  return Prisma.sql`${place}.id = ANY(${user.placeIds}::uuid[])`;
}

/** The networks a user coordinates (admins: all; editors: none), e.g. for a network filter or picker. */
export function networkScopeWhere(user: SessionUser): Prisma.NetworkWhereInput {
  if (isAdmin(user)) return {};
  if (user.role === 'COORDINATOR') return { id: { in: user.networkIds } };
  return { id: { in: [] } };
}

/** The accounts a user may see on /admin/utilisateurs: all for admins; for coordinators, the people
 * of their networks and the editors of their networks' places; none for editors. */
export function accountScopeWhere(user: SessionUser): Prisma.UserWhereInput {
  if (isAdmin(user)) return {};
  if (user.role !== 'COORDINATOR') return { id: { in: [] } };
  return {
    OR: [
      { networks: { some: { networkId: { in: user.networkIds } } } },
      { places: { some: { place: { networks: { some: { networkId: { in: user.networkIds } } } } } } },
    ],
  };
}

/** Seeing an import run, its report and its downloads: admins, and the person who started it. */
export function canSeeImportRun(user: SessionUser, run: { userId: string | null }): boolean {
  return isAdmin(user) || run.userId === user.id;
}

/** The import runs listed on /admin/import (the same rule as `canSeeImportRun`, as a filter). */
export function importRunScopeWhere(user: SessionUser): Prisma.ImportRunWhereInput {
  return isAdmin(user) ? {} : { userId: user.id };
}

/** The review queue (/admin/a-valider) and its count on the dashboard: admins and coordinators;
 * each item is still decided by `canReviewFor`. */
export function canSeeReviewQueue(user: SessionUser): boolean {
  return coordinatesNetworks(user);
}

/** The networks' dashboards and campaigns (/admin/reseaux): admins and coordinators; each network
 * is still decided by `canManageNetwork`. */
/** The weekly digest (issue #23) goes to coordinators with a network: its settings are theirs. */
export function canReceiveDigest(user: SessionUser): boolean {
  return user.role === 'COORDINATOR' && user.networkIds.length > 0;
}

export function canSeeNetworkDashboards(user: SessionUser): boolean {
  return coordinatesNetworks(user);
}

/** Offering "Créer un lieu" and its form: admins and coordinators (the networks chosen are
 * checked by `canCreatePlace`). */
export function canStartPlaceCreation(user: SessionUser): boolean {
  return coordinatesNetworks(user);
}

/** A place created by a coordinator must belong to one of their networks; an admin's may belong to none. */
export function placeCreationNeedsNetwork(user: SessionUser): boolean {
  return !isAdmin(user);
}

/** Offering publish and archive on the places list: admins and coordinators (each place is still
 * decided by `canPublishPlace`). */
export function canPublishFromList(user: SessionUser): boolean {
  return coordinatesNetworks(user);
}

/** The accounts page (/admin/utilisateurs): admins and coordinators. */
export function canManageAccounts(user: SessionUser): boolean {
  return coordinatesNetworks(user);
}

/** The roles a user may offer in an invitation (each invitation is still decided by `canInvite`). */
export function invitableRoles(user: SessionUser): Role[] {
  if (isAdmin(user)) return ['EDITOR', 'COORDINATOR', 'ADMIN'];
  if (user.role === 'COORDINATOR') return ['EDITOR'];
  return [];
}

/** Disabling or enabling an account: admins, never their own. */
export function canSetAccountDisabled(user: SessionUser, accountId: string): boolean {
  return isAdmin(user) && user.id !== accountId;
}

/** The import page (/admin/import): admins and coordinators (each file's network is still decided by `canImport`). */
export function canStartImports(user: SessionUser): boolean {
  return coordinatesNetworks(user);
}

/** A coordinator's import must go into one of their networks; an admin's may go into none. */
export function importNeedsNetwork(user: SessionUser): boolean {
  return user.role === 'COORDINATOR';
}

/** The local outbox of mail sent (/admin/outbox): admins. */
export function canReadOutbox(user: SessionUser): boolean {
  return isAdmin(user);
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

/** Who a person's confirmation of a place is shown as (never their name): the place itself for its editor, the network for a coordinator, Repères's team for an admin (issue #22). */
export function verifiesAs(user: SessionUser): 'lieu' | 'reseau' | 'equipe' {
  return user.role === 'EDITOR' ? 'lieu' : user.role === 'COORDINATOR' ? 'reseau' : 'equipe';
}

/** Networks as they may vouch for a confirmation: a coordinator's own, among the place's. */
export function vouchingNetworkIds(user: SessionUser, placeNetworkIds: string[]): string[] {
  return verifiesAs(user) === 'reseau' ? placeNetworkIds.filter((id) => user.networkIds.includes(id)) : [];
}

/** Registering harvesters (webhooks of the change feed) is for admins. */
export function canManageHarvesters(user: SessionUser): boolean {
  return isAdmin(user);
}
