import { db } from '@/lib/db';
import { buildFiche } from '@/lib/orientation/fiche';
import { baseUrl, clientKey, readFicheRequest, sameOrigin } from '@/lib/orientation/http';
import { renderFichePdf } from '@/lib/orientation/pdf';
import { hit } from '@/lib/security/rate-limit';

export const dynamic = 'force-dynamic';

function problem(status: number, message: string) {
  return new Response(
    `<!doctype html><html lang="fr"><meta charset="utf-8"><title>Fiche d’orientation</title><p>${message.replace(/[<>&]/g, '')}</p><p><a href="/orienter/selection">Revenir à ma sélection</a></p></html>`,
    {
      status,
      headers: { 'Content-Type': 'text/html; charset=utf-8' },
    },
  );
}

// The PDF is built from what the browser sends and streamed back; nothing is stored.
export async function POST(request: Request) {
  if (!sameOrigin(request)) return problem(403, 'Demande refusée.');
  const limit = await hit(`fiche-pdf:${clientKey(request.headers)}`, { limit: 30, windowSeconds: 600 });
  if (!limit.ok) return problem(429, 'Trop de fiches demandées : réessayez dans quelques minutes.');
  const parsed = await readFicheRequest(request);
  if (!parsed.ok) return problem(400, parsed.message);
  const fiche = await buildFiche(db, parsed.request, baseUrl());
  if (fiche.places.length === 0 && fiche.sessions.length === 0)
    return problem(400, 'Aucun des lieux ou ateliers choisis n’est encore proposé : refaites la sélection.');
  const pdf = await renderFichePdf(fiche);
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': 'attachment; filename="fiche-orientation.pdf"',
      'Cache-Control': 'no-store',
    },
  });
}
