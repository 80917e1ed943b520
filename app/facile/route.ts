// /facile: the easy-to-read home page (app/facile/facile-response.tsx).
import { facileHomeResponse } from './facile-response';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return facileHomeResponse(request);
}
