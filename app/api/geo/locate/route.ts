import { getCurrentUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { geocode } from '@/lib/geo';
import { clientIp, hit } from '@/lib/security/rate-limit';

export const dynamic = 'force-dynamic';

// For the place editor: an address → a point for the pin. Signed-in contributors only.
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'Connexion requise.' }, { status: 401 });
  const limit = await hit(`locate:${user.id}:${clientIp(request.headers)}`, { limit: 60, windowSeconds: 60 });
  if (!limit.ok) return Response.json({ error: 'Trop de demandes : réessayez dans un instant.' }, { status: 429 });
  const q = (new URL(request.url).searchParams.get('q') ?? '').slice(0, 200);
  const point = q.trim() ? await geocode(db, q) : null;
  if (!point) return Response.json({ error: 'Adresse introuvable : placez le repère sur la carte ou saisissez les coordonnées.' }, { status: 404 });
  return Response.json({ point }, { headers: { 'Cache-Control': 'private, max-age=600' } });
}
