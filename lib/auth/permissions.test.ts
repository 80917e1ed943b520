// Every permission, cell by cell: who (admin, coordinator of network A, coordinator of network B,
// editor of one place of A) × what → the exact answer. Pure functions: no database here; the SQL
// scope (`placeScopeSql`) is compared with `placeScopeWhere` on PostgreSQL in
// tests/integration/admin-places-list.test.ts.
import { describe, expect, it } from 'vitest';
import * as P from './permissions';
import type { PlaceScope, SessionUser } from './permissions';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const user = (id: string, role: P.Role, networkIds: string[] = [], placeIds: string[] = []): SessionUser => ({
  id,
  email: `${id}@x.test`,
  name: null,
  role,
  networkIds,
  placeIds,
});
const admin = user('admin', 'ADMIN');
const coordA = user('coordA', 'COORDINATOR', [A]);
const coordB = user('coordB', 'COORDINATOR', [B]);
const editor = user('editor', 'EDITOR', [], ['p-edited']);
const who = { admin, coordA, coordB, editor };
type Who = keyof typeof who;

const edited: PlaceScope = { id: 'p-edited', networkIds: [A] };
const inA: PlaceScope = { id: 'p-a', networkIds: [A] };
const inB: PlaceScope = { id: 'p-b', networkIds: [B] };
const inBoth: PlaceScope = { id: 'p-ab', networkIds: [A, B] };
const orphan: PlaceScope = { id: 'p-none', networkIds: [] };

/** Checks one function over every user: `expected[who]` is its exact answer. */
function table<T>(name: string, decide: (u: SessionUser) => T, expected: Record<Who, T>) {
  it(name, () => {
    for (const [label, u] of Object.entries(who)) expect(decide(u), `${name} / ${label}`).toEqual(expected[label as Who]);
  });
}

describe('pages and links: who sees what', () => {
  table('canSeeReviewQueue', P.canSeeReviewQueue, { admin: true, coordA: true, coordB: true, editor: false });
  table('canSeeNetworkDashboards', P.canSeeNetworkDashboards, { admin: true, coordA: true, coordB: true, editor: false });
  table('canReceiveDigest', P.canReceiveDigest, { admin: false, coordA: true, coordB: true, editor: false });
  it('canReceiveDigest / a coordinator without a network', () => expect(P.canReceiveDigest(user('c0', 'COORDINATOR'))).toBe(false));
  table('canStartPlaceCreation', P.canStartPlaceCreation, { admin: true, coordA: true, coordB: true, editor: false });
  table('placeCreationNeedsNetwork', P.placeCreationNeedsNetwork, { admin: false, coordA: true, coordB: true, editor: true });
  table('canPublishFromList', P.canPublishFromList, { admin: true, coordA: true, coordB: true, editor: false });
  table('canManageAccounts', P.canManageAccounts, { admin: true, coordA: true, coordB: true, editor: false });
  table('invitableRoles', P.invitableRoles, { admin: ['EDITOR', 'COORDINATOR', 'ADMIN'], coordA: ['EDITOR'], coordB: ['EDITOR'], editor: [] });
  table('canStartImports', P.canStartImports, { admin: true, coordA: true, coordB: true, editor: false });
  table('importNeedsNetwork', P.importNeedsNetwork, { admin: false, coordA: true, coordB: true, editor: false });
  table('canReadOutbox', P.canReadOutbox, { admin: true, coordA: false, coordB: false, editor: false });
  table('canMergePlaces', P.canMergePlaces, { admin: true, coordA: false, coordB: false, editor: false });
  table('canManageImportSources', P.canManageImportSources, { admin: true, coordA: false, coordB: false, editor: false });
  table('canSendFicheByMail', P.canSendFicheByMail, { admin: true, coordA: true, coordB: true, editor: true });
  it('canSendFicheByMail / nobody signed in', () => expect(P.canSendFicheByMail(null)).toBe(false));
});

describe('accounts', () => {
  table('canSetAccountDisabled on someone else', (u) => P.canSetAccountDisabled(u, 'someone'), { admin: true, coordA: false, coordB: false, editor: false });
  table('canSetAccountDisabled on oneself', (u) => P.canSetAccountDisabled(u, u.id), { admin: false, coordA: false, coordB: false, editor: false });
  const invite =
    (role: P.Role, placeScopes: PlaceScope[], networkIds: string[] = []) =>
    (u: SessionUser) =>
      P.canInvite(u, { role, networkIds, placeScopes });
  table('canInvite an editor of a place of A', invite('EDITOR', [inA]), { admin: true, coordA: true, coordB: false, editor: false });
  table('canInvite an editor of places of A and B', invite('EDITOR', [inA, inB]), { admin: true, coordA: false, coordB: false, editor: false });
  table('canInvite an editor without a place', invite('EDITOR', []), { admin: true, coordA: false, coordB: false, editor: false });
  table('canInvite a coordinator of A', invite('COORDINATOR', [], [A]), { admin: true, coordA: false, coordB: false, editor: false });
  table('canInvite an admin', invite('ADMIN', []), { admin: true, coordA: false, coordB: false, editor: false });
});

describe('places', () => {
  const places = { edited, inA, inB, inBoth, orphan };
  const cells = (decide: (u: SessionUser, p: PlaceScope) => boolean) => (u: SessionUser) =>
    Object.fromEntries(Object.entries(places).map(([k, p]) => [k, decide(u, p)]));
  const all = { edited: true, inA: true, inB: true, inBoth: true, orphan: true };
  const onlyA = { edited: true, inA: true, inB: false, inBoth: true, orphan: false };
  const onlyB = { edited: false, inA: false, inB: true, inBoth: true, orphan: false };
  const none = { edited: false, inA: false, inB: false, inBoth: false, orphan: false };
  const own = { ...none, edited: true };
  table('canViewPlace', cells(P.canViewPlace), { admin: all, coordA: onlyA, coordB: onlyB, editor: own });
  table('canEditPlace', cells(P.canEditPlace), { admin: all, coordA: onlyA, coordB: onlyB, editor: own });
  table('canPublishPlace', cells(P.canPublishPlace), { admin: all, coordA: onlyA, coordB: onlyB, editor: none });
  table('canReviewFor', cells(P.canReviewFor), { admin: all, coordA: onlyA, coordB: onlyB, editor: none });
  table('canCreatePlace in A', (u) => P.canCreatePlace(u, [A]), { admin: true, coordA: true, coordB: false, editor: false });
  table('canCreatePlace in A and B', (u) => P.canCreatePlace(u, [A, B]), { admin: true, coordA: false, coordB: false, editor: false });
  table('canCreatePlace in no network', (u) => P.canCreatePlace(u, []), { admin: true, coordA: false, coordB: false, editor: false });
  const review = (status: string, networksReviewRequired: boolean) => (u: SessionUser) => P.needsReview(u, { status, networksReviewRequired });
  table('needsReview, published, network asks', review('PUBLISHED', true), { admin: false, coordA: false, coordB: false, editor: true });
  table('needsReview, published, network does not ask', review('PUBLISHED', false), { admin: false, coordA: false, coordB: false, editor: false });
  table('needsReview, draft, network asks', review('DRAFT', true), { admin: false, coordA: false, coordB: false, editor: false });
});

describe('networks and imports', () => {
  table('canManageNetwork A', (u) => P.canManageNetwork(u, A), { admin: true, coordA: true, coordB: false, editor: false });
  table('canSeeImportRun of coordA', (u) => P.canSeeImportRun(u, { userId: 'coordA' }), { admin: true, coordA: true, coordB: false, editor: false });
  table('canSeeImportRun of the command line (no user)', (u) => P.canSeeImportRun(u, { userId: null }), {
    admin: true,
    coordA: false,
    coordB: false,
    editor: false,
  });
  table('canImport into A', (u) => P.canImport(u, A), { admin: true, coordA: true, coordB: false, editor: false });
  table('canImport into no network', (u) => P.canImport(u, null), { admin: true, coordA: false, coordB: false, editor: false });
  table('canImportUnderSource, new name, into A', (u) => P.canImportUnderSource(u, A, undefined), { admin: true, coordA: true, coordB: false, editor: false });
  table('canImportUnderSource, name of A, into A', (u) => P.canImportUnderSource(u, A, { networkId: A }), {
    admin: true,
    coordA: true,
    coordB: false,
    editor: false,
  });
  table('canImportUnderSource, name of B, into A', (u) => P.canImportUnderSource(u, A, { networkId: B }), {
    admin: true,
    coordA: false,
    coordB: false,
    editor: false,
  });
  table('canImportUnderSource, administrators’ name, into A', (u) => P.canImportUnderSource(u, A, { networkId: null }), {
    admin: true,
    coordA: false,
    coordB: false,
    editor: false,
  });
  table('canImportOver a hand-made place of A, into A', (u) => P.canImportOver(u, A, { networkIds: [A], sourceOwner: undefined }), {
    admin: true,
    coordA: true,
    coordB: false,
    editor: false,
  });
  table('canImportOver a place of A from a source of A', (u) => P.canImportOver(u, A, { networkIds: [A], sourceOwner: A }), {
    admin: true,
    coordA: true,
    coordB: false,
    editor: false,
  });
  table('canImportOver a place of A from a source of B', (u) => P.canImportOver(u, A, { networkIds: [A], sourceOwner: B }), {
    admin: true,
    coordA: false,
    coordB: false,
    editor: false,
  });
  table('canImportOver a place of B only, into A', (u) => P.canImportOver(u, A, { networkIds: [B], sourceOwner: undefined }), {
    admin: true,
    coordA: false,
    coordB: false,
    editor: false,
  });
});

describe('scopes of lists', () => {
  table('placeScopeWhere', P.placeScopeWhere, {
    admin: {},
    coordA: { networks: { some: { networkId: { in: [A] } } } },
    coordB: { networks: { some: { networkId: { in: [B] } } } },
    editor: { id: { in: ['p-edited'] } },
  });
  table('networkScopeWhere', P.networkScopeWhere, { admin: {}, coordA: { id: { in: [A] } }, coordB: { id: { in: [B] } }, editor: { id: { in: [] } } });
  table('importRunScopeWhere', P.importRunScopeWhere, { admin: {}, coordA: { userId: 'coordA' }, coordB: { userId: 'coordB' }, editor: { userId: 'editor' } });
  const inNetworks = (ids: string[]) => ({
    OR: [{ networks: { some: { networkId: { in: ids } } } }, { places: { some: { place: { networks: { some: { networkId: { in: ids } } } } } } }],
  });
  table('accountScopeWhere', P.accountScopeWhere, { admin: {}, coordA: inNetworks([A]), coordB: inNetworks([B]), editor: { id: { in: [] } } });
  table('placeScopeSql (text and values)', (u) => ({ sql: P.placeScopeSql(u, 'p').sql, values: P.placeScopeSql(u, 'p').values }), {
    admin: { sql: 'TRUE', values: [] },
    coordA: {
      sql: 'EXISTS (SELECT 1 FROM "NetworkMembership" scope_m WHERE scope_m."placeId" = "p".id AND scope_m."networkId" = ANY(?::uuid[]))',
      values: [[A]],
    },
    coordB: {
      sql: 'EXISTS (SELECT 1 FROM "NetworkMembership" scope_m WHERE scope_m."placeId" = "p".id AND scope_m."networkId" = ANY(?::uuid[]))',
      values: [[B]],
    },
    editor: { sql: '"p".id = ANY(?::uuid[])', values: [['p-edited']] },
  });

  // The scopes are the list form of the single decisions: read as filters, they let through
  // exactly what the `can…` functions allow.
  it('networkScopeWhere selects exactly the networks canManageNetwork allows', () => {
    for (const u of Object.values(who)) {
      const where = P.networkScopeWhere(u) as { id?: { in: string[] } };
      for (const id of [A, B]) expect(!where.id || where.id.in.includes(id), `${u.id} / ${id}`).toBe(P.canManageNetwork(u, id));
    }
  });
  it('placeScopeWhere selects exactly the places canViewPlace allows', () => {
    for (const u of Object.values(who)) {
      const where = P.placeScopeWhere(u) as { id?: { in: string[] }; networks?: { some: { networkId: { in: string[] } } } };
      for (const place of [edited, inA, inB, inBoth, orphan]) {
        const selected = where.id
          ? where.id.in.includes(place.id)
          : where.networks
            ? place.networkIds.some((id) => where.networks!.some.networkId.in.includes(id))
            : true;
        expect(selected, `${u.id} / ${place.id}`).toBe(P.canViewPlace(u, place));
      }
    }
  });
  it('importRunScopeWhere selects exactly the runs canSeeImportRun allows', () => {
    for (const u of Object.values(who)) {
      const where = P.importRunScopeWhere(u) as { userId?: string };
      for (const userId of ['coordA', 'editor', null])
        expect(where.userId === undefined || where.userId === userId, `${u.id} / ${userId}`).toBe(P.canSeeImportRun(u, { userId }));
    }
  });
});
