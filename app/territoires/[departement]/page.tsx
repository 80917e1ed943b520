import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CoverageForm, CoverageReport } from '@/components/coverage/CoverageReport';
import { env } from '@/lib/config/env';
import { departementCoverage } from '@/lib/coverage/departement';
import { departementByCode, parseCoverageParams } from '@/lib/coverage/params';
import '@/components/coverage/coverage.css';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ departement: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const dep = departementByCode((await params).departement);
  if (!dep) return { title: 'Département inconnu' };
  return {
    title: `Où l’aide au numérique manque en ${dep.nom} (${dep.code})`,
    description: `Part de la population à moins de 5, 10 et 20 km d’un lieu d’aide au numérique en ${dep.nom}, et les communes les plus éloignées.`,
  };
}

export default async function TerritoryPage({ params, searchParams }: Props) {
  const dep = departementByCode((await params).departement);
  if (!dep) notFound();
  const query = parseCoverageParams(await searchParams);
  const { result, saturday } = await departementCoverage(dep.code, query);
  const config = env();
  return (
    <div className="container coverage">
      <h1>
        Où l’aide au numérique manque : {dep.nom} ({dep.code})
      </h1>
      <p className="prose">
        Pour chaque commune, la distance de son centre au lieu publié le plus proche qui offre le service choisi — y compris hors du département et aux arrêts
        des lieux itinérants. Les lieux fermés temporairement aujourd’hui ne comptent pas. Voir aussi{' '}
        <Link href={`/departements/${dep.code}`}>les lieux du département</Link>.
      </p>
      {!result ? (
        <div className="notice notice--warning" role="status">
          <p>Le référentiel des communes (population et point central) n’est pas chargé pour ce département : la couverture ne peut pas être calculée.</p>
          <p>
            Une personne qui administre Repères le charge avec la commande <code>npm run import:communes</code> : sans argument, elle charge le référentiel
            livré avec Repères.
          </p>
        </div>
      ) : (
        <>
          <CoverageForm action={`/territoires/${dep.code}`} params={query} />
          <CoverageReport result={result} saturday={saturday} params={query} map={{ tileUrl: config.TILE_URL, attribution: config.TILE_ATTRIBUTION }} />
        </>
      )}
    </div>
  );
}
