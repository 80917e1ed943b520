// Reading the local outbox (/admin/outbox): where mail lands without an SMTP server.
import 'server-only';
import type { PrismaClient } from '@prisma/client';
import { db as sharedDb } from '@/lib/db';

/** The latest messages written to the outbox, newest first. */
export async function latestOutboxMessages(limit = 100, db: Pick<PrismaClient, 'outboxMessage'> = sharedDb) {
  return db.outboxMessage.findMany({ orderBy: { createdAt: 'desc' }, take: limit });
}

/** Whether new mail leaves by SMTP (else it stays in the outbox). */
export function smtpConfigured(): boolean {
  return !!process.env.SMTP_URL;
}
