import { searchPageResponse } from '@/components/search/SearchPage';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return searchPageResponse(request, 'embed');
}
