import { openApiDocument } from '@/lib/export/openapi';

export const dynamic = 'force-dynamic';

export function GET() {
  const base = process.env.NEXTAUTH_URL ?? 'http://localhost:3000';
  return Response.json(openApiDocument(base), { headers: { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'public, max-age=3600' } });
}
