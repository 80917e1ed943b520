// The weekly digest's unsubscribe link (issue #23), signed out: GET checks the signed token and
// asks to confirm (writes nothing: mail scanners open links), POST turns that person's digest off.
// Plain HTML without the client runtime; never cached (the page depends on the token).
import { unavailablePageResponse } from '@/app/unavailable-response';
import { UnsubscribeView, type UnsubscribeOutcome } from '@/components/digest/UnsubscribeView';
import { PublicDocument } from '@/components/layout/PublicDocument';
import { db } from '@/lib/db';
import { optOutByLink, optOutLinkValid } from '@/lib/digests/settings';
import { renderDocument, htmlResponse } from '@/lib/render/html';

export const dynamic = 'force-dynamic';

const secret = () => process.env.NEXTAUTH_SECRET;

function page(request: Request, outcome: UnsubscribeOutcome, token: string) {
  const html = renderDocument(
    <PublicDocument
      title="Résumé hebdomadaire"
      description="Arrêter le résumé hebdomadaire de Repères."
      robots="noindex"
      nonce={request.headers.get('x-nonce') ?? ''}
      scripts={[]}
    >
      <UnsubscribeView outcome={outcome} token={token} />
    </PublicDocument>,
  );
  return htmlResponse(html, { status: outcome === 'invalid' ? 404 : 200, headers: { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' } });
}

export async function GET(request: Request) {
  const url = new URL(request.url);
  const token = url.searchParams.get('jeton') ?? '';
  try {
    return page(request, optOutLinkValid(token, secret()) ? 'confirm' : 'invalid', token);
  } catch (error) {
    return unavailablePageResponse(request, url, error);
  }
}

export async function POST(request: Request) {
  const url = new URL(request.url);
  // Same-origin forms only (the page's own button).
  const origin = request.headers.get('origin');
  if (origin && origin !== url.origin) return new Response('Origine refusée.', { status: 403 });
  // The form holds one token: anything big is not it.
  if (Number(request.headers.get('content-length') ?? 0) > 4096) return new Response('Requête trop grande.', { status: 413 });
  try {
    const form = await request.formData().catch(() => null);
    const token = String(form?.get('jeton') ?? '');
    return page(request, (await optOutByLink(db, token, secret())) ? 'done' : 'invalid', '');
  } catch (error) {
    return unavailablePageResponse(request, url, error);
  }
}
