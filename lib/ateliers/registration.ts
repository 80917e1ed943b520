import 'server-only';
// Registration on Repères for an atelier's session: a first name and a phone or an e-mail, no
// account. Seats are taken by one conditional UPDATE ("seatsTaken" < "capacity"), so under any
// number of concurrent requests exactly the capacity is confirmed; the others join the waiting
// list, whose first person takes a freed seat. The cancellation link's token is kept only as a
// SHA-256 hash (lib/auth/tokens.ts). Personal data is emptied 30 days after the session
// (retention.ts). The registration keeps the language of the page it was made on (`locale`, not
// personal data): its mails are written in it, and their cancellation link opens the page in it.
import { randomBytes } from 'node:crypto';
import type { PrismaClient, RegistrationState } from '@prisma/client';
import { hashToken } from '@/lib/auth/tokens';
import { translator } from '@/lib/i18n';
import { normalisePhone } from '@/lib/import/normalize';
import { isEmail, sendMail } from '@/lib/mail';
import { hit } from '@/lib/security/rate-limit';
import { cancelUrl, registrationLocale, registrationMail } from './mail';

type Db = PrismaClient;

/** Per visitor (hash of the address): a few registrations per ten minutes. */
export const REGISTRATION_RATE = { limit: 5, windowSeconds: 600 };
/** Per session: enough for a full room, not for a flood. */
export const REGISTRATION_SESSION_RATE = { limit: 200, windowSeconds: 3600 };

export type RegistrationInput = {
  sessionId: string;
  firstName: unknown;
  email: unknown;
  phone: unknown;
  honeypot?: unknown;
  clientKey: string;
  /** The page's language (French when absent or unknown). */
  locale?: unknown;
};
/**
 * Why a registration is refused, as a code: the page says it in the visitor's language
 * (lib/i18n, `ateliers.error.<code>`; French in messages/fr.json), `minutes` for the rate limit.
 */
export type RegistrationError = {
  code:
    | 'firstName'
    | 'emailInvalid'
    | 'phoneInvalid'
    | 'contactMissing'
    | 'notSent'
    | 'tooManyFromHere'
    | 'noSession'
    | 'notOnReperes'
    | 'cancelled'
    | 'started'
    | 'tooManyForSession'
    | 'chooseSession';
  minutes?: number;
};
export type RegistrationErrors = Partial<Record<'firstName' | 'contact' | 'form', RegistrationError>>;

export type RegistrationOutcome =
  { status: 'registered'; state: RegistrationState; token: string; mailed: boolean } | { status: 'invalid'; errors: RegistrationErrors };

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

function readPerson(input: RegistrationInput) {
  const errors: Pick<RegistrationErrors, 'firstName' | 'contact'> = {};
  const firstName = text(input.firstName).replace(/\s+/g, ' ');
  if (!firstName || firstName.length > 60) errors.firstName = { code: 'firstName' };
  const emailText = text(input.email).toLowerCase();
  const phoneText = text(input.phone);
  const email = emailText ? (isEmail(emailText) ? emailText : null) : null;
  const phone = phoneText ? normalisePhone(phoneText) : null;
  if (emailText && !email) errors.contact = { code: 'emailInvalid' };
  else if (phoneText && !phone) errors.contact = { code: 'phoneInvalid' };
  else if (!email && !phone) errors.contact = { code: 'contactMissing' };
  return { firstName, email, phone, errors };
}

async function openSession(db: Db, sessionId: string, now: Date) {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return { error: { code: 'noSession' } as RegistrationError };
  const session = await db.atelierSession.findUnique({
    where: { id: sessionId },
    include: { atelier: { include: { place: { select: { name: true, street: true, postcode: true, commune: true, phone: true } } } } },
  });
  if (!session || session.atelier.registrationMode !== 'REPERES') return { error: { code: 'notOnReperes' } as RegistrationError };
  if (session.cancelledAt || session.atelier.cancelledAt) return { error: { code: 'cancelled' } as RegistrationError };
  if (session.startsAt <= now) return { error: { code: 'started' } as RegistrationError };
  return { session };
}

/** Registers a person: confirmed while seats are left, on the waiting list after. */
export async function register(db: Db, input: RegistrationInput, baseUrl: string, now = new Date()): Promise<RegistrationOutcome> {
  if (text(input.honeypot)) return { status: 'invalid', errors: { form: { code: 'notSent' } } };
  const person = readPerson(input);
  if (Object.keys(person.errors).length) return { status: 'invalid', errors: person.errors };
  const limit = await hit(`atelier-registration:${input.clientKey}`, REGISTRATION_RATE);
  if (!limit.ok)
    return {
      status: 'invalid',
      errors: { form: { code: 'tooManyFromHere', minutes: Math.max(1, Math.ceil(limit.retryAfterSeconds / 60)) } },
    };
  const open = await openSession(db, input.sessionId, now);
  if (!open.session) return { status: 'invalid', errors: { form: open.error } };
  const perSession = await hit(`atelier-registration-session:${input.sessionId}`, REGISTRATION_SESSION_RATE);
  if (!perSession.ok) return { status: 'invalid', errors: { form: { code: 'tooManyForSession' } } };
  const token = randomBytes(32).toString('base64url');
  const locale = registrationLocale(input.locale);
  const state = await db.$transaction(async (tx) => {
    const taken = await tx.$executeRaw`UPDATE "AtelierSession" SET "seatsTaken" = "seatsTaken" + 1
      WHERE "id" = ${input.sessionId}::uuid AND "cancelledAt" IS NULL AND "capacity" IS NOT NULL AND "seatsTaken" < "capacity"`;
    const state: RegistrationState = taken === 1 ? 'CONFIRMED' : 'WAITING';
    await tx.atelierRegistration.create({
      data: { sessionId: input.sessionId, state, firstName: person.firstName, email: person.email, phone: person.phone, tokenHash: hashToken(token), locale },
    });
    return state;
  });
  let mailed = false;
  if (person.email) {
    await sendMail(
      db,
      registrationMail(
        open.session,
        { to: person.email, firstName: person.firstName, state, cancelUrl: cancelUrl(baseUrl, locale, token) },
        translator(locale),
      ),
    )
      .then(() => (mailed = true))
      .catch(() => undefined);
  }
  return { status: 'registered', state, token, mailed };
}

/** The registration a cancellation link names, while it can still be cancelled. */
export async function registrationByToken(db: Db, token: string) {
  if (!token || token.length > 100) return null;
  return db.atelierRegistration.findFirst({
    where: { tokenHash: hashToken(token), state: { not: 'CANCELLED' } },
    select: {
      id: true,
      state: true,
      firstName: true,
      session: { select: { id: true, startsAt: true, endsAt: true, atelier: { select: { title: true, slug: true, timeZone: true } } } },
    },
  });
}

/** Cancels through the link; a freed seat goes to the first person waiting (who is told by mail). */
export async function cancelRegistration(db: Db, token: string, baseUrl: string, now = new Date()): Promise<boolean> {
  const found = await registrationByToken(db, token);
  if (!found) return false;
  const promoted = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ state: RegistrationState }[]>`UPDATE "AtelierRegistration" r SET "state" = 'CANCELLED', "cancelledAt" = ${now}
      FROM (SELECT "id", "state" FROM "AtelierRegistration" WHERE "id" = ${found.id}::uuid AND "state" <> 'CANCELLED' FOR UPDATE) old
      WHERE r."id" = old."id" RETURNING old."state"`;
    if (rows[0]?.state !== 'CONFIRMED') return null;
    await tx.$executeRaw`UPDATE "AtelierSession" SET "seatsTaken" = "seatsTaken" - 1 WHERE "id" = ${found.session.id}::uuid`;
    const next = await tx.$queryRaw<
      { id: string }[]
    >`SELECT "id" FROM "AtelierRegistration" WHERE "sessionId" = ${found.session.id}::uuid AND "state" = 'WAITING'
      ORDER BY "createdAt", "id" LIMIT 1 FOR UPDATE SKIP LOCKED`;
    if (!next[0]) return null;
    const taken =
      await tx.$executeRaw`UPDATE "AtelierSession" SET "seatsTaken" = "seatsTaken" + 1 WHERE "id" = ${found.session.id}::uuid AND "seatsTaken" < "capacity"`;
    if (taken !== 1) return null;
    return tx.atelierRegistration.update({ where: { id: next[0].id }, data: { state: 'CONFIRMED' } });
  });
  if (promoted?.email) {
    // Their cancellation link is the one of their waiting-list message: it stays valid.
    const open = await openSession(db, found.session.id, now);
    if (open.session)
      await sendMail(
        db,
        registrationMail(
          open.session,
          { to: promoted.email, firstName: promoted.firstName ?? '', state: 'CONFIRMED', promoted: true, cancelUrl: null },
          translator(registrationLocale(promoted.locale)),
        ),
      ).catch(() => undefined);
  }
  return true;
}
