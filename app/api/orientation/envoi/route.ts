import { getCurrentUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { baseUrl, readFicheRequest, sameOrigin } from '@/lib/orientation/http';
import { sendFiche } from '@/lib/orientation/send';

export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store' };

// Server-sent fiches are for signed-in professionals only (lib/orientation/send.ts): an
// anonymous request is refused before anything is read or sent.
export async function POST(request: Request) {
  if (!sameOrigin(request)) return Response.json({ message: 'Demande refusée.' }, { status: 403, headers: NO_STORE });
  const sender = await getCurrentUser();
  if (!sender) {
    return Response.json(
      { message: 'L’envoi par Repères est réservé aux professionnels connectés. Utilisez « Écrire avec ma messagerie », le PDF ou le lien à partager.' },
      { status: 401, headers: NO_STORE },
    );
  }
  const parsed = await readFicheRequest(request);
  if (!parsed.ok) return Response.json({ message: parsed.message }, { status: 400, headers: NO_STORE });
  const result = await sendFiche(db, { sender, request: parsed.request, email: parsed.email, baseUrl: baseUrl() });
  if (result.status === 'sent') return Response.json({ message: 'Fiche envoyée. L’adresse n’a pas été conservée.' }, { headers: NO_STORE });
  if (result.status === 'forbidden') return Response.json({ message: 'Votre compte ne permet pas d’envoyer des fiches.' }, { status: 403, headers: NO_STORE });
  if (result.status === 'limited')
    return Response.json({ message: result.message }, { status: 429, headers: { ...NO_STORE, 'Retry-After': String(result.retryAfterSeconds) } });
  return Response.json({ message: result.message, field: result.field }, { status: 400, headers: NO_STORE });
}
