import { corsPreflight, listPlaces } from '@/lib/export/api';
import { guarded } from '@/lib/observability/unavailable';

export const dynamic = 'force-dynamic';

export const GET = guarded((request: Request) => listPlaces(request));
export const OPTIONS = () => corsPreflight();
