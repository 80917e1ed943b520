// The network's places to call as CSV (issue #23): for its coordinators and admins only, the same
// 404 for anyone else and for an unknown network; never cached (phone numbers, contacts' addresses).
import { getCurrentUser } from '@/lib/auth/session';
import { publicUrl } from '@/lib/config/env';
import { callListCsvFor } from '@/lib/networks/dashboard';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await getCurrentUser();
  if (!user) return Response.redirect(new URL(`/connexion?retour=${encodeURIComponent(`/admin/reseaux/${slug}`)}`, request.url), 303);
  const result = await callListCsvFor(user, slug, publicUrl());
  if (!result) return new Response('Page introuvable.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(result.csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="a-appeler-${result.network.slug}-${day}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
