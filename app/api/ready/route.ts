// Readiness: 200 when the database answers and its migrations are up to date, 503 with the
// reason otherwise (a load balancer keeps traffic away until then). Liveness is /api/health.
import { headers } from 'next/headers';
import { db, readDb } from '@/lib/db';
import { forRequest } from '@/lib/observability/logger';
import { checkReadiness } from '@/lib/observability/readiness';

export const dynamic = 'force-dynamic';

export async function GET() {
  const state = await checkReadiness({ db, replica: readDb });
  if (!state.ready) {
    forRequest((await headers()).get('x-request-id')).warn({ reason: state.reason, pending: state.pending, failed: state.failed }, 'not ready');
    return Response.json({ status: 'unavailable', ...state }, { status: 503, headers: { 'Cache-Control': 'no-store', 'Retry-After': '5' } });
  }
  return Response.json({ status: 'ready', migrations: state.migrations }, { headers: { 'Cache-Control': 'no-store' } });
}
