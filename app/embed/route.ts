import { searchPageResponse } from '@/app/recherche/search-response';
import { agendaEmbedResponse, isAgendaView } from './agenda-response';

export const dynamic = 'force-dynamic';

// The search embed, or with vue=ateliers the network's agenda of coming sessions.
export function GET(request: Request) {
  if (isAgendaView(new URL(request.url))) return agendaEmbedResponse(request);
  return searchPageResponse(request, 'embed');
}
