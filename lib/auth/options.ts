// next-auth (v4) configuration: JWT sessions of 8 hours, two ways in — email + password
// (bcrypt) and a single-use magic link sent through the mail layer. Both are rate-limited per
// account and per address, and never say whether an account exists.
import bcrypt from 'bcryptjs';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { env } from '@/lib/config/env';
import { db } from '@/lib/db';
import { clientIp, hit } from '@/lib/security/rate-limit';
import { consumeToken } from './tokens';

export const SESSION_MAX_AGE = 8 * 3600;
const SIGN_IN_RATE = { limit: 10, windowSeconds: 900 };
// Compared against when the account does not exist, so both cases take the same time.
const DUMMY_HASH = bcrypt.hashSync('reperes-no-such-account', 10);

type RequestLike = { headers?: Record<string, string | string[] | undefined> };

function ipOf(request: RequestLike | undefined) {
  const headers = new Headers();
  for (const [key, value] of Object.entries(request?.headers ?? {})) if (typeof value === 'string') headers.set(key, value);
  return clientIp(headers);
}

// Per address, every attempt counts; per account, only failures do (a person signing in often
// is not an attack, guessing one account's password is).
async function allowed(email: string | null, request: RequestLike | undefined) {
  const [byAccount, byIp] = await Promise.all([
    email ? hit(`signin:account:${email}`, SIGN_IN_RATE, 0) : null,
    hit(`signin:ip:${ipOf(request)}`, { limit: env().SIGNIN_LIMIT_PER_IP, windowSeconds: 900 }),
  ]);
  return (byAccount === null || byAccount.remaining > 0) && byIp.ok;
}

async function failed(email: string) {
  await hit(`signin:account:${email}`, SIGN_IN_RATE);
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
      async authorize(credentials, request) {
        const email = String(credentials?.email ?? '').trim().toLowerCase();
        const password = String(credentials?.password ?? '');
        if (!email || !password || !(await allowed(email, request as RequestLike))) return null;
        const user = await db.user.findUnique({ where: { email } });
        // Compare even without an account, so the answer takes the same time either way.
        const ok = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
        if (!ok || !user) await failed(email);
        return ok && user ? sessionUser(user.id) : null;
      },
    }),
    CredentialsProvider({
      id: 'magic-link',
      name: 'Lien de connexion',
      credentials: { token: { type: 'text' } },
      async authorize(credentials, request) {
        // Magic links are random and single-use: only the per-address limit applies.
        if (!(await allowed(null, request as RequestLike))) return null;
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
    async session({ session, token }) {
      (session as { uid?: unknown }).uid = token.uid;
      (session as { sv?: unknown }).sv = token.sv;
      return session;
    },
  },
};
