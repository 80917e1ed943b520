import { placePageResponse, placeReportResponse } from '@/components/place/PlacePage';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ slug: string }> };

export async function GET(request: Request, { params }: Context) {
  return placePageResponse(request, (await params).slug);
}

export async function POST(request: Request, { params }: Context) {
  return placeReportResponse(request, (await params).slug);
}
