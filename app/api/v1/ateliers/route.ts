import { corsPreflight } from '@/lib/export/api';
import { listSessions } from '@/lib/export/ateliers-api';
import { guarded } from '@/lib/observability/unavailable';

export const dynamic = 'force-dynamic';

export const GET = guarded((request: Request) => listSessions(request));
export const OPTIONS = () => corsPreflight();
