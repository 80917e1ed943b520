// The HTTP side of the network agenda embed (/embed?reseau=<slug>&vue=ateliers): the page cache
// and its Cache-Control (as the search embed: lib/render, lib/security; the proxy applies the
// embed's framing headers to every /embed answer), the data (lib/ateliers/agenda), the view
// (components/ateliers/EmbedAgenda); 404 for an unknown network, the French error page on failure.
import { unavailablePageResponse } from '@/app/unavailable-response';
import { EmbedAgenda } from '@/components/ateliers/EmbedAgenda';
import { AGENDA_LIMIT, agendaNetwork, networkAgenda } from '@/lib/ateliers/agenda';
import { paramsOf, parseAtelierParams } from '@/lib/ateliers/filters';
import { requestLocale, translator } from '@/lib/i18n';
import { renderDocument } from '@/lib/render/html';
import { servePage } from '@/lib/render/public-page';
import { pageCacheControl } from '@/lib/security/cache-control';
import { requestNow } from '@/lib/search/now';

export const isAgendaView = (url: URL) => url.searchParams.get('vue') === 'ateliers';

export async function agendaEmbedResponse(request: Request): Promise<Response> {
  const url = new URL(request.url);
  try {
    return await servePage(request, async (nonce) => {
      const params = paramsOf(url);
      const { filters } = parseAtelierParams(params);
      const quand = filters.quand?.kind === 'date' ? null : filters.quand;
      const network = await agendaNetwork(filters.reseau);
      const sessions = network ? await networkAgenda(network.id, { now: requestNow(params), quand }) : [];
      const html = renderDocument(
        <EmbedAgenda network={network} sessions={sessions} quand={quand} limit={AGENDA_LIMIT} nonce={nonce} t={translator(requestLocale(request.headers))} />,
      );
      const cacheControl = pageCacheControl({ method: request.method, pathname: url.pathname, cookie: request.headers.get('cookie') });
      return { status: network ? 200 : 404, html, headers: cacheControl ? { 'Cache-Control': cacheControl } : undefined };
    });
  } catch (error) {
    return unavailablePageResponse(request, url, error);
  }
}
