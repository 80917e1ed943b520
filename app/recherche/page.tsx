import type { Metadata } from 'next';
import { SelectionButton } from '@/components/orientation/SelectionButton';
import { SearchView } from '@/components/search/SearchView';
import { parseSearchParams } from '@/lib/search/filters';

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { filters } = parseSearchParams(await searchParams);
  return {
    title: filters.ou ? `Aide au numérique près de ${filters.ou}` : 'Trouver un lieu d’aide au numérique',
    description: 'Les lieux où se faire aider pour le numérique près de chez vous : démarches en ligne, ordinateur, internet, souvent gratuitement.',
    robots: { index: false, follow: true },
  };
}

export default async function SearchPage({ searchParams }: Props) {
  return <SearchView params={await searchParams} basePath="/recherche" renderActions={(place) => <SelectionButton id={place.id} slug={place.slug} name={place.name} />} />;
}
