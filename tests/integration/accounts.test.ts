import bcrypt from 'bcryptjs';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { acceptInvitation, inviteUser, listVisibleUsers, passwordProblem, requestPasswordReset, resetPassword, setUserDisabled } from '../../lib/auth/accounts';
import type { SessionUser } from '../../lib/auth/permissions';
import { createPlace, findPossibleDuplicates } from '../../lib/places/create';
import { resetMemoryLimits } from '../../lib/security/rate-limit';
import { seedDemo } from '../../prisma/seed';
import { demoUsers, resetDatabase, testDb } from '../helpers/db';
import { withSmtpSink } from '../helpers/smtp-sink';

const db = testDb();
const BASE = 'http://localhost:3000';

/** The token in the last message sent to `to`, read from the mail as a person would (the outbox
 * copy masks it). */
function tokenIn(messages: Array<{ to: string; text: string }>, to: string, path: string) {
  const message = messages.filter((m) => m.to === to).at(-1);
  const link = message?.text.match(new RegExp(`https?://\\S+${path}\\?jeton=([\\w-]+)`));
  expect(link, message?.text).not.toBeNull();
  return link![1];
}

describe('accounts: invitations, password resets, disabling', () => {
  let admin: SessionUser, coordinator: SessionUser, editor: SessionUser, hubCoordinator: SessionUser;
  let cybanjouId: string, hubId: string, cybanjouPlace: string, hubOnlyPlace: string;

  beforeAll(async () => {
    await resetDatabase(db);
    await seedDemo(db, { testFixture: true });
    ({ admin, coordinator, editor, hubCoordinator } = await demoUsers(db));
    cybanjouId = (await db.network.findUniqueOrThrow({ where: { slug: 'cybanjou' } })).id;
    hubId = (await db.network.findUniqueOrThrow({ where: { slug: 'hub-pdl' } })).id;
    cybanjouPlace = (await db.place.findFirstOrThrow({ where: { networks: { some: { networkId: cybanjouId }, none: { networkId: hubId } } } })).id;
    hubOnlyPlace = (await db.place.findFirstOrThrow({ where: { networks: { some: { networkId: hubId }, none: { networkId: cybanjouId } } } })).id;
  });
  beforeEach(() => resetMemoryLimits());
  afterAll(async () => {
    await resetDatabase(db);
  });

  it('lets each role invite only what it may grant', async () => {
    const invite = (who: SessionUser, role: 'ADMIN' | 'COORDINATOR' | 'EDITOR', networkIds: string[], placeIds: string[]) =>
      inviteUser(db, who, { email: `x${Math.random().toString(36).slice(2)}@exemple.fr`, role, networkIds, placeIds, baseUrl: BASE });
    expect((await invite(admin, 'COORDINATOR', [hubId], [])).status).toBe('sent');
    expect((await invite(coordinator, 'EDITOR', [], [cybanjouPlace])).status).toBe('sent');
    expect((await invite(coordinator, 'EDITOR', [], [hubOnlyPlace])).status).toBe('forbidden');
    expect((await invite(coordinator, 'COORDINATOR', [cybanjouId], [])).status).toBe('forbidden');
    expect((await invite(coordinator, 'ADMIN', [], [])).status).toBe('forbidden');
    expect((await invite(hubCoordinator, 'EDITOR', [], [cybanjouPlace])).status).toBe('forbidden');
    expect((await invite(editor, 'EDITOR', [], [editor.placeIds[0]])).status).toBe('forbidden');
    expect((await invite(admin, 'EDITOR', [], ['00000000-0000-4000-8000-000000000000'])).status).toBe('forbidden');
    const noScope = await invite(admin, 'EDITOR', [], []);
    expect(noScope).toMatchObject({ status: 'invalid', message: expect.stringContaining('au moins un lieu') });
    const badEmail = await inviteUser(db, admin, { email: 'pas-une-adresse', role: 'EDITOR', networkIds: [], placeIds: [cybanjouPlace], baseUrl: BASE });
    expect(badEmail).toMatchObject({ status: 'invalid', message: expect.stringContaining('Adresse électronique invalide') });
  });

  it('turns an accepted invitation into an account with that role and scope, once', async () => {
    const email = 'nouvelle.mediatrice@exemple.fr';
    const { result, messages } = await withSmtpSink(() => inviteUser(db, coordinator, { email, role: 'EDITOR', networkIds: [], placeIds: [cybanjouPlace], baseUrl: BASE }));
    expect(result.status).toBe('sent');
    const token = tokenIn(messages, email, '/connexion/invitation');

    const weak = await acceptInvitation(db, { token, name: 'Léa', password: 'court' });
    expect(weak).toMatchObject({ status: 'invalid', message: expect.stringContaining('10 caractères') });
    expect(await db.user.findUnique({ where: { email } })).toBeNull();

    expect(await acceptInvitation(db, { token, name: 'Léa Martin', password: 'un-long-mot-de-passe' })).toEqual({ status: 'accepted', email });
    const created = await db.user.findUniqueOrThrow({ where: { email }, include: { places: true } });
    expect(created).toMatchObject({ role: 'EDITOR', name: 'Léa Martin' });
    expect(created.places.map((p) => p.placeId)).toEqual([cybanjouPlace]);
    expect(await bcrypt.compare('un-long-mot-de-passe', created.passwordHash!)).toBe(true);

    expect(await acceptInvitation(db, { token, name: 'Autre', password: 'un-autre-mot-de-passe' })).toEqual({ status: 'expired' });
    const visibleToCoordinator = (await listVisibleUsers(coordinator, db)).map((u) => u.email);
    expect(visibleToCoordinator).toContain(email);
    expect((await listVisibleUsers(hubCoordinator, db)).map((u) => u.email)).not.toContain(email);
  });

  it('resets a password by email without revealing accounts, and ends the old sessions', async () => {
    const { result, messages } = await withSmtpSink(async () => [
      await requestPasswordReset(db, { email: 'personne@nulle-part.fr', clientKey: 'k', baseUrl: BASE }),
      await requestPasswordReset(db, { email: editor.email, clientKey: 'k', baseUrl: BASE }),
    ]);
    expect(result[0]).toEqual(result[1]);
    expect(messages.map((m) => m.to)).toEqual([editor.email]);

    const token = tokenIn(messages, editor.email, '/connexion/nouveau-mot-de-passe');
    const before = await db.user.findUniqueOrThrow({ where: { id: editor.id } });
    expect(await resetPassword(db, { token, password: 'aaaaaaaaaaaa' })).toMatchObject({ status: 'invalid' });
    expect(await resetPassword(db, { token, password: 'nouveau-secret-2026' })).toEqual({ status: 'done' });
    const after = await db.user.findUniqueOrThrow({ where: { id: editor.id } });
    expect(await bcrypt.compare('nouveau-secret-2026', after.passwordHash!)).toBe(true);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await resetPassword(db, { token, password: 'encore-un-secret-2026' })).toEqual({ status: 'expired' });
  });

  it('answers sign-in link and reset requests after the same work whether or not the account exists', async () => {
    const { requestMagicLink } = await import('../../lib/auth/magic-link');
    const { startSmtpSink } = await import('../helpers/smtp-sink');
    // A slow mail server: were the mail sent before answering, an existing account would show.
    const sink = await startSmtpSink({ delayMs: 600 });
    process.env.SMTP_URL = sink.url;
    const deferred: Array<() => Promise<void>> = [];
    const defer = (task: () => Promise<void>) => void deferred.push(task);
    try {
      const timed = async (ask: () => Promise<unknown>) => {
        const started = performance.now();
        const answer = await ask();
        return { answer, ms: performance.now() - started };
      };
      const asks = [
        () => requestMagicLink(db, { email: coordinator.email, clientKey: 'timing', baseUrl: BASE, defer }),
        () => requestMagicLink(db, { email: 'personne.inconnue@nulle-part.fr', clientKey: 'timing', baseUrl: BASE, defer }),
        () => requestPasswordReset(db, { email: coordinator.email, clientKey: 'timing', baseUrl: BASE, defer }),
        () => requestPasswordReset(db, { email: 'personne.inconnue@nulle-part.fr', clientKey: 'timing', baseUrl: BASE, defer }),
      ];
      const results = [];
      for (const ask of asks) results.push(await timed(ask));
      expect(results[0].answer).toEqual(results[1].answer);
      expect(results[2].answer).toEqual(results[3].answer);
      // Nothing was looked up nor sent before answering: every answer is quicker than the mail server.
      for (const { ms } of results) expect(ms).toBeLessThan(400);
      expect(sink.received).toHaveLength(0);
      expect(deferred).toHaveLength(4);
      // After the answers, the deferred work sends exactly the two mails to the existing account.
      for (const task of deferred) await task();
      expect(sink.received.map((m) => m.to)).toEqual([coordinator.email, coordinator.email]);
    } finally {
      delete process.env.SMTP_URL;
      await sink.close();
    }
  });

  it('ends the other sessions and voids every other outstanding link when a reset is accepted', async () => {
    const { issueToken, consumeToken } = await import('../../lib/auth/tokens');
    const { authOptions } = await import('../../lib/auth/options');
    const user = await db.user.findUniqueOrThrow({ where: { id: editor.id } });
    const sessionOf = (sv: number) =>
      authOptions.callbacks!.session!({ session: { expires: '2099-01-01T00:00:00.000Z' }, token: { uid: user.id, sv }, user: undefined as never, newSession: undefined, trigger: 'update' } as never) as unknown as Promise<{ uid?: string }>;
    expect((await sessionOf(user.sessionVersion)).uid).toBe(user.id);

    // Links an attacker holding the mailbox could have asked for before the owner reset.
    const magic = await issueToken(db, 'MAGIC_LINK', editor.email);
    const otherReset = await issueToken(db, 'PASSWORD_RESET', editor.email);
    const invitation = await issueToken(db, 'INVITATION', editor.email, { role: 'EDITOR', placeIds: editor.placeIds });
    const reset = await issueToken(db, 'PASSWORD_RESET', editor.email);
    const someoneElse = await issueToken(db, 'MAGIC_LINK', admin.email);
    expect(await resetPassword(db, { token: reset, password: 'secret-tout-neuf-2026' })).toEqual({ status: 'done' });

    expect(await consumeToken(db, 'MAGIC_LINK', magic)).toBeNull();
    expect(await consumeToken(db, 'PASSWORD_RESET', otherReset)).toBeNull();
    expect(await consumeToken(db, 'INVITATION', invitation)).toBeNull();
    expect(await consumeToken(db, 'MAGIC_LINK', someoneElse)).not.toBeNull();
    // The session opened before the reset is empty now; a new one is fine.
    expect((await sessionOf(user.sessionVersion)).uid).toBeUndefined();
    expect((await sessionOf(user.sessionVersion + 1)).uid).toBe(user.id);
  });

  it('rate-limits reset requests per account quietly', async () => {
    for (let i = 0; i < 5; i++) await requestPasswordReset(db, { email: coordinator.email, clientKey: `ip${i}`, baseUrl: BASE });
    const sent = await db.outboxMessage.count({ where: { to: coordinator.email, subject: { contains: 'mot de passe' } } });
    expect(sent).toBe(3);
  });

  it('only admins disable accounts, never their own', async () => {
    expect(await setUserDisabled(db, coordinator, editor.id, true)).toEqual({ status: 'forbidden' });
    expect(await setUserDisabled(db, admin, admin.id, true)).toEqual({ status: 'forbidden' });
    expect(await setUserDisabled(db, admin, editor.id, true)).toEqual({ status: 'done' });
    expect((await db.user.findUniqueOrThrow({ where: { id: editor.id } })).disabled).toBe(true);
    await setUserDisabled(db, admin, editor.id, false);
  });

  it('keeps a disabled account disabled: no invitation brings it back (issue #16, hole 8)', async () => {
    const email = 'ancienne.mediatrice@exemple.fr';
    // One after the other: each sink takes SMTP_URL while its invitation is sent.
    const tokens: string[] = [];
    for (let i = 0; i < 2; i++) {
      const { result, messages } = await withSmtpSink(() => inviteUser(db, coordinator, { email, role: 'EDITOR', networkIds: [], placeIds: [cybanjouPlace], baseUrl: BASE }));
      expect(result.status).toBe('sent');
      tokens.push(tokenIn(messages, email, '/connexion/invitation'));
    }
    expect(await acceptInvitation(db, { token: tokens[0], name: 'Ancienne', password: 'un-long-mot-de-passe' })).toEqual({ status: 'accepted', email });
    const account = await db.user.findUniqueOrThrow({ where: { email } });
    // A second invitation, still pending, and a new one sent after the account is disabled.
    expect(await setUserDisabled(db, admin, account.id, true)).toEqual({ status: 'done' });
    expect(await db.authToken.count({ where: { email, usedAt: null } })).toBe(0);
    expect(await acceptInvitation(db, { token: tokens[1], name: 'Ancienne', password: 'encore-un-mot-de-passe' })).toEqual({ status: 'expired' });
    const again = await inviteUser(db, coordinator, { email, role: 'EDITOR', networkIds: [], placeIds: [cybanjouPlace], baseUrl: BASE });
    expect(again).toMatchObject({ status: 'invalid', message: expect.stringContaining('désactivé') });
    // Even an invitation issued behind the inviting form's back does not re-enable it.
    const { issueToken } = await import('../../lib/auth/tokens');
    const forged = await issueToken(db, 'INVITATION', email, { role: 'EDITOR', placeIds: [cybanjouPlace], invitedBy: admin.id });
    expect(await acceptInvitation(db, { token: forged, name: 'Ancienne', password: 'encore-un-mot-de-passe' })).toMatchObject({ status: 'invalid', message: expect.stringContaining('désactivé') });
    const after = await db.user.findUniqueOrThrow({ where: { email } });
    expect(after.disabled).toBe(true);
    expect(after.passwordHash).toBe(account.passwordHash);
    // Only an admin re-enables it.
    expect(await setUserDisabled(db, admin, account.id, false)).toEqual({ status: 'done' });
    expect((await db.user.findUniqueOrThrow({ where: { email } })).disabled).toBe(false);
  });

  it('ends the account’s other sessions when an invitation sets its password', async () => {
    const email = editor.email;
    const before = await db.user.findUniqueOrThrow({ where: { email } });
    const extra = await db.place.findFirstOrThrow({ where: { networks: { some: { networkId: cybanjouId } }, id: { notIn: editor.placeIds } } });
    const invite = async () => {
      const { result, messages } = await withSmtpSink(() => inviteUser(db, coordinator, { email, role: 'EDITOR', networkIds: [], placeIds: [extra.id], baseUrl: BASE }));
      expect(result.status).toBe('sent');
      return tokenIn(messages, email, '/connexion/invitation');
    };
    // Without a password: the account gains the place, its sessions stay.
    expect(await acceptInvitation(db, { token: await invite(), name: '', password: '' })).toEqual({ status: 'accepted', email });
    expect((await db.user.findUniqueOrThrow({ where: { email } })).sessionVersion).toBe(before.sessionVersion);
    expect(await acceptInvitation(db, { token: await invite(), name: '', password: 'un-mot-de-passe-neuf' })).toEqual({ status: 'accepted', email });
    const after = await db.user.findUniqueOrThrow({ where: { email } });
    expect(await bcrypt.compare('un-mot-de-passe-neuf', after.passwordHash!)).toBe(true);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
  });

  it('rejects weak passwords with French reasons', () => {
    expect(passwordProblem('abc')).toMatch(/10 caractères/);
    expect(passwordProblem('aaaaaaaaaaaaaa')).toMatch(/trop simple/);
    expect(passwordProblem('lea.martin-2026', 'lea.martin@exemple.fr')).toMatch(/adresse/);
    expect(passwordProblem('cheval-batterie-agrafe')).toBeNull();
  });
});

describe('creating a place', () => {
  let admin: SessionUser, coordinator: SessionUser, editor: SessionUser, hubCoordinator: SessionUser, cybanjouId: string, hubId: string;
  const values = { name: 'Espace numérique des Rives', street: '3 quai des Carmes', addressComplement: '', postcode: '49100', commune: 'Angers', latitude: '47.4739', longitude: '-0.5588' };

  beforeAll(async () => {
    await resetDatabase(db);
    await seedDemo(db, { testFixture: true });
    ({ admin, coordinator, editor, hubCoordinator } = await demoUsers(db));
    cybanjouId = (await db.network.findUniqueOrThrow({ where: { slug: 'cybanjou' } })).id;
    hubId = (await db.network.findUniqueOrThrow({ where: { slug: 'hub-pdl' } })).id;
  });

  it('creates a draft in the coordinator’s network with a revision, and refuses outside it', async () => {
    expect((await createPlace(db, editor, { values, networkIds: [cybanjouId], confirmDuplicate: false })).status).toBe('forbidden');
    expect((await createPlace(db, coordinator, { values, networkIds: [hubId], confirmDuplicate: false })).status).toBe('forbidden');
    expect((await createPlace(db, coordinator, { values, networkIds: [], confirmDuplicate: false })).status).toBe('forbidden');
    const result = await createPlace(db, coordinator, { values, networkIds: [cybanjouId], confirmDuplicate: false });
    expect(result.status).toBe('created');
    const place = await db.place.findUniqueOrThrow({ where: { id: (result as { id: string }).id }, include: { networks: true, revisions: true } });
    expect(place).toMatchObject({ status: 'DRAFT', name: values.name, inseeCode: '49007', latitude: 47.4739, slug: 'espace-numerique-des-rives-angers' });
    expect(place.networks.map((n) => n.networkId)).toEqual([cybanjouId]);
    expect(place.revisions.map((r) => r.kind)).toEqual(['CREATE']);
  });

  it('warns about a probable duplicate (similar name nearby), and creates only when confirmed', async () => {
    const again = { ...values, name: 'Espace numerique des rives', street: '3 quai des Carmes' };
    const warned = await createPlace(db, admin, { values: again, networkIds: [], confirmDuplicate: false });
    expect(warned.status).toBe('duplicates');
    if (warned.status === 'duplicates') {
      expect(warned.matches[0]).toMatchObject({ name: 'Espace numérique des Rives', commune: 'Angers' });
      expect(warned.matches[0].distanceMeters).toBeLessThan(10);
    }
    const count = await db.place.count();
    expect((await createPlace(db, admin, { values: again, networkIds: [], confirmDuplicate: true })).status).toBe('created');
    expect(await db.place.count()).toBe(count + 1);
    // Same name, same commune, another postcode and no point: still found.
    const sameCommune = await findPossibleDuplicates(db, admin, { name: 'Espace numérique des Tilleuls', postcode: '49100', commune: 'ANGERS', latitude: null, longitude: null });
    expect(sameCommune.map((m) => m.name)).toContain('Espace numérique des Tilleuls');
    // A different name in the same street is not a duplicate.
    expect(await findPossibleDuplicates(db, admin, { name: 'Médiathèque Toussaint', postcode: '49100', commune: 'Angers', latitude: 47.4739, longitude: -0.5588 })).toEqual([]);
  });

  it('warns about published places of every network, but about drafts and archives of the person’s own scope only', async () => {
    const inHub = { networks: { some: { networkId: hubId }, none: { networkId: cybanjouId } } };
    const inCybanjou = { networks: { some: { networkId: cybanjouId }, none: { networkId: hubId } } };
    const [hubDraft, cybanjouArchived, orphanArchived, hubPublished, cybanjouDraft] = await Promise.all([
      db.place.findFirstOrThrow({ where: { status: 'DRAFT', ...inHub } }),
      db.place.findFirstOrThrow({ where: { status: 'ARCHIVED', ...inCybanjou } }),
      db.place.findFirstOrThrow({ where: { status: 'ARCHIVED', networks: { none: {} } } }),
      db.place.findFirstOrThrow({ where: { status: 'PUBLISHED', ...inHub } }),
      db.place.findFirstOrThrow({ where: { status: 'DRAFT', ...inCybanjou } }),
    ]);
    const warned = async (who: SessionUser, place: typeof hubDraft) =>
      (await findPossibleDuplicates(db, who, { name: place.name, postcode: place.postcode, commune: place.commune, latitude: place.latitude, longitude: place.longitude })).map((m) => m.id);
    // Another network's unpublished places do not leak through the warning...
    expect(await warned(coordinator, hubDraft)).not.toContain(hubDraft.id);
    expect(await warned(editor, hubDraft)).not.toContain(hubDraft.id);
    expect(await warned(hubCoordinator, cybanjouDraft)).not.toContain(cybanjouDraft.id);
    expect(await warned(hubCoordinator, cybanjouArchived)).not.toContain(cybanjouArchived.id);
    expect(await warned(coordinator, orphanArchived)).not.toContain(orphanArchived.id);
    // ...through createPlace either: the coordinator's new place is created, not warned about.
    const created = await createPlace(db, coordinator, { values: { name: hubDraft.name, street: hubDraft.street, addressComplement: '', postcode: hubDraft.postcode, commune: hubDraft.commune, latitude: String(hubDraft.latitude), longitude: String(hubDraft.longitude) }, networkIds: [cybanjouId], confirmDuplicate: false });
    expect(created.status).toBe('created');
    // Their own, and every published place, do show.
    expect(await warned(hubCoordinator, hubDraft)).toContain(hubDraft.id);
    expect(await warned(coordinator, cybanjouDraft)).toContain(cybanjouDraft.id);
    expect(await warned(coordinator, cybanjouArchived)).toContain(cybanjouArchived.id);
    expect(await warned(admin, hubDraft)).toContain(hubDraft.id);
    expect(await warned(admin, orphanArchived)).toContain(orphanArchived.id);
    // The status comes as Prisma names it, so the form can offer to restore an archived place.
    const archivedMatch = (await findPossibleDuplicates(db, admin, { ...orphanArchived })).find((m) => m.id === orphanArchived.id);
    expect(archivedMatch?.status).toBe('ARCHIVED');
    expect(await warned(coordinator, hubPublished)).toContain(hubPublished.id);
    expect(await warned(editor, hubPublished)).toContain(hubPublished.id);
  });

  it('keeps invalid input out with French messages, and geocodes an address without a point', async () => {
    const invalid = await createPlace(db, admin, { values: { ...values, name: '', postcode: '4910' }, networkIds: [], confirmDuplicate: false });
    expect(invalid).toMatchObject({ status: 'invalid', errors: { name: 'Le nom est obligatoire.', postcode: expect.stringContaining('5 chiffres') } });
    const geocoded = await createPlace(db, admin, { values: { ...values, name: 'Atelier numérique de Trélazé', street: '1 rue Jean Jaurès', postcode: '49800', commune: 'Trélazé', latitude: null, longitude: null }, networkIds: [], confirmDuplicate: false });
    expect(geocoded.status).toBe('created');
    const place = await db.place.findUniqueOrThrow({ where: { id: (geocoded as { id: string }).id } });
    // Offline (no GEOCODER_URL): placed in Trélazé, near Angers.
    expect(place.latitude).toBeGreaterThan(47.3);
    expect(place.latitude).toBeLessThan(47.6);
    expect(place.inseeCode).toBe('49353');
  });
});

describe('signing in with a password', () => {
  type Authorize = (credentials: Record<string, string>, request: { headers: Record<string, string> }) => Promise<{ id: string } | null>;
  let authorize: Authorize;

  beforeAll(async () => {
    await resetDatabase(db);
    await seedDemo(db, { testFixture: true });
    const { authOptions } = await import('../../lib/auth/options');
    // next-auth keeps the provider's own settings (its id, its authorize) under `options`.
    const providers = authOptions.providers as unknown as Array<{ options: { id: string; authorize: Authorize } }>;
    authorize = providers.find((p) => p.options.id === 'password')!.options.authorize;
  });
  beforeEach(() => resetMemoryLimits());

  const attempt = (password: string, ip = '203.0.113.7', email = 'editeur@tilleuls.example.org') => authorize({ email, password }, { headers: { 'x-reperes-peer': ip } });

  it('lets a person sign in as often as they like, but locks an account after 10 wrong passwords', async () => {
    for (let i = 0; i < 12; i++) expect(await attempt('demo-editeur-2026')).not.toBeNull();
    for (let i = 0; i < 10; i++) expect(await attempt('mauvais-mot-de-passe', `198.51.100.${i}`)).toBeNull();
    // Even the right password, from a fresh address, is refused now.
    expect(await attempt('demo-editeur-2026', '192.0.2.1')).toBeNull();
    // Another account is not affected.
    expect(await attempt('demo-coord-2026', '192.0.2.1', 'coordination@cybanjou.example.org')).not.toBeNull();
  });

  it('counts a guess before comparing: of 100 simultaneous wrong guesses, at most 10 reach bcrypt, then the account is locked', async () => {
    const compare = vi.spyOn(bcrypt, 'compare');
    try {
      // From 100 different addresses, so that only the per-account limit stands in the way.
      const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => attempt(`devine-${i}-xyz`, `198.51.${Math.floor(i / 50)}.${i}`)));
      expect(answers.every((a) => a === null)).toBe(true);
      const compared = compare.mock.calls.length;
      expect(compared).toBeGreaterThan(0);
      expect(compared).toBeLessThanOrEqual(10);
      expect(await attempt('demo-editeur-2026', '192.0.2.50')).toBeNull();
      expect(compare.mock.calls.length).toBe(compared);
    } finally {
      compare.mockRestore();
    }
  });

  it('compares against a decoy of the same bcrypt cost as real passwords when there is no account', async () => {
    const { decoyHash } = await import('../../lib/auth/options');
    const { PASSWORD_HASH_COST } = await import('../../lib/auth/accounts');
    expect(bcrypt.getRounds(await decoyHash())).toBe(PASSWORD_HASH_COST);
    const compare = vi.spyOn(bcrypt, 'compare');
    try {
      expect(await attempt('un-mot-de-passe', '192.0.2.60', 'personne.inconnue@exemple.fr')).toBeNull();
      expect(compare).toHaveBeenCalledTimes(1);
      expect(bcrypt.getRounds(String(compare.mock.calls[0][1]))).toBe(PASSWORD_HASH_COST);
    } finally {
      compare.mockRestore();
    }
  });

  it('limits attempts per address, whatever the accounts', async () => {
    for (let i = 0; i < 30; i++) await attempt('x', '203.0.113.99', `personne${i}@exemple.fr`);
    expect(await attempt('demo-editeur-2026', '203.0.113.99')).toBeNull();
    expect(await attempt('demo-editeur-2026', '203.0.113.100')).not.toBeNull();
  });
});
