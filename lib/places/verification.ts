// Who verified a place's date_maj, as its page and the API show it: a network or the place
// itself, never a person (issue #22). `Place.confirmedByKind` says which; `confirmedBy` holds the
// network's name when it is a network.
import type { Prisma, PrismaClient } from '@prisma/client';
import { verifiesAs, vouchingNetworkIds, type SessionUser } from '../auth/permissions';

export type Verifier = { confirmedBy: string | null; confirmedByKind: 'reseau' | 'lieu' | 'equipe' };

/** The place itself: its contact answered a campaign, or its editor confirmed. */
export const BY_PLACE: Verifier = { confirmedBy: null, confirmedByKind: 'lieu' };

/** The attribution of a person's confirmation of a place in these networks (the first by name a coordinator vouches for). */
export async function verifierFor(
  db: Pick<PrismaClient, 'network'> | Prisma.TransactionClient,
  user: SessionUser,
  placeNetworkIds: string[],
): Promise<Verifier> {
  const kind = verifiesAs(user);
  if (kind !== 'reseau') return { confirmedBy: null, confirmedByKind: kind };
  const ids = vouchingNetworkIds(user, placeNetworkIds);
  const network = await db.network.findFirst({ where: { id: { in: ids.length ? ids : user.networkIds } }, orderBy: { name: 'asc' }, select: { name: true } });
  return network ? { confirmedBy: network.name, confirmedByKind: 'reseau' } : { confirmedBy: null, confirmedByKind: 'equipe' };
}
