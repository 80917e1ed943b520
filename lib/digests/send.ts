// `npm run digests:send` (daily): each coordinator whose chosen weekday is today (Europe/Paris)
// gets this week's digest, once. The sent-log row (`DigestLog`, unique on person and ISO week) is
// inserted in the transaction that queues the mail, before it: a second run, even concurrent,
// finds the row and sends nothing; a mail that fails rolls the row back, so the next run retries.
// Only coordinators (role COORDINATOR, enabled) with at least one network; opted-out people,
// other days, and weeks with nothing to say are skipped.
import type { PrismaClient } from '@prisma/client';
import { sendMail } from '@/lib/mail';
import { digestNetworks } from './content';
import { digestMail } from './template';
import { optOutToken } from './token';
import { isoWeek, parisWeekday } from './week';

export type DigestRun = { week: string; sent: number; optedOut: number; otherDay: number; noNetwork: number; alreadySent: number; nothingNew: number };

export type DigestInput = { baseUrl: string; secret: string; now?: Date };

/** The links at the bottom of a person's digest. */
export function digestLinks(baseUrl: string, userId: string, secret: string) {
  const base = baseUrl.replace(/\/$/, '');
  return {
    settings: `${base}/admin/compte`,
    unsubscribe: `${base}/resume-hebdomadaire/desinscription?jeton=${encodeURIComponent(optOutToken(userId, secret))}`,
  };
}

type Person = { id: string; email: string; name: string | null; digestOptOut: boolean; digestWeekday: number; _count: { networks: number } };

/** One person's digest: why it is not sent, or 'sent'. */
async function sendOne(db: PrismaClient, person: Person, week: string, now: Date, input: DigestInput): Promise<Exclude<keyof DigestRun, 'week'>> {
  if (person.digestOptOut) return 'optedOut';
  if (person._count.networks === 0) return 'noNetwork';
  if (person.digestWeekday !== parisWeekday(now)) return 'otherDay';
  if (await db.digestLog.findUnique({ where: { userId_week: { userId: person.id, week } } })) return 'alreadySent';
  const networks = await digestNetworks(db, person.id, now, input.baseUrl);
  if (!networks.length) return 'nothingNew';
  const mail = digestMail(person, networks, digestLinks(input.baseUrl, person.id, input.secret));
  return db.$transaction(
    async (tx) => {
      const { count } = await tx.digestLog.createMany({ data: [{ userId: person.id, week, sentAt: now }], skipDuplicates: true });
      if (count !== 1) return 'alreadySent' as const;
      await sendMail(tx, mail);
      return 'sent' as const;
    },
    { timeout: 30_000 },
  );
}

/** Sends today's digests; returns what happened to each coordinator, counted. */
export async function sendDigests(db: PrismaClient, input: DigestInput): Promise<DigestRun> {
  const now = input.now ?? new Date();
  const week = isoWeek(now);
  const run: DigestRun = { week, sent: 0, optedOut: 0, otherDay: 0, noNetwork: 0, alreadySent: 0, nothingNew: 0 };
  const people = await db.user.findMany({
    where: { role: 'COORDINATOR', disabled: false },
    orderBy: { email: 'asc' },
    select: { id: true, email: true, name: true, digestOptOut: true, digestWeekday: true, _count: { select: { networks: true } } },
  });
  for (const person of people) run[await sendOne(db, person, week, now, input)]++;
  return run;
}
