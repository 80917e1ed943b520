// What the duplicates pages (/admin/fusion) read: the pairs of places an import flagged as
// possibly the same, still open, and one pair with both places whole for the field-by-field
// comparison. Admins only (`canMergePlaces`). Pages call these without a client (the shared one);
// tests may pass theirs last. Merging and dismissing are in merge.ts.
import 'server-only';
import type { PrismaClient } from '@prisma/client';
import { canMergePlaces, type SessionUser } from '@/lib/auth/permissions';
import { db as sharedDb } from '@/lib/db';

const UUID = /^[0-9a-f-]{36}$/i;

/** The open flags, most alike first (200 at most), with the name, commune and source of both places. */
export async function openDuplicateFlags(user: SessionUser, db: PrismaClient = sharedDb) {
  if (!canMergePlaces(user)) return [];
  return db.placeDuplicate.findMany({
    where: { state: 'OPEN' },
    orderBy: [{ score: 'desc' }, { createdAt: 'asc' }],
    take: 200,
    include: {
      place: { select: { name: true, commune: true, sourceName: true } },
      other: { select: { name: true, commune: true, sourceName: true } },
    },
  });
}

/**
 * One open flag with both places (`other`: the place already known; `place`: the one the import
 * created); null when it does not exist, was already handled, or the user may not merge.
 */
export async function openDuplicateFlag(user: SessionUser, id: string, db: PrismaClient = sharedDb) {
  if (!canMergePlaces(user) || !UUID.test(id)) return null;
  const flag = await db.placeDuplicate.findUnique({ where: { id }, include: { place: true, other: true } });
  return flag && flag.state === 'OPEN' ? flag : null;
}
