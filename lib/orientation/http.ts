// Shared by the orientation routes: the public base URL, the client key for rate limits, and
// reading a fiche request from a form post or a JSON body.
import { createHash } from 'node:crypto';
import { publicUrl } from '@/lib/config/env';
import { clientIp } from '@/lib/security/rate-limit';
import { ficheRequestSchema, type FicheRequest } from './fiche';

export const baseUrl = publicUrl;

export const clientKey = (headers: Headers) => createHash('sha256').update(clientIp(headers)).digest('hex').slice(0, 32);

/** Cross-site posts are refused: a page elsewhere cannot make us send mail or PDFs. */
export function sameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return true;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export type ParsedFiche = { ok: true; request: FicheRequest; email: string } | { ok: false; message: string };

export async function readFicheRequest(request: Request): Promise<ParsedFiche> {
  let body: unknown;
  let email = '';
  try {
    if ((request.headers.get('content-type') ?? '').includes('application/json')) {
      const json = (await request.json()) as { fiche?: unknown; email?: unknown };
      body = json.fiche;
      email = typeof json.email === 'string' ? json.email : '';
    } else {
      const form = await request.formData();
      body = JSON.parse(String(form.get('fiche') ?? 'null'));
      email = String(form.get('email') ?? '');
    }
  } catch {
    return { ok: false, message: 'La demande est illisible : rechargez la page et réessayez.' };
  }
  const parsed = ficheRequestSchema.safeParse(body);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'Demande invalide.' };
  return { ok: true, request: parsed.data, email: email.slice(0, 254) };
}
