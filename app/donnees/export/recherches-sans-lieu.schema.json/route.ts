// The Table Schema of /donnees/export/recherches-sans-lieu.csv (data/recherches-sans-lieu/schema.json).
import { readDataText } from '@/lib/data/files';

export function GET() {
  return new Response(readDataText('demandSchema'), {
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'public, max-age=3600', 'Access-Control-Allow-Origin': '*' },
  });
}
