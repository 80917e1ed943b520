// The digest's unsubscribe link works without signing in: it carries the person's id and an
// HMAC-SHA256 of it under the app's secret (NEXTAUTH_SECRET), so it cannot be forged for someone
// else, and it only ever turns that person's digest off. Compared in constant time.
import { createHmac, timingSafeEqual } from 'node:crypto';

const PURPOSE = 'reperes:digest-opt-out:v1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function mac(userId: string, secret: string): string {
  return createHmac('sha256', secret).update(`${PURPOSE}:${userId}`).digest('base64url');
}

export function optOutToken(userId: string, secret: string): string {
  if (!secret) throw new Error('Secret de signature manquant (NEXTAUTH_SECRET).');
  return `${userId}.${mac(userId, secret)}`;
}

/** The person's id when the token is genuine, else null (malformed, forged, or no secret). */
export function verifyOptOutToken(token: string, secret: string | undefined): string | null {
  if (!secret || typeof token !== 'string' || token.length > 200) return null;
  const [userId, signature, ...rest] = token.split('.');
  if (rest.length || !userId || !signature || !UUID.test(userId)) return null;
  const expected = Buffer.from(mac(userId, secret));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? userId : null;
}
