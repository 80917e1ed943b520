// The network pages: the list of networks, and one network's page (its territory, contact,
// figures, the code to embed its directory, and its places through the search). Plain markup
// (rendered by lib/render: app/reseaux/route.ts, app/reseaux/[slug]/route.ts) in the visitor's
// language (`t`); a network's own words (name, description) stay French, marked so. The map is
// drawn by the public pages' script (components/islands/map.ts).
import { SearchResults } from '@/components/search/SearchView';
import { plainWidgets } from '@/components/search/widgets';
import { translator, type Translator } from '@/lib/i18n';
import type { networkBySlug, networksWithPublishedCounts } from '@/lib/networks/public';
import type { SearchData } from '@/lib/search/page';

type Networks = Awaited<ReturnType<typeof networksWithPublishedCounts>>;

export function NetworksView({ networks, t = translator() }: { networks: Networks; t?: Translator }) {
  const fr = t.locale === 'fr' ? undefined : 'fr';
  return (
    <div className="container prose">
      <h1>{t('network.listHeading')}</h1>
      <p>{t('network.listIntro')}</p>
      <ul>
        {networks.map((network) => (
          <li key={network.id}>
            <a href={t.path(`/reseaux/${network.slug}`)} lang={fr}>
              {network.name}
            </a>{' '}
            — {t('network.places', { count: network.publishedPlaces })}
          </li>
        ))}
      </ul>
    </div>
  );
}

type NetworkProps = {
  found: NonNullable<Awaited<ReturnType<typeof networkBySlug>>>;
  counts: { places: number; free: number; saturday: number };
  origin: string;
  data: SearchData;
  t?: Translator;
};

/** The code a site copies: the embed in the page's language, its title in that language too. */
function embedSnippet(found: NetworkProps['found'], origin: string, t: Translator): string {
  const title = t('network.embedTitle', { name: found.name }).replace(/"/g, '&quot;');
  return `<iframe src="${origin}${t.path(`/embed?reseau=${found.slug}`)}" title="${title}" width="100%" height="720" style="border:0" loading="lazy"></iframe>`;
}

function NetworkFacts({ found, t }: { found: NetworkProps['found']; t: Translator }) {
  const frenchPage = t.locale === 'fr' ? undefined : 'fr';
  return (
    <ul className="plain-list">
      {found.territory.length > 0 && (
        <li>
          {t('network.territory', { list: found.territory.join(t('list.separator')) })}{' '}
          {found.territory.map((code, i) => (
            <span key={code}>
              {i > 0 && t('list.separator')}
              <a href={`/territoires/${code}`} hrefLang={frenchPage}>
                {t('network.coverage', { code })}
              </a>
            </span>
          ))}
        </li>
      )}
      {found.contactEmail && (
        <li>
          {t('network.contact')} <a href={`mailto:${found.contactEmail}`}>{found.contactEmail}</a>
        </li>
      )}
      {found.website && (
        <li>
          {t('network.website')} <a href={found.website}>{found.website.replace(/^https?:\/\//, '')}</a>
        </li>
      )}
    </ul>
  );
}

export function NetworkView({ found, counts, origin, data, t = translator() }: NetworkProps) {
  const places = counts.places;
  const share = (n: number) => (places ? Math.round((n / places) * 100) : 0);
  const fr = t.locale === 'fr' ? undefined : 'fr';
  return (
    <>
      <div className="container prose network-intro" style={found.color ? { borderTop: `6px solid ${found.color}` } : undefined}>
        <h1 lang={fr}>{found.name}</h1>
        {found.description && (
          <p className="pre-line" lang={fr}>
            {found.description}
          </p>
        )}
        <NetworkFacts found={found} t={t} />
        <p>{t('network.figures', { count: places, free: share(counts.free), saturday: share(counts.saturday) })}</p>
        <details className="embed-snippet">
          <summary>{t('network.embed')}</summary>
          <p>
            {t('network.embedText')} (<a href={t.path(`/embed?reseau=${found.slug}`)}>{t('network.preview')}</a>).
          </p>
          <label htmlFor="embed-code">{t('network.embedCode')}</label>
          <textarea
            id="embed-code"
            readOnly
            rows={4}
            value={embedSnippet(found, origin, t)}
            className="embed-snippet__code"
            style={{ fontFamily: 'monospace', width: '100%' }}
          />
        </details>
      </div>
      <SearchResults
        data={data}
        basePath={`/reseaux/${found.slug}`}
        heading={t('network.placesHeading', { name: found.name })}
        headingLevel={2}
        widgets={plainWidgets({ t })}
        t={t}
      />
    </>
  );
}
