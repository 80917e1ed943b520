// The embeddable directory: /embed?reseau=cybanjou&... takes the same URL filters as /recherche and
// renders the list and map without the site's header and footer, for an <iframe> on a partner's
// site. Place links open in the whole window (target=_top); proxy.ts leaves X-Frame-Options off
// for /embed only. It reuses the search page's components, so it ships no more JavaScript.
import type { Metadata } from 'next';
import { SearchView } from '@/components/search/SearchView';
import { readDb } from '@/lib/db';
import { parseSearchParams } from '@/lib/search/filters';
import './embed.css';

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

async function networkOf(params: Record<string, string | string[] | undefined>) {
  const slug = parseSearchParams(params).filters.reseau;
  return slug ? readDb.network.findUnique({ where: { slug }, select: { slug: true, name: true, color: true } }) : null;
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const network = await networkOf(await searchParams);
  return { title: network ? `Les lieux du réseau ${network.name}` : 'Lieux d’aide au numérique', robots: { index: false, follow: true } };
}

export default async function EmbedPage({ searchParams }: Props) {
  const params = await searchParams;
  const network = await networkOf(params);
  return (
    <div className="embed-root" style={network?.color ? { borderTop: `4px solid ${network.color}` } : undefined}>
      <SearchView
        params={params}
        basePath="/embed"
        scope={network ? { reseau: network.slug } : undefined}
        heading={network ? `Les lieux du réseau ${network.name}` : undefined}
        linkTarget="_top"
      />
      <p className="embed-credit container">
        Annuaire fourni par{' '}
        <a href="/" target="_blank" rel="noopener">
          Repères
        </a>
        , l’annuaire ouvert des lieux d’aide au numérique (données sous Licence Ouverte).
      </p>
    </div>
  );
}
