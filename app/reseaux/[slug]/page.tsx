import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import Link from 'next/link';
import { SearchResults } from '@/components/search/SearchView';
import { appWidgets } from '@/components/search/widgets';
import { publicUrl } from '@/lib/config/env';
import { networkBySlug, networkPlaceFigures } from '@/lib/networks/public';
import { loadSearch } from '@/lib/search/page';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await networkBySlug((await params).slug);
  return found ? { title: `Réseau ${found.name}`, description: found.description ?? undefined } : { title: 'Réseau introuvable' };
}

export default async function NetworkPage({ params, searchParams }: Props) {
  const found = await networkBySlug((await params).slug);
  if (!found) notFound();
  const counts = await networkPlaceFigures(found.id);
  const places = counts.places;
  const share = (n: number) => (places ? Math.round((n / places) * 100) : 0);
  const origin = publicUrl();
  const snippet = `<iframe src="${origin}/embed?reseau=${found.slug}" title="Lieux d’aide au numérique du réseau ${found.name.replace(/"/g, '&quot;')}" width="100%" height="720" style="border:0" loading="lazy"></iframe>`;
  return (
    <>
      <div className="container prose network-intro" style={found.color ? { borderTop: `6px solid ${found.color}` } : undefined}>
        <h1>{found.name}</h1>
        {found.description && <p className="pre-line">{found.description}</p>}
        <ul className="plain-list">
          {found.territory.length > 0 && (
            <li>
              Territoire : départements {found.territory.join(', ')} — où l’aide manque :{' '}
              {found.territory.map((code, i) => (
                <span key={code}>
                  {i > 0 && ', '}
                  <Link href={`/territoires/${code}`}>couverture du {code}</Link>
                </span>
              ))}
            </li>
          )}
          {found.contactEmail && (
            <li>
              Coordination : <a href={`mailto:${found.contactEmail}`}>{found.contactEmail}</a>
            </li>
          )}
          {found.website && (
            <li>
              Site : <a href={found.website}>{found.website.replace(/^https?:\/\//, '')}</a>
            </li>
          )}
        </ul>
        <p>
          <strong>{places}</strong> lieux publiés · <strong>{share(counts.free)} %</strong> gratuits · <strong>{share(counts.saturday)} %</strong> ouverts le
          samedi
        </p>
        <details className="embed-snippet">
          <summary>Intégrer cet annuaire sur votre site</summary>
          <p>
            Copiez ce code dans une page de votre site : la liste et la carte des lieux du réseau s’y affichent, avec les mêmes filtres (
            <a href={`/embed?reseau=${found.slug}`}>aperçu</a>).
          </p>
          <label htmlFor="embed-code">Code à copier</label>
          <textarea id="embed-code" readOnly rows={4} value={snippet} className="embed-snippet__code" style={{ fontFamily: 'monospace', width: '100%' }} />
        </details>
      </div>
      <SearchResults
        data={await loadSearch(await searchParams, { reseau: found.slug })}
        basePath={`/reseaux/${found.slug}`}
        heading={`Les lieux du réseau ${found.name}`}
        headingLevel={2}
        widgets={appWidgets()}
      />
    </>
  );
}
