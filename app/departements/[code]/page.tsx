import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Directory } from '@/components/search/Directory';
import { communeByCode } from '@/lib/geo';
import { slugify } from '@/lib/geo/fold';
import { departementPlaces } from '@/lib/places/list';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ code: string }> };

type Departement = { code: string; nom: string };
const departements = require('@etalab/decoupage-administratif/data/departements.json') as Departement[];

function departement(code: string) {
  return departements.find((d) => d.code === code.toUpperCase());
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const dep = departement((await params).code);
  if (!dep) return { title: 'Département inconnu' };
  return {
    title: `Aide au numérique en ${dep.nom} (${dep.code})`,
    description: `Les lieux de médiation numérique du département ${dep.nom} : France Services, espaces publics numériques, médiathèques, centres sociaux, par commune.`,
    alternates: { canonical: `/departements/${dep.code}` },
  };
}

export default async function DepartementPage({ params }: Props) {
  const dep = departement((await params).code);
  if (!dep) notFound();
  const places = await departementPlaces(dep.code);
  const byCommune = new Map<string, { label: string; href: string | null; places: typeof places }>();
  for (const place of places) {
    const commune = place.inseeCode ? communeByCode(place.inseeCode) : undefined;
    const key = commune?.code ?? place.commune;
    const entry = byCommune.get(key) ?? {
      label: commune?.name ?? place.commune,
      href: commune ? `/communes/${commune.code}-${slugify(commune.name)}` : null,
      places: [],
    };
    entry.places.push(place);
    byCommune.set(key, entry);
  }
  return (
    <div className="container">
      <h1>
        Aide au numérique en {dep.nom} ({dep.code})
      </h1>
      <p>
        {places.length} lieu{places.length > 1 ? 'x' : ''} dans {byCommune.size} commune{byCommune.size > 1 ? 's' : ''}.{' '}
        <a href={`/recherche?ou=${encodeURIComponent(dep.nom)}`}>Chercher près d’une adresse</a> ·{' '}
        <Link href={`/territoires/${dep.code}`}>Où l’aide manque dans le département</Link>
      </p>
      <Directory groups={[...byCommune.values()]} headingLevel={2} />
    </div>
  );
}
