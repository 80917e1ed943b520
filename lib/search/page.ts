// The data of a search page, read from its URL: the filters, "now", the search's answer, and for
// the network embed the network it shows. The pages (app/recherche, app/embed, the commune and
// network pages) call these and hand the result to the views in components/search.
import 'server-only';
import { readDb } from '@/lib/db';
import { parseSearchParams, type SearchFilters } from './filters';
import { searchPlaces, type SearchResponse } from './index';
import { requestNow } from './now';

export type SearchParams = Record<string, string | string[] | undefined>;

export type SearchData = { filters: SearchFilters; scope?: Partial<SearchFilters>; now: Date; response: SearchResponse };

/** The URL's query as the search reads it: repeated names (besoin=…&besoin=…) become lists. */
export function queryParams(url: URL): SearchParams {
  const params: SearchParams = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    params[key] = values.length > 1 ? values : values[0];
  }
  return params;
}

/** Runs the search a page shows: the URL's filters, then those the page imposes (a territory, a network). */
export async function loadSearch(params: SearchParams, scope?: Partial<SearchFilters>, options: { pageSize?: number } = {}): Promise<SearchData> {
  const parsed = parseSearchParams(params);
  const filters: SearchFilters = { ...parsed.filters, ...scope };
  const now = requestNow(params);
  const response = await searchPlaces(filters, { now, problems: parsed.problems, pageSize: options.pageSize });
  return { filters, scope, now, response };
}

export type EmbedNetwork = { slug: string; name: string; color: string | null };

/** The network embed: the network named by `reseau` (if it exists) and the search limited to it. */
export async function loadEmbedSearch(params: SearchParams): Promise<{ network: EmbedNetwork | null; data: SearchData }> {
  const slug = parseSearchParams(params).filters.reseau;
  const network = slug ? await readDb.network.findUnique({ where: { slug }, select: { slug: true, name: true, color: true } }) : null;
  const data = await loadSearch(params, network ? { reseau: network.slug } : undefined);
  return { network, data };
}
