// Asking for a sign-in link by email.
import type { PrismaClient } from '@prisma/client';
import { isEmail, sendMail } from '@/lib/mail';
import { hit } from '@/lib/security/rate-limit';
import { issueToken } from './tokens';

export const MAGIC_LINK_SENT =
  'Si un compte existe pour cette adresse, un lien de connexion vient de lui être envoyé. Il est valable 15 minutes et ne sert qu’une fois.';

/**
 * Runs work after the answer is sent. Callers answering a request pass `after` from next/server,
 * so that whether an account exists (a token and an e-mail, or nothing) never shows in the time
 * the answer takes; without one, the work is awaited before answering (scripts, tests).
 */
/** What the sign-in link form shows after a request. */
export type MagicLinkState = { status: 'idle' | 'sent' | 'error'; message?: string; email?: string };

export type Defer = (task: () => Promise<void>) => void;

export async function runDeferred(defer: Defer | undefined, task: () => Promise<void>, what: string): Promise<void> {
  const guarded = () =>
    task().catch((error: unknown) => {
      void import('@/lib/observability/logger').then(({ logger }) => logger.error({ err: error }, `${what}: sending failed`));
    });
  if (defer) defer(guarded);
  else await guarded();
}

export async function requestMagicLink(
  db: PrismaClient,
  input: { email: string; clientKey: string; baseUrl: string; returnTo?: string; defer?: Defer },
): Promise<{ ok: boolean; message: string }> {
  const email = input.email.trim().toLowerCase();
  if (!isEmail(email)) return { ok: false, message: 'Adresse électronique invalide (exemple : prenom.nom@structure.fr).' };
  const [byIp, byAccount] = await Promise.all([
    hit(`magic:ip:${input.clientKey}`, { limit: 10, windowSeconds: 900 }),
    hit(`magic:account:${email}`, { limit: 3, windowSeconds: 900 }),
  ]);
  if (!byIp.ok) return { ok: false, message: 'Trop de demandes depuis cette connexion : réessayez dans quelques minutes.' };
  // Same answer, after the same work, whether or not the account exists: the rest runs deferred.
  await runDeferred(input.defer, () => sendMagicLink(db, email, byAccount.ok, input), 'magic link');
  return { ok: true, message: MAGIC_LINK_SENT };
}

async function sendMagicLink(db: PrismaClient, email: string, withinLimit: boolean, input: { baseUrl: string; returnTo?: string }) {
  const user = await db.user.findUnique({ where: { email } });
  if (!user || user.disabled || !withinLimit) return;
  const token = await issueToken(db, 'MAGIC_LINK', email);
  const link = new URL('/connexion/lien', input.baseUrl);
  link.searchParams.set('jeton', token);
  if (input.returnTo?.startsWith('/admin')) link.searchParams.set('retour', input.returnTo);
  await sendMail(db, {
    to: email,
    subject: 'Votre lien de connexion à Repères',
    text: `Bonjour,\n\nPour vous connecter à l’espace des contributeurs de Repères, ouvrez ce lien (valable 15 minutes, une seule fois) :\n\n${link}\n\nSi vous n’avez rien demandé, ignorez ce message.`,
  });
}
