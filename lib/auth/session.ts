import 'server-only';
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { db } from '@/lib/db';
import { authOptions } from './options';
import type { SessionUser } from './permissions';

export type { SessionUser } from './permissions';

/** The signed-in user, reloaded from the database: a disabled account or a session from before
 * "se déconnecter partout" (an older sessionVersion) counts as signed out. */
export async function getCurrentUser(): Promise<SessionUser | null> {
  const session = (await getServerSession(authOptions)) as { uid?: string; sv?: number } | null;
  if (!session?.uid) return null;
  const user = await db.user.findUnique({
    where: { id: session.uid },
    include: { networks: { select: { networkId: true } }, places: { select: { placeId: true } } },
  });
  if (!user || user.disabled || user.sessionVersion !== session.sv) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    networkIds: user.networks.map((n) => n.networkId),
    placeIds: user.places.map((p) => p.placeId),
  };
}

export async function requireUser(returnTo = '/admin'): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/connexion?retour=${encodeURIComponent(returnTo)}`);
  return user;
}
