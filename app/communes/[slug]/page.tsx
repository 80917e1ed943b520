import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { SearchResults } from '@/components/search/SearchView';
import { appWidgets } from '@/components/search/widgets';
import { communeBySlug } from '@/lib/geo/communes';
import { loadSearch } from '@/lib/search/page';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const commune = communeBySlug((await params).slug);
  if (!commune) return { title: 'Commune inconnue' };
  return {
    title: `Aide au numérique à ${commune.name} (${commune.postcodes[0] ?? commune.departement})`,
    description: `Où se faire aider pour le numérique à ${commune.name} et autour : démarches en ligne, ordinateur, internet, souvent gratuitement.`,
    alternates: { canonical: `/communes/${commune.slug}` },
  };
}

export default async function CommunePage({ params, searchParams }: Props) {
  const commune = communeBySlug((await params).slug);
  if (!commune) notFound();
  const data = await loadSearch(await searchParams, { ou: `${commune.name} ${commune.postcodes[0] ?? ''}`.trim() });
  return (
    <>
      <SearchResults data={data} basePath={`/communes/${commune.slug}`} heading={`Aide au numérique à ${commune.name} et autour`} widgets={appWidgets()} />
      <p className="container">
        <Link href={`/departements/${commune.departement}`}>Tous les lieux du département</Link>
      </p>
    </>
  );
}
