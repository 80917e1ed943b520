// /facile/lieux/<slug>: a place in easy-to-read French (app/facile/facile-response.tsx).
import { facilePlaceResponse } from '../../facile-response';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ slug: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  return facilePlaceResponse(request, (await params).slug);
}
