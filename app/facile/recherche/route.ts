// /facile/recherche?ou=Angers&besoin=…: the search in easy-to-read French (app/facile/facile-response.tsx).
import { facileSearchResponse } from '../facile-response';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return facileSearchResponse(request);
}
