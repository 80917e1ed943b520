import { corsPreflight, onePlace } from '@/lib/export/api';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return onePlace(request, (await params).id);
}
export const OPTIONS = () => corsPreflight();
