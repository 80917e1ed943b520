// The change feed of published data (issue #22): lib/export/changes-api.ts.
import { corsPreflight } from '@/lib/export/api';
import { listChanges } from '@/lib/export/changes-api';
import { guarded } from '@/lib/observability/unavailable';

export const dynamic = 'force-dynamic';

export const GET = guarded((request: Request) => listChanges(request));
export const OPTIONS = () => corsPreflight();
