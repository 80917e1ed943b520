import { db } from '@/lib/db';
import { baseUrl, clientKey, readFicheRequest, sameOrigin } from '@/lib/orientation/http';
import { sendFiche } from '@/lib/orientation/send';

export const dynamic = 'force-dynamic';

export async function POST(request: Request) {
  if (!sameOrigin(request)) return Response.json({ message: 'Demande refusée.' }, { status: 403 });
  const parsed = await readFicheRequest(request);
  if (!parsed.ok) return Response.json({ message: parsed.message }, { status: 400 });
  const result = await sendFiche(db, { request: parsed.request, email: parsed.email, clientKey: clientKey(request.headers), baseUrl: baseUrl() });
  if (result.status === 'sent') return Response.json({ message: 'Fiche envoyée. L’adresse n’a pas été conservée.' }, { headers: { 'Cache-Control': 'no-store' } });
  if (result.status === 'limited') return Response.json({ message: 'Trop d’envois depuis cette connexion : réessayez plus tard.' }, { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } });
  return Response.json({ message: result.message }, { status: 400 });
}
