// How long registrants' personal data is kept: until 30 days after their session. Not
// 'server-only': scripts/ateliers-daily.ts runs it (daily, from cron or a scheduler).
import type { PrismaClient } from '@prisma/client';

type Db = PrismaClient;

export const PURGE_AFTER_DAYS = 30;

/**
 * Empties the personal data of registrations whose session ended more than 30 days ago (the
 * counts stay). Run daily by scripts/ateliers-daily.ts; returns how many were emptied.
 */
export async function purgeRegistrations(db: Pick<Db, '$executeRaw'>, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - PURGE_AFTER_DAYS * 86_400_000);
  return db.$executeRaw`UPDATE "AtelierRegistration" r SET "firstName" = NULL, "email" = NULL, "phone" = NULL, "tokenHash" = NULL, "purgedAt" = ${now}
    FROM "AtelierSession" s WHERE s."id" = r."sessionId" AND s."endsAt" < ${before} AND r."purgedAt" IS NULL`;
}
