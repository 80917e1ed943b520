// Reminders the day before: each confirmed registrant with an e-mail whose session starts within
// the next 36 hours gets one message (claimed by a conditional update, so two runs never send
// twice), in the language the person registered in. Not 'server-only': scripts/ateliers-daily.ts sends them.
import type { PrismaClient } from '@prisma/client';
import { translator } from '@/lib/i18n';
import { sendMail } from '@/lib/mail';
import { registrationLocale, reminderMail } from './mail';

const WITHIN_MS = 36 * 3600_000;

export async function sendReminders(db: PrismaClient, now = new Date()): Promise<number> {
  const due = await db.atelierRegistration.findMany({
    where: {
      state: 'CONFIRMED',
      email: { not: null },
      reminderSentAt: null,
      session: { cancelledAt: null, startsAt: { gt: now, lte: new Date(now.getTime() + WITHIN_MS) }, atelier: { cancelledAt: null } },
    },
    select: {
      id: true,
      email: true,
      firstName: true,
      locale: true,
      session: { include: { atelier: { include: { place: { select: { name: true, street: true, postcode: true, commune: true, phone: true } } } } } },
    },
  });
  let sent = 0;
  for (const r of due) {
    const { count } = await db.atelierRegistration.updateMany({ where: { id: r.id, reminderSentAt: null }, data: { reminderSentAt: now } });
    if (count !== 1) continue;
    try {
      await sendMail(db, reminderMail(r.session, { to: r.email!, firstName: r.firstName ?? '' }, translator(registrationLocale(r.locale))));
      sent++;
    } catch {
      // Not sent: the next run tries again.
      await db.atelierRegistration.update({ where: { id: r.id }, data: { reminderSentAt: null } });
    }
  }
  return sent;
}
