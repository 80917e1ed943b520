// Demo accounts (generated passwords, printed on a console) are for trying Repères on one's own
// machine. An instance reachable by others must not keep them: `npm start` refuses to serve a
// public address while a demo account can still sign in.
import type { PrismaClient } from '@prisma/client';

/** Loopback only: a LAN address is reachable by others. */
export function isLocalUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  host = host.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(host) || host === '::1' || host === '0.0.0.0';
}

/** The address the instance is reached at, when one is configured (PUBLIC_URL, else NEXTAUTH_URL). */
export function configuredPublicUrl(env: Record<string, string | undefined>): string | null {
  return env.PUBLIC_URL?.trim() || env.NEXTAUTH_URL?.trim() || null;
}

/** Demo accounts that can still sign in (not disabled), by email. */
export async function usableDemoAccounts(db: Pick<PrismaClient, 'user'>): Promise<string[]> {
  const users = await db.user.findMany({ where: { demo: true, disabled: false }, select: { email: true }, orderBy: { email: 'asc' } });
  return users.map((user) => user.email);
}

/**
 * Disables the demo accounts for good: no password, no sign-in (password, link or reset), open
 * sessions ended. The fictional places stay. Returns how many accounts were disabled.
 */
export async function disableDemoAccounts(db: Pick<PrismaClient, 'user'>): Promise<number> {
  const { count } = await db.user.updateMany({
    where: { demo: true, disabled: false },
    data: { disabled: true, passwordHash: null, sessionVersion: { increment: 1 } },
  });
  return count;
}

/**
 * Null when the instance may serve; otherwise the French explanation to print before refusing:
 * a non-local public address (whatever NODE_ENV) while demo accounts can sign in.
 */
export async function demoAccountsGuard(db: Pick<PrismaClient, 'user'>, env: Record<string, string | undefined>): Promise<string | null> {
  const url = configuredPublicUrl(env);
  if (!url || isLocalUrl(url)) return null;
  const accounts = await usableDemoAccounts(db);
  if (accounts.length === 0) return null;
  return (
    `Repères refuse de démarrer à l’adresse publique ${url} : ${accounts.length} compte(s) de démonstration ` +
    `peuvent encore se connecter (${accounts.join(', ')}).\n` +
    '  Leurs mots de passe ont été affichés dans une console : sur une instance publique, ils ouvriraient l’administration.\n' +
    '  Invitez d’abord votre propre compte administrateur (en local, /admin/utilisateurs), puis désactivez-les :\n' +
    '  « npm run db:seed -- --no-demo-accounts » (ou lancez avec REPERES_DEMO_ACCOUNTS=off).'
  );
}
