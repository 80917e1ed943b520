// Single-use tokens sent by email (magic links, password resets, invitations). Only a SHA-256
// hash is stored; a token is consumed atomically, so it works once.
import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient, Role, TokenKind } from '@prisma/client';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export const TOKEN_LIFETIME_MINUTES: Record<TokenKind, number> = { MAGIC_LINK: 15, PASSWORD_RESET: 30, INVITATION: 7 * 24 * 60 };

export async function issueToken(
  db: Pick<PrismaClient, 'authToken'>,
  kind: TokenKind,
  email: string,
  grant: { role?: Role; networkIds?: string[]; placeIds?: string[]; invitedBy?: string } = {},
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.authToken.create({
    data: {
      kind,
      email: email.toLowerCase(),
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + TOKEN_LIFETIME_MINUTES[kind] * 60_000),
      role: grant.role ?? null,
      networkIds: grant.networkIds ?? [],
      placeIds: grant.placeIds ?? [],
      invitedBy: grant.invitedBy ?? null,
    },
  });
  return token;
}

/** Marks the token used and returns it, or null when unknown, expired, used, or of another kind. */
export async function consumeToken(db: Pick<PrismaClient, 'authToken'>, kind: TokenKind, token: string) {
  if (!token || token.length > 200) return null;
  const tokenHash = hashToken(token);
  const { count } = await db.authToken.updateMany({ where: { tokenHash, kind, usedAt: null, expiresAt: { gt: new Date() } }, data: { usedAt: new Date() } });
  if (count !== 1) return null;
  return db.authToken.findUnique({ where: { tokenHash } });
}
