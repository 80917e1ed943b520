'use server';
import { createHash } from 'node:crypto';
import { headers } from 'next/headers';
import { db } from '@/lib/db';
import { submitSuggestion, type SuggestionFormState } from '@/lib/places/suggestions';
import { clientIp } from '@/lib/security/rate-limit';

export async function reportError(placeId: string, _previous: SuggestionFormState, form: FormData): Promise<SuggestionFormState> {
  // The rate limit is keyed on a hash of the address: no IP is kept in clear.
  const ip = clientIp(await headers());
  const clientKey = createHash('sha256').update(ip).digest('hex').slice(0, 32);
  return submitSuggestion(db, {
    placeId,
    part: form.get('part'),
    message: form.get('message'),
    email: form.get('email'),
    honeypot: form.get('site_web'),
    clientKey,
  });
}
