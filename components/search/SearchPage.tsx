// /recherche and /embed: the residents' search as a whole document, rendered to HTML on the server
// without Next.js's client runtime (see lib/render) — the list, the filters and the links work
// without JavaScript, and one small script (components/islands/search.ts) adds suggestions,
// "Autour de moi", the selection and the map. The whole state is in the URL. A view only: the
// route (app/recherche/search-response.tsx) reads the data (lib/search/page) and answers HTTP.
import { PublicDocument } from '@/components/layout/PublicDocument';
import { FacileLink } from '@/components/facile/FacileLink';
import { facileSearchHref } from '@/lib/facile/present';
import { OfflinePanel } from '@/components/offline/OfflinePanel';
import { translator, type Translator } from '@/lib/i18n';
import { placeName } from '@/lib/i18n/words';
import type { EmbedNetwork, SearchData } from '@/lib/search/page';
import { SearchResults } from './SearchView';
import { plainWidgets } from './widgets';

/** The search page of /recherche, in the language of `t`; `path` is its unprefixed address with the query (language switch). */
export function SearchPage({ data, nonce, t = translator(), path }: { data: SearchData; nonce: string; t?: Translator; path?: string }) {
  const origin = data.response.origin;
  const title =
    origin && !origin.fromPosition
      ? t('search.titleNear', { place: placeName(t, origin.label, origin.typeLiaison) })
      : data.filters.ou
        ? t('search.titleTyped', { text: data.filters.ou })
        : t('search.titleDefault');
  return (
    <PublicDocument title={title} description={t('search.description')} robots="noindex, follow" nonce={nonce} scripts={['site.js']} t={t} path={path}>
      {/* The easy-to-read version is in French: offered on the French page. */}
      {t.locale === 'fr' && <FacileLink href={facileSearchHref({ ou: data.filters.ou ?? undefined, besoin: data.filters.besoin[0] })} className="container" />}
      <SearchResults data={data} basePath="/recherche" widgets={plainWidgets({ selection: true, t })} t={t} />
      <OfflinePanel departement={origin?.departement ?? undefined} />
    </PublicDocument>
  );
}

type EmbedProps = { data: SearchData; network: EmbedNetwork | null; nonce: string; t?: Translator };

/**
 * The search as another site embeds it (/embed), limited to a network when one is named. In the
 * language of its prefix (/en/embed?reseau=…: the snippet of a network's page in English gives
 * that address), like every translated page; the links it makes stay in that language.
 */
export function EmbedSearchPage({ data, network, nonce, t = translator() }: EmbedProps) {
  const heading = network ? t('network.placesHeading', { name: network.name }) : undefined;
  return (
    <PublicDocument
      title={heading ?? t('search.headingDefault')}
      description={t('search.description')}
      robots="noindex, follow"
      nonce={nonce}
      scripts={['site.js']}
      chrome={false}
      t={t}
    >
      <div className="embed-root" style={network?.color ? { borderTop: `4px solid ${network.color}` } : undefined}>
        <SearchResults data={data} basePath="/embed" widgets={plainWidgets({ t })} heading={heading} linkTarget="_top" t={t} />
        <p className="embed-credit container">
          {t('embed.creditBefore')}{' '}
          <a href={t.path('/')} target="_blank" rel="noopener">
            Repères
          </a>
          {t('embed.creditAfter')}
        </p>
      </div>
    </PublicDocument>
  );
}
