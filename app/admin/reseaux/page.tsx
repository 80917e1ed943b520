import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { managedNetworks } from '@/lib/networks/dashboard';

export const metadata = { title: 'Coordination des réseaux' };

export default async function NetworksAdmin() {
  const user = await requireUser('/admin/reseaux');
  const networks = await managedNetworks(user);
  return (
    <>
      <h1>Coordination des réseaux</h1>
      {networks.length === 0 ? (
        <p>Vous ne coordonnez aucun réseau.</p>
      ) : (
        <ul>
          {networks.map((n) => (
            <li key={n.id}>
              <Link href={`/admin/reseaux/${n.slug}`}>{n.name}</Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
