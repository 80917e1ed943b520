// "Now" for the place page. End-to-end tests freeze it (only when the server runs with E2E=1,
// never in production) with ?maintenant=<ISO date> or an `x-reperes-now` cookie, so that the
// browser clock (page.clock) and the server agree.
import 'server-only';
import { requestNow } from '@/lib/search/now';

export const NOW_COOKIE = 'x-reperes-now';

export function placePageNow(request: Request): Date {
  if (process.env.E2E !== '1') return new Date();
  const frozen = new URL(request.url).searchParams.get('maintenant');
  if (frozen) return requestNow({ maintenant: frozen });
  const cookie = (request.headers.get('cookie') ?? '').split(/;\s*/).find((c) => c.startsWith(`${NOW_COOKIE}=`));
  const value = cookie ? decodeURIComponent(cookie.slice(NOW_COOKIE.length + 1)) : '';
  return value && !Number.isNaN(Date.parse(value)) ? new Date(value) : new Date();
}
