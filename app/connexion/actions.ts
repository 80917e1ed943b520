'use server';
import { createHash } from 'node:crypto';
import { headers } from 'next/headers';
import { requestMagicLink } from '@/lib/auth/magic-link';
import { db } from '@/lib/db';
import { clientIp } from '@/lib/security/rate-limit';

export type MagicLinkState = { status: 'idle' | 'sent' | 'error'; message?: string; email?: string };

export async function askMagicLink(_state: MagicLinkState, form: FormData): Promise<MagicLinkState> {
  const email = String(form.get('email') ?? '').slice(0, 254);
  const ip = clientIp(await headers());
  const result = await requestMagicLink(db, {
    email,
    clientKey: createHash('sha256').update(ip).digest('hex').slice(0, 32),
    baseUrl: process.env.NEXTAUTH_URL ?? 'http://localhost:3000',
    returnTo: String(form.get('retour') ?? ''),
  });
  return { status: result.ok ? 'sent' : 'error', message: result.message, email };
}
