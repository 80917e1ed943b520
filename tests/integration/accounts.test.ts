import bcrypt from 'bcryptjs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { acceptInvitation, inviteUser, listVisibleUsers, passwordProblem, requestPasswordReset, resetPassword, setUserDisabled } from '../../lib/auth/accounts';
import type { SessionUser } from '../../lib/auth/permissions';
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
    const { result, messages } = await withSmtpSink(() =>
      inviteUser(db, coordinator, { email, role: 'EDITOR', networkIds: [], placeIds: [cybanjouPlace], baseUrl: BASE }),
    );
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
        const outcome = await ask();
        return { outcome, ms: performance.now() - started };
      };
      const asks = [
        () => requestMagicLink(db, { email: coordinator.email, clientKey: 'timing', baseUrl: BASE, defer }),
        () => requestMagicLink(db, { email: 'personne.inconnue@nulle-part.fr', clientKey: 'timing', baseUrl: BASE, defer }),
        () => requestPasswordReset(db, { email: coordinator.email, clientKey: 'timing', baseUrl: BASE, defer }),
        () => requestPasswordReset(db, { email: 'personne.inconnue@nulle-part.fr', clientKey: 'timing', baseUrl: BASE, defer }),
      ];
      const results = [];
      for (const ask of asks) results.push(await timed(ask));
      expect(results[0].outcome).toEqual(results[1].outcome);
      expect(results[2].outcome).toEqual(results[3].outcome);
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
      authOptions.callbacks!.session!({
        session: { expires: '2099-01-01T00:00:00.000Z' },
        token: { uid: user.id, sv },
        user: undefined as never,
        newSession: undefined,
        trigger: 'update',
      } as never) as unknown as Promise<{ uid?: string }>;
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
      const { result, messages } = await withSmtpSink(() =>
        inviteUser(db, coordinator, { email, role: 'EDITOR', networkIds: [], placeIds: [cybanjouPlace], baseUrl: BASE }),
      );
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
    expect(await acceptInvitation(db, { token: forged, name: 'Ancienne', password: 'encore-un-mot-de-passe' })).toMatchObject({
      status: 'invalid',
      message: expect.stringContaining('désactivé'),
    });
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
      const { result, messages } = await withSmtpSink(() =>
        inviteUser(db, coordinator, { email, role: 'EDITOR', networkIds: [], placeIds: [extra.id], baseUrl: BASE }),
      );
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
