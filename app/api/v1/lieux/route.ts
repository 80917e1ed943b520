import { corsPreflight, listPlaces } from '@/lib/export/api';

export const dynamic = 'force-dynamic';

export const GET = (request: Request) => listPlaces(request);
export const OPTIONS = () => corsPreflight();
