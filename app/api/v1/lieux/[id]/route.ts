import { corsPreflight, onePlace } from '@/lib/export/api';
import { guarded } from '@/lib/observability/unavailable';

export const dynamic = 'force-dynamic';

export const GET = guarded(async (request: Request, { params }: { params: Promise<{ id: string }> }) => onePlace(request, (await params).id));
export const OPTIONS = () => corsPreflight();
