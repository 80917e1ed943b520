// "Now" for the place page. End-to-end tests freeze it (only when the server runs with E2E=1,
// never in production) with ?maintenant=<ISO date> or an `x-reperes-now` cookie, so that the
// browser clock (page.clock) and the server agree.
import 'server-only';
import { cookies } from 'next/headers';
import { requestNow } from '@/lib/search/now';

export const NOW_COOKIE = 'x-reperes-now';

export async function placePageNow(searchParams: Record<string, string | string[] | undefined>): Promise<Date> {
  if (process.env.E2E !== '1') return new Date();
  if (typeof searchParams.maintenant === 'string') return requestNow(searchParams);
  const frozen = (await cookies()).get(NOW_COOKIE)?.value;
  return frozen && !Number.isNaN(Date.parse(frozen)) ? new Date(frozen) : new Date();
}
