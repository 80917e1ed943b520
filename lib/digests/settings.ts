// A person's digest settings: from their account page (signed in) or, to stop it, from the
// digest's signed link (signed out). Both only ever touch the person's own row.
import type { PrismaClient } from '@prisma/client';
import { verifyOptOutToken } from './token';
import { WEEKDAYS } from './week';

type Db = Pick<PrismaClient, 'user'>;

export type DigestSettingsState = { status: 'idle' | 'saved' | 'invalid'; message?: string; values: { receive: boolean; weekday: string } };

/** Validates and saves the account form's choice (French message, the typed values kept, on bad input). */
export async function saveDigestSettings(db: Db, userId: string, input: { receive: boolean; weekday: string }): Promise<DigestSettingsState> {
  const weekday = Number(input.weekday);
  if (!/^[1-7]$/.test(input.weekday.trim()) || !Number.isInteger(weekday))
    return { status: 'invalid', message: `Choisissez un jour de la semaine, du ${WEEKDAYS[0]} au ${WEEKDAYS[6]}.`, values: input };
  await db.user.update({ where: { id: userId }, data: { digestOptOut: !input.receive, digestWeekday: weekday } });
  return {
    status: 'saved',
    message: input.receive ? `Résumé enregistré : envoyé chaque ${WEEKDAYS[weekday - 1]}.` : 'Vous ne recevrez plus le résumé hebdomadaire.',
    values: input,
  };
}

/** The person's current choice, for the form. */
export async function digestSettings(db: Db, userId: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { digestOptOut: true, digestWeekday: true } });
  return { receive: !user.digestOptOut, weekday: String(user.digestWeekday) };
}

/** Whether a signed link is genuine (for the confirmation page, which writes nothing). */
export function optOutLinkValid(token: string, secret: string | undefined): boolean {
  return verifyOptOutToken(token, secret) !== null;
}

/** Turns the digest off for the person a genuine link names; false for a forged, malformed or stale one. */
export async function optOutByLink(db: Db, token: string, secret: string | undefined): Promise<boolean> {
  const userId = verifyOptOutToken(token, secret);
  if (!userId) return false;
  const { count } = await db.user.updateMany({ where: { id: userId }, data: { digestOptOut: true } });
  return count === 1;
}
