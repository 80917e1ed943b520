import type { Metadata } from 'next';
import Link from 'next/link';
import { networksWithPublishedCounts } from '@/lib/networks/public';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Réseaux', description: 'Les réseaux de lieux de médiation numérique qui tiennent l’annuaire à jour.' };

export default async function Networks() {
  const networks = await networksWithPublishedCounts();
  return (
    <div className="container prose">
      <h1>Réseaux</h1>
      <p>Les réseaux animent les lieux d’un territoire et tiennent leurs fiches à jour.</p>
      <ul>
        {networks.map((network) => (
          <li key={network.id}>
            <Link href={`/reseaux/${network.slug}`}>{network.name}</Link> — {network.publishedPlaces} lieux
          </li>
        ))}
      </ul>
    </div>
  );
}
