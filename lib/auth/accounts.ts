// Accounts: invitations (an admin or a coordinator grants a role and a scope to an email
// address), password resets, and disabling an account. Every function checks rights itself.
import bcrypt from 'bcryptjs';
import type { PrismaClient } from '@prisma/client';
import { db as sharedDb } from '@/lib/db';
import { isEmail, sendMail } from '@/lib/mail';
import { hit } from '@/lib/security/rate-limit';
import { runDeferred, type Defer } from './magic-link';
import { accountScopeWhere, canInvite, canSetAccountDisabled, type Role, type SessionUser } from './permissions';
import { consumeToken, hashToken, issueToken } from './tokens';

export const PASSWORD_MIN_LENGTH = 10;
/** bcrypt cost of every stored password (and of the decoy compared when there is no account). */
export const PASSWORD_HASH_COST = 12;
export const RESET_SENT =
  'Si un compte existe pour cette adresse, un lien pour choisir un nouveau mot de passe vient de lui être envoyé. Il est valable 30 minutes.';

const ROLE_WORDS: Record<Role, string> = { ADMIN: 'administrateur ou administratrice', COORDINATOR: 'coordination de réseau', EDITOR: 'responsable de lieu' };

/** A French sentence when the password is too weak, or null. */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Le mot de passe doit faire au moins ${PASSWORD_MIN_LENGTH} caractères.`;
  if (password.length > 200) return 'Le mot de passe est trop long (200 caractères au plus).';
  if (new Set(password).size < 4) return 'Le mot de passe est trop simple : variez les caractères.';
  if (email && password.toLowerCase().includes(email.split('@')[0].toLowerCase())) return 'Le mot de passe ne doit pas contenir votre adresse électronique.';
  return null;
}

export type InviteInput = { email: string; role: Role; networkIds: string[]; placeIds: string[]; baseUrl: string };
export type InviteResult = { status: 'sent'; email: string } | { status: 'invalid'; message: string } | { status: 'forbidden' };
/** What the invitation form shows after an attempt: a message and, on error, what was typed. */
export type InviteState = {
  status: 'idle' | 'done' | 'error';
  message?: string;
  values?: { email: string; role: string; networkIds: string[]; placeIds: string[] };
};
/** What the password and invitation forms of /connexion show after an attempt. */
export type AccountFormState = { status: 'idle' | 'done' | 'error'; message?: string; values?: Record<string, string> };

export async function inviteUser(db: PrismaClient, inviter: SessionUser, input: InviteInput): Promise<InviteResult> {
  const email = input.email.trim().toLowerCase();
  if (!isEmail(email)) return { status: 'invalid', message: 'Adresse électronique invalide (exemple : prenom.nom@structure.fr).' };
  if (input.role === 'COORDINATOR' && input.networkIds.length === 0) return { status: 'invalid', message: 'Choisissez au moins un réseau à coordonner.' };
  if (input.role === 'EDITOR' && input.placeIds.length === 0) return { status: 'invalid', message: 'Choisissez au moins un lieu à tenir à jour.' };
  const places = await db.place.findMany({ where: { id: { in: input.placeIds } }, select: { id: true, networks: { select: { networkId: true } } } });
  if (places.length !== new Set(input.placeIds).size) return { status: 'forbidden' };
  const networks = await db.network.count({ where: { id: { in: input.networkIds } } });
  if (networks !== new Set(input.networkIds).size) return { status: 'forbidden' };
  const placeScopes = places.map((p) => ({ id: p.id, networkIds: p.networks.map((n) => n.networkId) }));
  if (!canInvite(inviter, { role: input.role, networkIds: input.networkIds, placeScopes })) return { status: 'forbidden' };
  const existing = await db.user.findUnique({ where: { email } });
  // Only an admin brings a disabled account back (setUserDisabled), never an invitation.
  if (existing?.disabled)
    return { status: 'invalid', message: 'Le compte de cette adresse est désactivé : seule une personne qui administre Repères peut le réactiver.' };
  if (existing && existing.role !== input.role) {
    return { status: 'invalid', message: `Cette adresse a déjà un compte (${ROLE_WORDS[existing.role]}) : un compte n’a qu’un rôle.` };
  }
  const limit = await hit(`invite:${inviter.id}`, { limit: 50, windowSeconds: 3600 });
  if (!limit.ok) return { status: 'invalid', message: 'Trop d’invitations envoyées en une heure : réessayez plus tard.' };

  const token = await issueToken(db, 'INVITATION', email, { role: input.role, networkIds: input.networkIds, placeIds: input.placeIds, invitedBy: inviter.id });
  const link = new URL('/connexion/invitation', input.baseUrl);
  link.searchParams.set('jeton', token);
  const scope = await describeScope(db, input.networkIds, input.placeIds);
  await sendMail(db, {
    to: email,
    subject: 'Invitation à contribuer à Repères',
    text:
      `Bonjour,\n\n${inviter.name ?? inviter.email} vous invite à tenir à jour des fiches de Repères, l’annuaire des lieux de médiation numérique, ` +
      `en tant que ${ROLE_WORDS[input.role]}${scope ? ` (${scope})` : ''}.\n\n` +
      `Pour accepter, ouvrez ce lien (valable 7 jours, une seule fois) et choisissez un mot de passe, ou connectez-vous ensuite par lien envoyé par courriel :\n\n${link}\n\n` +
      'Si vous ne vous attendiez pas à ce message, ignorez-le.',
  });
  return { status: 'sent', email };
}

async function describeScope(db: PrismaClient, networkIds: string[], placeIds: string[]) {
  const [networks, places] = await Promise.all([
    db.network.findMany({ where: { id: { in: networkIds } }, select: { name: true } }),
    db.place.findMany({ where: { id: { in: placeIds } }, select: { name: true }, take: 5 }),
  ]);
  return [...networks.map((n) => n.name), ...places.map((p) => p.name)].join(', ');
}

/** What an invitation grants, to show before accepting (without consuming it). */
export async function peekInvitation(token: string, db: PrismaClient = sharedDb) {
  if (!token || token.length > 200) return null;
  const row = await db.authToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || row.kind !== 'INVITATION' || row.usedAt || row.expiresAt <= new Date()) return null;
  return { email: row.email, role: row.role as Role, scope: await describeScope(db, row.networkIds, row.placeIds) };
}

export type AcceptResult = { status: 'accepted'; email: string } | { status: 'invalid'; message: string } | { status: 'expired' };

/** Creates (or extends) the account an invitation grants. The password is optional: without
 * one, the person signs in with magic links. A disabled account stays disabled; a new password
 * ends the account's other sessions, as a reset does. */
export async function acceptInvitation(db: PrismaClient, input: { token: string; name: string; password: string }): Promise<AcceptResult> {
  const name = input.name.trim().slice(0, 120);
  const preview = await peekInvitation(input.token, db);
  if (!preview) return { status: 'expired' };
  if (input.password) {
    const problem = passwordProblem(input.password, preview.email);
    if (problem) return { status: 'invalid', message: problem };
  }
  const passwordHash = input.password ? await bcrypt.hash(input.password, PASSWORD_HASH_COST) : undefined;
  return db.$transaction(async (tx) => {
    const token = await consumeToken(tx, 'INVITATION', input.token);
    if (!token || !token.role) return { status: 'expired' as const };
    const existing = await tx.user.findUnique({ where: { email: token.email } });
    if (existing && existing.role !== token.role) return { status: 'invalid' as const, message: 'Cette adresse a déjà un compte avec un autre rôle.' };
    if (existing?.disabled)
      return {
        status: 'invalid' as const,
        message: 'Ce compte est désactivé : l’invitation ne peut pas le réactiver. Adressez-vous à la personne qui administre Repères.',
      };
    const user = existing
      ? await tx.user.update({
          where: { id: existing.id },
          data: { name: name || existing.name, ...(passwordHash ? { passwordHash, sessionVersion: { increment: 1 } } : {}) },
        })
      : await tx.user.create({ data: { email: token.email, role: token.role, name: name || null, passwordHash: passwordHash ?? null } });
    if (token.networkIds.length)
      await tx.userNetwork.createMany({ data: token.networkIds.map((networkId) => ({ userId: user.id, networkId })), skipDuplicates: true });
    if (token.placeIds.length) await tx.userPlace.createMany({ data: token.placeIds.map((placeId) => ({ userId: user.id, placeId })), skipDuplicates: true });
    return { status: 'accepted' as const, email: user.email };
  });
}

/** Sends a reset link; the same answer, after the same work, whether or not the account exists
 * (the lookup and the mail run deferred: see Defer in ./magic-link). */
export async function requestPasswordReset(
  db: PrismaClient,
  input: { email: string; clientKey: string; baseUrl: string; defer?: Defer },
): Promise<{ ok: boolean; message: string }> {
  const email = input.email.trim().toLowerCase();
  if (!isEmail(email)) return { ok: false, message: 'Adresse électronique invalide (exemple : prenom.nom@structure.fr).' };
  const [byIp, byAccount] = await Promise.all([
    hit(`reset:ip:${input.clientKey}`, { limit: 10, windowSeconds: 900 }),
    hit(`reset:account:${email}`, { limit: 3, windowSeconds: 900 }),
  ]);
  if (!byIp.ok) return { ok: false, message: 'Trop de demandes depuis cette connexion : réessayez dans quelques minutes.' };
  await runDeferred(input.defer, () => sendResetLink(db, email, byAccount.ok, input.baseUrl), 'password reset');
  return { ok: true, message: RESET_SENT };
}

async function sendResetLink(db: PrismaClient, email: string, withinLimit: boolean, baseUrl: string) {
  const user = await db.user.findUnique({ where: { email } });
  if (!user || user.disabled || !withinLimit) return;
  const token = await issueToken(db, 'PASSWORD_RESET', email);
  const link = new URL('/connexion/nouveau-mot-de-passe', baseUrl);
  link.searchParams.set('jeton', token);
  await sendMail(db, {
    to: email,
    subject: 'Choisir un nouveau mot de passe pour Repères',
    text: `Bonjour,\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable 30 minutes, une seule fois) :\n\n${link}\n\nSi vous n’avez rien demandé, ignorez ce message : votre mot de passe actuel reste valable.`,
  });
}

/** Sets the new password, signs out every existing session (sessionVersion) and voids the
 * address's other outstanding links. */
export async function resetPassword(
  db: PrismaClient,
  input: { token: string; password: string },
): Promise<{ status: 'done' } | { status: 'invalid'; message: string } | { status: 'expired' }> {
  if (!input.token || input.token.length > 200) return { status: 'expired' };
  const row = await db.authToken.findUnique({ where: { tokenHash: hashToken(input.token) } });
  if (!row || row.kind !== 'PASSWORD_RESET' || row.usedAt || row.expiresAt <= new Date()) return { status: 'expired' };
  const problem = passwordProblem(input.password, row.email);
  if (problem) return { status: 'invalid', message: problem };
  const passwordHash = await bcrypt.hash(input.password, PASSWORD_HASH_COST);
  return db.$transaction(async (tx) => {
    const token = await consumeToken(tx, 'PASSWORD_RESET', input.token);
    if (!token) return { status: 'expired' as const };
    const { count } = await tx.user.updateMany({ where: { email: token.email, disabled: false }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    if (count !== 1) return { status: 'expired' as const };
    // A reset answers a lost or stolen secret: every other link still out for this address (sign-in,
    // reset, invitation — which can set a password too) stops working with it.
    await tx.authToken.updateMany({ where: { email: token.email, usedAt: null }, data: { usedAt: new Date() } });
    return { status: 'done' as const };
  });
}

/** The accounts a user may see on /admin/utilisateurs (`accountScopeWhere`), by role then address. */
export async function listVisibleUsers(viewer: SessionUser, db: PrismaClient = sharedDb) {
  const where = accountScopeWhere(viewer);
  return db.user.findMany({
    where,
    orderBy: [{ role: 'asc' }, { email: 'asc' }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      disabled: true,
      lastLoginAt: true,
      networks: { select: { network: { select: { name: true } } } },
      places: { select: { place: { select: { name: true } } } },
    },
  });
}

/** "Se déconnecter partout": bumps the user's session version, so every session issued before stops working. */
export async function endAllSessions(userId: string, db: Pick<PrismaClient, 'user'> = sharedDb) {
  await db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

/** Disabling an account (admins only; never oneself). It also ends the person's sessions and
 * revokes the links still pending for the address (invitations, magic links, resets). */
export async function setUserDisabled(db: PrismaClient, actor: SessionUser, userId: string, disabled: boolean): Promise<{ status: 'done' | 'forbidden' }> {
  if (!canSetAccountDisabled(actor, userId)) return { status: 'forbidden' };
  return db.$transaction(async (tx) => {
    const updated = await tx.user.updateManyAndReturn({ where: { id: userId }, data: { disabled, sessionVersion: { increment: 1 } }, select: { email: true } });
    if (updated.length !== 1) return { status: 'forbidden' as const };
    if (disabled) await tx.authToken.updateMany({ where: { email: updated[0].email, usedAt: null }, data: { usedAt: new Date() } });
    return { status: 'done' as const };
  });
}
