// Asking for a sign-in link by email.
import type { PrismaClient } from '@prisma/client';
import { isEmail, sendMail } from '@/lib/mail';
import { hit } from '@/lib/security/rate-limit';
import { issueToken } from './tokens';

export const MAGIC_LINK_SENT = 'Si un compte existe pour cette adresse, un lien de connexion vient de lui être envoyé. Il est valable 15 minutes et ne sert qu’une fois.';

export async function requestMagicLink(db: PrismaClient, input: { email: string; clientKey: string; baseUrl: string; returnTo?: string }): Promise<{ ok: boolean; message: string }> {
  const email = input.email.trim().toLowerCase();
  if (!isEmail(email)) return { ok: false, message: 'Adresse électronique invalide (exemple : prenom.nom@structure.fr).' };
  const [byIp, byAccount] = await Promise.all([hit(`magic:ip:${input.clientKey}`, { limit: 10, windowSeconds: 900 }), hit(`magic:account:${email}`, { limit: 3, windowSeconds: 900 })]);
  if (!byIp.ok) return { ok: false, message: 'Trop de demandes depuis cette connexion : réessayez dans quelques minutes.' };
  const user = await db.user.findUnique({ where: { email } });
  // Same answer whether or not the account exists.
  if (!user || user.disabled || !byAccount.ok) return { ok: true, message: MAGIC_LINK_SENT };
  const token = await issueToken(db, 'MAGIC_LINK', email);
  const link = new URL('/connexion/lien', input.baseUrl);
  link.searchParams.set('jeton', token);
  if (input.returnTo?.startsWith('/admin')) link.searchParams.set('retour', input.returnTo);
  await sendMail(db, {
    to: email,
    subject: 'Votre lien de connexion à Repères',
    text: `Bonjour,\n\nPour vous connecter à l’espace des contributeurs de Repères, ouvrez ce lien (valable 15 minutes, une seule fois) :\n\n${link}\n\nSi vous n’avez rien demandé, ignorez ce message.`,
  });
  return { ok: true, message: MAGIC_LINK_SENT };
}
