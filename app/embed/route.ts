import { searchPageResponse } from '@/app/recherche/search-response';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return searchPageResponse(request, 'embed');
}
