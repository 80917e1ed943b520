// next-auth (v4) configuration: JWT sessions of 8 hours, two ways in — email + password
// (bcrypt) and a single-use magic link sent through the mail layer. Both are rate-limited per
// account and per address, and never say whether an account exists.
import { randomBytes } from 'node:crypto';
import bcrypt from 'bcryptjs';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { env } from '@/lib/config/env';
import { db } from '@/lib/db';
import { clientIp, hit, refund } from '@/lib/security/rate-limit';
import { PASSWORD_HASH_COST } from './accounts';
import { consumeToken } from './tokens';

export const SESSION_MAX_AGE = 8 * 3600;
export const SIGN_IN_RATE = { limit: 10, windowSeconds: 900 };

// Compared against when the account does not exist or has no password, so that every answer
// costs one bcrypt comparison at the cost real hashes have (a cheaper decoy would tell, by its
// speed, which addresses have an account).
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= bcrypt.hash(randomBytes(16).toString('hex'), PASSWORD_HASH_COST);
  return decoy;
}

type RequestLike = { headers?: Record<string, string | string[] | undefined> };

function ipOf(request: RequestLike | undefined) {
  const headers = new Headers();
  for (const [key, value] of Object.entries(request?.headers ?? {})) if (typeof value === 'string') headers.set(key, value);
  return clientIp(headers);
}

const byAddress = (request: RequestLike | undefined) => hit(`signin:ip:${ipOf(request)}`, { limit: env().SIGNIN_LIMIT_PER_IP, windowSeconds: 900 });

/**
 * Email + password. Per address, every attempt counts; per account, only failures do (a person
 * signing in often is not an attack, guessing one account's password is). The account's counter
 * is increased atomically BEFORE the comparison and given back when the password was right, so
 * of any number of simultaneous guesses at most SIGN_IN_RATE.limit ever reach bcrypt. Accounts
 * that do not exist are counted the same way: a lock-out tells nothing about existence.
 */
export async function authorizePassword(credentials: Record<string, unknown> | undefined, request: RequestLike | undefined) {
  const email = String(credentials?.email ?? '')
    .trim()
    .toLowerCase();
  const password = String(credentials?.password ?? '');
  if (!email || !password || email.length > 254 || password.length > 200) return null;
  if (!(await byAddress(request)).ok) return null;
  const accountKey = `signin:account:${email}`;
  if (!(await hit(accountKey, SIGN_IN_RATE)).ok) return null;
  const user = await db.user.findUnique({ where: { email } });
  const ok = await bcrypt.compare(password, user?.passwordHash ?? (await decoyHash()));
  if (!ok || !user) return null;
  await refund(accountKey, SIGN_IN_RATE);
  return sessionUser(user.id);
}

async function sessionUser(id: string) {
  const user = await db.user.findUnique({ where: { id } });
  if (!user || user.disabled) return null;
  await db.user.update({ where: { id }, data: { lastLoginAt: new Date() } });
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE },
  pages: { signIn: '/connexion', error: '/connexion' },
  useSecureCookies: process.env.NODE_ENV === 'production' && (process.env.NEXTAUTH_URL ?? '').startsWith('https://'),
  providers: [
    CredentialsProvider({
      id: 'password',
      name: 'Mot de passe',
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      authorize: (credentials, request) => authorizePassword(credentials, request as RequestLike),
    }),
    CredentialsProvider({
      id: 'magic-link',
      name: 'Lien de connexion',
      credentials: { token: { type: 'text' } },
      async authorize(credentials, request) {
        // Magic links are random and single-use: only the per-address limit applies.
        if (!(await byAddress(request as RequestLike)).ok) return null;
        const token = await consumeToken(db, 'MAGIC_LINK', String(credentials?.token ?? ''));
        if (!token) return null;
        const user = await db.user.findUnique({ where: { email: token.email } });
        return user ? sessionUser(user.id) : null;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 1;
      }
      return token;
    },
    // A session from before a password reset, "se déconnecter partout" or a disabled account
    // (an older sessionVersion) is empty: nobody is signed in with it (getCurrentUser checks too).
    async session({ session, token }) {
      const user =
        typeof token.uid === 'string' ? await db.user.findUnique({ where: { id: token.uid }, select: { sessionVersion: true, disabled: true } }) : null;
      if (!user || user.disabled || user.sessionVersion !== token.sv) return { expires: session.expires } as typeof session;
      (session as { uid?: unknown }).uid = token.uid;
      (session as { sv?: unknown }).sv = token.sv;
      return session;
    },
  },
};
