import { publicUrl } from '@/lib/config/env';
import { openApiDocument } from '@/lib/export/openapi';

export const dynamic = 'force-dynamic';

export function GET() {
  const base = publicUrl();
  return Response.json(openApiDocument(base), { headers: { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'public, max-age=3600' } });
}
